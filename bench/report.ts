/**
 * bench/results.md: one section per benchmark between markers, so a run rewrites only
 * the sections it measured and keeps the others (e.g. the export benchmark's).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as prettier from 'prettier';
import type { AuditBench, Timing } from './audit';
import type { PhaseResult } from './load';
import type { AfterLoad } from './checks';
import type { ServedExport, ServedRun } from './export-served';
import type { ListBench } from './list-bench';
import type { RecordMemory } from './record-memory-bench';

export const RESULTS = 'bench/results.md';
// Issue 13's targets: under the load benchmark, on a machine at load ≤ 1.5 before the run.
export const TARGETS = {
	readP975: 150,
	writeP99: 250,
	cpuMsPerRequest: 4,
	loadBefore: 1.5,
	auditSeconds: 1.5,
	exportPeakRssMb: 300,
	exportCpuSeconds: 5,
	// GET /assessments with 10,000 assessments, one client at a time.
	listP95Ms: 50,
	listHtmlKb: 100,
	// The record page with 1,000 history entries, over 1,000 views after the warm-up.
	recordRssGrowthMb: 20
};

export function machine(): string {
	const cpu = cpus();
	const load = loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');
	return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ${load} (1/5/15 min)`;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

export interface LoadReport {
	command: string;
	date: string;
	machineBefore: string;
	machineAfter: string;
	duration: number;
	warmup: number;
	assessments: number;
	users: number;
	reads: PhaseResult;
	writes: PhaseResult;
	after: AfterLoad;
	/** CPU seconds the app process used while measuring; null where /proc is missing. */
	appCpuSeconds: number | null;
	/** One-minute load average when the run began. */
	loadBefore: number;
}

export function loadSection(r: LoadReport): string {
	const row = (name: string, p: PhaseResult) =>
		`| ${name} | ${p.connections} | ${p.requests} | ${p.reqPerSec.toFixed(1)} | ${ms(p.p50)} | ${ms(p.p975)} | ${ms(p.p99)} | ${p.intended409} | ${p.httpErrors} | ${p.noAnswer} |`;
	const codes = (p: PhaseResult) =>
		Object.entries(p.statusCodes)
			.map(([c, n]) => `${c}: ${n}`)
			.join(', ');
	const readsOk = r.reads.p975 <= TARGETS.readP975;
	const writesOk = r.writes.p99 <= TARGETS.writeP99;
	const errorsOk = r.reads.errors + r.writes.errors === 0;
	const cpuPerRequest =
		r.appCpuSeconds === null
			? null
			: (1000 * r.appCpuSeconds) / (r.reads.requests + r.writes.requests);
	const saved = r.writes.statusCodes['200'] ?? 0;
	// autocannon stops without waiting for the answers in flight, and gives up on a request
	// after 10 s; the app still completes them (SIGTERM lets requests finish). So up to one
	// save per writer, plus one per unanswered request, may land uncounted.
	const extra = r.after.versionIncrements - saved;
	const noLostUpdate = extra >= 0 && extra <= r.writes.connections + r.writes.noAnswer;
	return [
		'## Load: reads and step saves at the same time',
		'',
		`- Date: ${r.date}`,
		`- Command: \`${r.command}\``,
		`- Machine at start: ${r.machineBefore}`,
		`- Machine at end: ${r.machineAfter}`,
		`- Workload: fresh database, ${r.users} users across the roles, ${r.assessments} assessments from the booking template; \`synchronous=FULL\`, WAL; the built app (\`node scripts/serve.js\`) and autocannon on the same machine.`,
		`- ${r.duration} s measured after ${r.warmup} s of warm-up (not counted). Readers GET an assessment's overview or one of its step pages, at random, as a random member; writers POST the screening step's \`?/save\` form (\`accept: text/html\`, same origin) as a random DPO or contributor, with the version last seen for that assessment.`,
		'',
		'| Phase | Connections | Answers | Req/s | p50 | p97.5 | p99 | Intended 409 | Other non-2xx | No answer |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		row('Reads', r.reads),
		row('Writes', r.writes),
		'',
		`Status codes: reads ${codes(r.reads)}; writes ${codes(r.writes)}. "No answer" counts connection errors and requests unanswered after autocannon's 10 s timeout; latencies are those of the answers.`,
		'',
		...(r.appCpuSeconds === null
			? []
			: [
					`- The app process used ${r.appCpuSeconds.toFixed(1)} CPU s in ${r.duration} s (${Math.round((100 * r.appCpuSeconds) / r.duration)} % of one core; Node serves requests on one thread), i.e. ${cpuPerRequest!.toFixed(1)} ms of CPU per request on average.`,
					''
				]),
		`- Load average ≤ ${TARGETS.loadBefore} before the run (a busier machine makes every figure below worse): ${met(r.loadBefore <= TARGETS.loadBefore)} (${r.loadBefore.toFixed(2)})`,
		`- Reads p97.5 ≤ ${TARGETS.readP975} ms: ${met(readsOk)} (${ms(r.reads.p975)})`,
		`- Writes p99 ≤ ${TARGETS.writeP99} ms: ${met(writesOk)} (${ms(r.writes.p99)})`,
		`- CPU per request ≤ ${TARGETS.cpuMsPerRequest} ms: ${cpuPerRequest === null ? 'not measured (no /proc)' : `${met(cpuPerRequest <= TARGETS.cpuMsPerRequest)} (${cpuPerRequest.toFixed(1)} ms)`}`,
		`- Zero unintended non-2xx: ${met(errorsOk)} (${r.reads.httpErrors + r.writes.httpErrors} other non-2xx, ${r.reads.noAnswer + r.writes.noAnswer} without an answer)`,
		`- After the run: \`PRAGMA integrity_check\` = ${r.after.integrity}; audit chain ${r.after.auditOk ? 'intact' : '**broken**'} (${r.after.auditEntries} entries); screening versions advanced by ${r.after.versionIncrements} for ${saved} saves answered 200 while measuring (${noLostUpdate ? `no lost update; ${extra} save(s) in flight at the end` : '**mismatch: an update was lost or counted twice**'}).`
	].join('\n');
}

