/**
 * Drives the running app with autocannon: readers open assessment pages while editors
 * save the screening step, both at once, as colleagues do on a shared installation.
 *
 * A save carries the step version its author last saw. Two editors saving the same
 * assessment at the same moment make one of them get 409 (the app refusing a lost
 * update): that is an intended answer, counted apart. Any other non-2xx is an error.
 */
import autocannon from 'autocannon';
import { CRITERIA } from '../src/lib/domain/knowledge/screening-criteria';
import { EDITOR_ROLES, type Workload } from './workload';

/** The pages a reader opens: the overview and the method steps. */
const READ_PATHS = [
	'',
	'/screening',
	'/context',
	'/principles',
	'/risks',
	'/benefits',
	'/risk-map'
];

export interface PhaseResult {
	connections: number;
	requests: number;
	reqPerSec: number;
	p50: number;
	p975: number;
	p99: number;
	/** Intended outcomes other than 2xx: 409 on a concurrent save. */
	intended409: number;
	/** Every other non-2xx answer. */
	httpErrors: number;
	/** Requests without an answer: connection errors and timeouts (autocannon: 10 s). */
	noAnswer: number;
	/** httpErrors + noAnswer. */
	errors: number;
	statusCodes: Record<string, number>;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function summarise(result: autocannon.Result, intendedStatuses: number[]): PhaseResult {
	const statusCodes: Record<string, number> = {};
	for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
		statusCodes[code] = Number(count);
	const intended = intendedStatuses.reduce((n, code) => n + (statusCodes[code] ?? 0), 0);
	const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
	return {
		connections: result.connections,
		requests,
		reqPerSec: requests / result.duration,
		p50: result.latency.p50,
		p975: result.latency.p97_5,
		p99: result.latency.p99,
		intended409: intended,
		httpErrors: result.non2xx - intended,
		noAnswer: result.errors,
		errors: result.non2xx - intended + result.errors,
		statusCodes
	};
}

function readPhase(workload: Workload, url: string, connections: number, duration: number) {
	return autocannon({
		url,
		connections,
		duration,
		requests: [
			{
				method: 'GET',
				setupRequest: (request) => ({
					...request,
					path: `/assessments/${pick(workload.assessments)}${pick(READ_PATHS)}`,
					headers: { ...request.headers, cookie: `session=${pick(workload.members).token}` }
				})
			}
		]
	});
}

function screeningBody(version: number, n: number): string {
	const form = new URLSearchParams();
	form.append('a:criteria', '');
	const keys = CRITERIA.map((c) => c.key);
	const first = pick(keys);
	form.append('a:criteria', first);
	form.append('a:criteria', pick(keys.filter((k) => k !== first)));
	form.append('b:cnilListItem', '');
	// Unique text, so no save is a no-op that leaves the version unchanged.
	form.append('justification', `Écriture de charge n° ${n}`);
	form.append('version', String(version));
	return form.toString();
}

function writePhase(
	workload: Workload,
	url: string,
	origin: string,
	connections: number,
	duration: number
) {
	const editors = workload.members.filter((m) => EDITOR_ROLES.includes(m.role));
	// What the editors last saw, shared: it is updated from each answer, as a browser would.
	const versions = { ...workload.screeningVersions };
	let sent = 0;
	return autocannon({
		url,
		connections,
		duration,
		requests: [
			{
				method: 'POST',
				setupRequest: (request, context) => {
					const id = pick(workload.assessments);
					context.id = id;
					return {
						...request,
						path: `/assessments/${id}/screening?/save`,
						headers: {
							...request.headers,
							cookie: `session=${pick(editors).token}`,
							'content-type': 'application/x-www-form-urlencoded',
							accept: 'text/html',
							origin
						},
						body: screeningBody(versions[id]!, ++sent)
					};
				},
				onResponse: (status, body, context) => {
					// The form re-rendered after a save or a 409 carries the current version.
					const match = /name="version" value="(\d+)"/.exec(body);
					if (match && (status === 200 || status === 409)) {
						versions[context.id as string] = Math.max(
							versions[context.id as string]!,
							Number(match[1])
						);
					}
				}
			}
		]
	});
}

export interface LoadOptions {
	readConnections: number;
	writeConnections: number;
	duration: number;
}

/** Both phases run at the same time for `duration` seconds. */
export async function runLoad(
	workload: Workload,
	app: { url: string; origin: string },
	o: LoadOptions
) {
	const [reads, writes] = await Promise.all([
		readPhase(workload, app.url, o.readConnections, o.duration),
		writePhase(workload, app.url, app.origin, o.writeConnections, o.duration)
	]);
	return { reads: summarise(reads, []), writes: summarise(writes, [409]) };
}
