/**
 * `npm run bench`: the load benchmark on the built app, the audit verification benchmark,
 * the large evidence export served by the built app, the assessment list with 10,000
 * assessments (bench/list-bench.ts) and the record page's memory over 1,000 views
 * (bench/record-memory-bench.ts); each into its section of bench/results.md, with issue 13's
 * targets met or missed.
 *
 *   --duration <s>   measured seconds of load (default 60); --warmup <s> (default 5)
 *   --reads <n> --writes <n>   connections (default 20 and 10)
 *   --entries <n>    audit chain length (default 1000000)
 *   --runs <n>       audit verification runs of each kind (default 3)
 *   --list-assessments <n>   assessments behind the list (default 10000)
 *   --list-requests <n>      measured requests of each list (default 200)
 *   --record-entries <n>     history entries of the record page (default 1000)
 *   --record-views <n>       measured views of the record page (default 1000)
 *   --record-warmup <n>      views before the first reading (default 200)
 *   --only load|audit|export|list|record
 *   --profile <dir>  write a CPU profile of the app (node --cpu-prof) into <dir>
 *                    (load and export only)
 */
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runAuditBench } from './audit';
import { checkAfterLoad, processCpuSeconds, screeningVersions } from './checks';
import { runListBench } from './list-bench';
import { runLoad } from './load';
import { settle } from './probes';
import { runServedExport } from './export-served';
import { recordLines, runRecordMemory } from './record-memory-bench';
import {
	auditSection,
	exportSection,
	listSection,
	loadSection,
	machine,
	recordSection,
	writeResults,
	RESULTS,
	TARGETS
} from './report';
import { createWorkload, startApp } from './workload';

const { values } = parseArgs({
	options: {
		duration: { type: 'string', default: '60' },
		warmup: { type: 'string', default: '5' },
		reads: { type: 'string', default: '20' },
		writes: { type: 'string', default: '10' },
		assessments: { type: 'string', default: '100' },
		entries: { type: 'string', default: '1000000' },
		runs: { type: 'string', default: '3' },
		'list-assessments': { type: 'string', default: '10000' },
		'list-requests': { type: 'string', default: '200' },
		'record-entries': { type: 'string', default: '1000' },
		'record-views': { type: 'string', default: '1000' },
		'record-warmup': { type: 'string', default: '200' },
		only: { type: 'string' },
		profile: { type: 'string' }
	}
});
const num = (name: keyof typeof values) => {
	const n = Number(values[name]);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
	return n;
};
const argsText = process.argv.slice(2).join(' ');
const commandLine = `npm run bench${argsText ? ' -- ' + argsText : ''}`;
const date = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const sections: Parameters<typeof writeResults>[0] = {};
const PARTS = ['load', 'audit', 'export', 'list', 'record'] as const;
const wanted = (part: (typeof PARTS)[number]) => !values.only || values.only === part;
if (values.only && !(PARTS as readonly string[]).includes(values.only)) {
	throw new Error(`--only must be one of ${PARTS.join(', ')}`);
}

if (PARTS.some((part) => part !== 'audit' && wanted(part))) {
	if (!existsSync('build/index.js')) throw new Error('no build/: run `npm run build` first');
}

