/**
 * Sequential probes of the running app for as long as one heavy request runs: GET /healthz
 * and another member's ordinary page, alternately, one at a time (a probe never waits
 * behind another probe, so a slow answer is the server's doing, not the prober's).
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Probe {
	target: 'healthz' | 'page';
	/** When the probe was sent, in ms after the heavy request was. */
	at: number;
	ms: number;
	status: number;
}

export interface Stats {
	count: number;
	p50: number;
	p99: number;
	max: number;
	/** Answers other than 200. */
	errors: number;
}

export interface HeavyOutcome {
	status: number;
	/** What the answer was, e.g. `4.2 MB PDF` or the import's refusal; checked by the caller. */
	detail: string;
	ok: boolean;
}

export interface Measured {
	heavy: HeavyOutcome;
	heavySeconds: number;
	probes: Probe[];
}

/** Nearest-rank percentile (p99 of fewer than 100 probes is their maximum). */
export function stats(probes: Probe[], target: Probe['target']): Stats {
	const mine = probes.filter((p) => p.target === target);
	const ms = mine.map((p) => p.ms).sort((a, b) => a - b);
	const rank = (q: number) => ms[Math.max(0, Math.ceil(q * ms.length) - 1)] ?? NaN;
	return {
		count: ms.length,
		p50: rank(0.5),
		p99: rank(0.99),
		max: ms.at(-1) ?? NaN,
		errors: mine.filter((p) => p.status !== 200).length
	};
}

/** The slowest probes with their offsets: when in the heavy request the server stalled. */
export const slowest = (probes: Probe[], n = 3) =>
	[...probes]
		.sort((a, b) => b.ms - a.ms)
		.slice(0, n)
		.map((p) => `${p.target} ${Math.round(p.ms)} ms @${(p.at / 1000).toFixed(2)} s`)
		.join(', ');

/**
 * Starts `heavy` and probes until it has answered in full (body read): every probe sent
 * while it runs is counted, including the last one, which may end just after it.
 */
export async function during(
	url: string,
	page: { path: string; cookie: string },
	pauseMs: number,
	heavy: () => Promise<HeavyOutcome>
): Promise<Measured> {
	const t0 = performance.now();
	let end = 0;
	const running = heavy()
		.catch((e: Error): HeavyOutcome => ({
			status: 0,
			detail: `no answer: ${e.message}`,
			ok: false
		}))
		.finally(() => (end = performance.now()));
	const probes: Probe[] = [];
	for (let i = 0; end === 0; i++) {
		const target = i % 2 === 0 ? 'healthz' : 'page';
		const started = performance.now();
		const res = await fetch(url + (target === 'healthz' ? '/healthz' : page.path), {
			headers: target === 'page' ? { cookie: `session=${page.cookie}` } : {}
		});
		await res.arrayBuffer();
		probes.push({ target, at: started - t0, ms: performance.now() - started, status: res.status });
		if (pauseMs > 0) await sleep(pauseMs);
	}
	return { heavy: await running, heavySeconds: (end - t0) / 1000, probes };
}

/**
 * Waits (up to `maxSeconds`) for the one-minute load average to fall to `limit`: the
 * previous scenario's own work (a minute of PDF layout) raises it, and a busy machine
 * slows every probe. Returns the load average the scenario starts at.
 */
export async function settle(limit: number, maxSeconds: number): Promise<number> {
	const deadline = performance.now() + maxSeconds * 1000;
	while (loadavg()[0]! > limit && performance.now() < deadline) await sleep(2000);
	return loadavg()[0]!;
}