export function auditSection(
	a: AuditBench,
	command: string,
	date: string,
	machineNow: string
): string {
	const n = a.entries.toLocaleString('en');
	const best = (xs: Timing[]) => xs.reduce((b, x) => (x.wall < b.wall ? x : b));
	const runs = (xs: Timing[]) =>
		xs.map((x) => `${x.wall.toFixed(2)} s (CPU ${x.cpu.toFixed(2)} s)`).join(', ');
	const rate = (s: number) => `${Math.round(a.entries / s).toLocaleString('en')} entries/s`;
	const row = (name: string, xs: Timing[]) =>
		`| ${name} | ${runs(xs)} | ${best(xs).wall.toFixed(2)} s | ${rate(best(xs).wall)} |`;
	const cliBest = Math.min(...a.cli);
	// The verifier's own figure, printed by the CLI: "(1.23 s, 2 threads)".
	const own = /\((\d+\.\d+) s, \d+ threads?\)/.exec(a.cliOutput)?.[1];
	const verifierBest = best(a.threaded).wall;
	return [
		'## Audit verification',
		'',
		`- Date: ${date}`,
		`- Command: \`${command}\``,
		`- Machine: ${machineNow}`,
		`- A fresh database holding a valid chain of ${n} entries shaped like the app's (generated with \`sealEntry\` in ${a.generateSeconds.toFixed(1)} s); every run must find the generated head.`,
		'',
		'| Measure | Runs: wall (CPU) | Best wall | Rate (best) |',
		'| --- | --- | ---: | ---: |',
		row('`verify()`, one thread', a.oneThread),
		row(`Split over ${a.threads} threads (as \`audit:verify\`)`, a.threaded),
		`| \`npm run audit:verify\` end to end | ${a.cli.map((s) => `${s.toFixed(2)} s`).join(', ')} | ${cliBest.toFixed(2)} s | ${rate(cliBest)} |`,
		'',
		`Last CLI output: \`${a.cliOutput}\`${own ? ` (verification itself: ${own} s; the rest of the end-to-end time is starting npx and tsx)` : ''}`,
		'',
		`Floor measured in this run: reading every row on one thread ${a.floor.scanSeconds.toFixed(2)} s, hashing ${(a.floor.hashedBytes / 1e6).toFixed(0)} MB at ${(a.floor.sha256BytesPerSecond / 1e9).toFixed(2)} GB/s ${(a.floor.hashedBytes / a.floor.sha256BytesPerSecond).toFixed(2)} s; both over ${a.threads} threads: **${a.floor.seconds.toFixed(2)} s**.`,
		'',
		`- ${n} entries verified in ≤ ${TARGETS.auditSeconds} s (${a.threads} threads, from opening the database to the verdict): ${met(verifierBest <= TARGETS.auditSeconds)} (${verifierBest.toFixed(2)} s, ${(verifierBest / a.floor.seconds).toFixed(1)} × the floor)`
	].join('\n');
}