if (wanted('load')) {
	console.log('bench: creating the workload…');
	const workload = await createWorkload(num('assessments'));
	const app = await startApp(workload.dataDir, profileArgs());
	// `npm run bench` builds first and the workload is written just now: both raise the
	// load average, which the target asks to be at most 1.5 before the run.
	await settleBefore('the load run');
	const started = date();
	const machineBefore = machine();
	const loadBefore = loadavg()[0]!;
	try {
		const o = { readConnections: num('reads'), writeConnections: num('writes') };
		if (num('warmup') > 0) {
			console.log(`bench: warming up for ${num('warmup')} s…`);
			await runLoad(workload, app, { ...o, duration: num('warmup') });
		}
		// Warm-up saves moved the versions, and autocannon stops without waiting for the
		// answers in flight: let them land, then start the writers from the current versions.
		const before = await settledVersions(workload.dataDir);
		workload.screeningVersions = before;
		console.log(
			`bench: ${o.readConnections} readers and ${o.writeConnections} writers for ${num('duration')} s…`
		);
		const cpuBefore = processCpuSeconds(app.pid);
		const { reads, writes } = await runLoad(workload, app, { ...o, duration: num('duration') });
		const cpuAfter = processCpuSeconds(app.pid);
		const appCpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
		const machineAfter = machine();
		await app.stop();
		const after = checkAfterLoad(workload.dataDir, before);
		sections.load = loadSection({
			command: commandLine,
			date: started,
			machineBefore,
			machineAfter,
			duration: num('duration'),
			warmup: num('warmup'),
			assessments: workload.assessments.length,
			users: workload.members.length,
			reads,
			writes,
			after,
			appCpuSeconds,
			loadBefore
		});
		console.log(JSON.stringify({ reads, writes, after }, null, 1));
	} finally {
		await app.stop();
		rmSync(workload.dataDir, { recursive: true, force: true });
	}
}

if (wanted('audit')) {
	await settleBefore('the audit verification');
	console.log(`bench: audit verification of ${num('entries')} entries…`);
	const audit = await runAuditBench(num('entries'), Math.max(1, num('runs')));
	sections.audit = auditSection(audit, commandLine, date(), machine());
	console.log(JSON.stringify(audit, null, 1));
}

if (wanted('export')) {
	console.log('bench: the large evidence export, served…');
	// The data are written first (about a minute of CPU): the machine settles after that.
	const served = await runServedExport(() => settleBefore('the export'), profileArgs());
	sections.export = exportSection(served, commandLine, date(), machine());
	console.log(JSON.stringify(served, null, 1));
}

if (wanted('list')) {
	console.log(`bench: GET /assessments with ${num('list-assessments')} assessments…`);
	// The analyses are written first: the machine settles after that, before any timing.
	const list = await runListBench({
		assessments: num('list-assessments'),
		requests: num('list-requests'),
		beforeMeasure: () => settleBefore('the list benchmark'),
		progress: (line) => console.log(line)
	});
	sections.list = listSection(list, commandLine, date(), machine());
}

if (wanted('record')) {
	console.log(
		`bench: the record page with ${num('record-entries')} history entries, ${num('record-views')} views…`
	);
	// The history is written first: the machine settles after that, before the first view.
	const record = await runRecordMemory({
		entries: num('record-entries'),
		views: num('record-views'),
		warmup: num('record-warmup'),
		beforeMeasure: () => settleBefore('the record page views')
	});
	for (const line of recordLines(record)) console.log(line);
	sections.record = recordSection(record, commandLine, date(), machine());
}

await writeResults(sections);
console.log(`bench: results written to ${RESULTS}`);

/** The app's node flags for --profile <dir>: a CPU profile of each of its threads. */
function profileArgs(): string[] {
	return values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
}

/** Waits (up to 3 minutes) for the machine to be as quiet as the targets assume. */
async function settleBefore(what: string) {
	const limit = TARGETS.loadBefore;
	console.log(`bench: waiting for the load average to fall to ${limit} before ${what}…`);
	const load = await settle(limit, 180);
	if (load > limit) console.warn(`bench: ⚠ load average ${load.toFixed(2)} before ${what}`);
}

async function settledVersions(dataDir: string): Promise<Record<string, number>> {
	let last = JSON.stringify(screeningVersions(dataDir));
	for (let i = 0; i < 30; i++) {
		await new Promise((r) => setTimeout(r, 1000));
		const now = JSON.stringify(screeningVersions(dataDir));
		if (now === last) break;
		last = now;
	}
	return JSON.parse(last) as Record<string, number>;
}
