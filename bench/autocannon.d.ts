// autocannon ships no types; only what the benchmark uses is declared.
declare module 'autocannon' {
	namespace autocannon {
		interface Request {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
			setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
			onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			requests?: Request[];
		}
		interface Histogram {
			p50: number;
			p97_5: number;
			p99: number;
			average: number;
		}
		interface Result {
			connections: number;
			duration: number;
			latency: Histogram;
			requests: Histogram & { total: number };
			errors: number;
			timeouts: number;
			non2xx: number;
			statusCodeStats?: Record<string, { count: number }>;
		}
	}
	function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
	export default autocannon;
}