export function exportSection(
	e: ServedExport,
	command: string,
	date: string,
	machineNow: string
): string {
	const mb = (n: number) => `${Math.round(n)} MB`;
	const targets = (run: ServedRun) => [
		`- Peak RSS ≤ ${TARGETS.exportPeakRssMb} MB: ${met(run.peakRssMb <= TARGETS.exportPeakRssMb)} (${mb(run.peakRssMb)})`,
		`- CPU ≤ ${TARGETS.exportCpuSeconds} s: ${met(run.cpuSeconds <= TARGETS.exportCpuSeconds)} (${run.cpuSeconds.toFixed(2)} s)`
	];
	return [
		'## Export: the large evidence bundle, served',
		'',
		`- Date: ${date}`,
		`- Command: \`${command}\``,
		`- Machine: ${machineNow}`,
		`- The built app (\`node scripts/serve.js\`) serves a fresh data directory holding the demo and a large assessment (200 risks, 500 measures, 20 attachments totalling 50 MB, 100,000 audit entries; written in ${e.prepareSeconds.toFixed(0)} s); a DPO downloads the demo's bundle (not measured: the first export starts the render worker, which loads the export code and fonts and stays warm for the next export within five minutes), then the large one (${e.zipMb.toFixed(1)} MB ZIP, report PDF included) in ${e.wallSeconds.toFixed(2)} s.`,
		`- The server process, worker threads included, read from /proc: RSS ${mb(e.rssBeforeMb)} before the download, peak ${mb(e.peakRssMb)} (${e.peakFrom}, reset before the download); ${e.cpuSeconds.toFixed(2)} s of CPU.`,
		'- Timings of each part of a bundle (report PDF, ZIP) in one process: `npm run bench:export`, appended to bench/export-results.md.',
		'',
		...targets(e),
		'',
		`With a cold render worker: the same download from a second server started with \`WORKBENCH_RENDER_IDLE_MS=0\`, which ends each worker after its job, as happens to any export more than five minutes after the last one (RSS ${mb(e.cold.rssBeforeMb)} before, ${e.cold.wallSeconds.toFixed(2)} s):`,
		'',
		...targets(e.cold)
	].join('\n');
}

export function listSection(
	l: ListBench,
	command: string,
	date: string,
	machineNow: string
): string {
	const n = l.assessments.toLocaleString('en');
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
	const f = (x: number, digits: number) => x.toFixed(digits);
	// The members' ids differ from run to run: not worth a diff of the results.
	const shown = (path: string) => path.replace(/lead=[^&]+/, 'lead=<id>');
	const slowest = l.pages.reduce((a, b) => (b.p95 > a.p95 ? b : a));
	const largest = l.pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
	return [
		`## List: GET /assessments with ${n} assessments`,
		'',
		`- Date: ${date}`,
		`- Command: \`${command}\``,
		`- Machine: ${machineNow}`,
		`- The built app (\`node scripts/serve.js\`) serves a fresh installation (20 members) and ${n} bare assessments written straight into the table (bench/bulk-data.ts; a quarter decided with a review date, leads and dates varied so the filters have work). A DPO asks for each list below ${l.requests} times, one request at a time, after 10 warm-up requests (not counted), \`accept-encoding: identity\`. Latencies in ms from sending to the last byte; sizes are the HTML's, plain and gzip.`,
		'',
		'| List | Path | Rows | p50 | p95 | HTML | gzip |',
		'| --- | --- | ---: | ---: | ---: | ---: | ---: |',
		...l.pages.map(
			(p) =>
				`| ${p.name} | \`${shown(p.path)}\` | ${p.rows} | ${f(p.p50, 1)} | ${f(p.p95, 1)} | ${kb(p.bytes)} | ${kb(p.gzipBytes)} |`
		),
		'',
		`The list's two queries (\`listPage\`, \`leadChoices\`) timed in the bench process, without HTTP or rendering, p50 / p95 in ms: ${l.queries.map((q) => `${q.name} ${f(q.p50, 2)} / ${f(q.p95, 2)}`).join('; ')}.`,
		'',
		`- Every list above with ${n} assessments, p95 ≤ ${TARGETS.listP95Ms} ms (single client): ${met(slowest.p95 <= TARGETS.listP95Ms)} (slowest: ${slowest.name}, ${ms(slowest.p95)})`,
		`- Every list above ≤ ${TARGETS.listHtmlKb} kB of HTML: ${met(largest.bytes / 1024 <= TARGETS.listHtmlKb)} (largest: ${largest.name}, ${kb(largest.bytes)})`
	].join('\n');
}

export function recordSection(
	r: RecordMemory,
	command: string,
	date: string,
	machineNow: string
): string {
	const n = (x: number) => x.toLocaleString('en');
	return [
		`## Record page memory: ${n(r.views)} views`,
		'',
		`- Date: ${date}`,
		`- Command: \`${command}\``,
		`- Machine: ${machineNow}`,
		`- The built app (\`node scripts/serve.js\`) serves a fresh installation with one analysis whose audit trail holds ${n(r.entries)} entries (step saves, each its own audited entry); its decision record page shows them 50 at a time, the most recent first (${(r.htmlBytes / 1024).toFixed(0)} kB of HTML). A DPO views that page ${n(r.warmup)} times (warm-up, not counted), then ${n(r.views)} times, one request at a time; the server's RSS (VmRSS from /proc) is read at the end of the warm-up and every 10 views (the table shows every tenth reading).`,
		'- V8 grows its heap lazily over the first ~100 views of a large page and then holds it, hence the warm-up: a rise that levels off is the heap settling, one that keeps rising is a leak. One reading moves ±15 MB with where the collector happens to be (a sawtooth of about 200 views), so growth is the least-squares trend of a reading taken every 10 views, times the views: the median of three readings at each end, used before, swung by ±15 MB from run to run.',
		'',
		`| Views after the warm-up | ${r.readings.map((x) => n(x.views)).join(' | ')} |`,
		`| --- | ${r.readings.map(() => '---:').join(' | ')} |`,
		`| RSS (MB) | ${r.readings.map((x) => x.rssMb.toFixed(0)).join(' | ')} |`,
		'',
		`- RSS growth over ${n(r.views)} views of the record page with ${n(r.entries)} history entries ≤ ${TARGETS.recordRssGrowthMb} MB: ${met(r.growthMb <= TARGETS.recordRssGrowthMb)} (${r.growthMb.toFixed(1)} MB; median of the last three readings above minus that of the first three: ${r.medianGrowthMb.toFixed(1)} MB; last minus first: ${r.endpointsMb.toFixed(1)} MB)`
	].join('\n');
}

const block = (name: string, body: string) =>
	`<!-- bench:${name} -->\n${body}\n<!-- /bench:${name} -->`;

const SECTIONS = ['load', 'audit', 'export', 'list', 'record', 'responsiveness', 'growth'] as const;

/**
 * Replaces the named sections in bench/results.md, keeping every other section as it was.
 * A section the file lacks goes before the first later one of SECTIONS it holds, else at the end.
 */
export async function writeResults(sections: Partial<Record<(typeof SECTIONS)[number], string>>) {
	let text = existsSync(RESULTS)
		? readFileSync(RESULTS, 'utf8')
		: '# Benchmark results\n\nWritten by `npm run bench` (see bench/run.ts); figures are as measured on the machine named in each section.\n';
	SECTIONS.forEach((name, i) => {
		const body = sections[name];
		if (body === undefined) return;
		const pattern = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
		if (pattern.test(text)) {
			text = text.replace(pattern, () => block(name, body));
			return;
		}
		const next = SECTIONS.slice(i + 1)
			.map((later) => text.indexOf(`<!-- bench:${later} -->`))
			.find((at) => at >= 0);
		text =
			next === undefined
				? text.trimEnd() + '\n\n' + block(name, body) + '\n'
				: text.slice(0, next) + block(name, body) + '\n\n' + text.slice(next);
	});
	// Formatted as `npm run lint` expects, so a fresh result never fails the lint gate.
	const options = await prettier.resolveConfig(RESULTS);
	writeFileSync(RESULTS, await prettier.format(text, { ...options, filepath: RESULTS }));
}
