/**
 * `npm run bench:responsive -- [--entries 1000000] [--pause 10] [--baseline 5] [--settle 90]
 * [--profile <dir>]`: does the server stay responsive while the heavy work (moved to worker
 * threads) runs? Probes /healthz and another member's page during report.pdf, report.docx,
 * the evidence bundle of a 200-risk assessment, a 10 MB hostile CNIL import, and the
 * /audit verification of a chain of --entries entries (issues 12 and 13). Writes the
 * `responsiveness` section of bench/results.md and prints it. --profile writes CPU profiles
 * of the app's threads and probes.json (each scenario's start on the profiles' clock and
 * its probes) into <dir>, to see what the main thread did during a slow probe.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { appendSealedEntries } from './audit-data';
import { processCpuSeconds } from './checks';
import { download, hostileImport, saveLargeRisks, verifyAudit } from './heavy-requests';
import { during, settle, type HeavyOutcome, type Probe } from './probes';
import { machine, writeResults } from './report';
import { LOAD_LIMIT, responsivenessSection, type Scenario } from './responsiveness-report';
import { createWorkload, startApp } from './workload';

const { values } = parseArgs({
	options: {
		entries: { type: 'string', default: '1000000' },
		assessments: { type: 'string', default: '100' },
		pause: { type: 'string', default: '10' },
		baseline: { type: 'string', default: '5' },
		settle: { type: 'string', default: '90' },
		profile: { type: 'string' }
	}
});
const num = (name: 'entries' | 'assessments' | 'pause' | 'baseline' | 'settle') => {
	const n = Number(values[name]);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
	return n;
};
const args = process.argv.slice(2).join(' ');
const command = `npm run bench:responsive${args ? ' -- ' + args : ''}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const machineAtStart = machine();
const log = (s: string) => console.log(`responsiveness: ${s}`);

log(`creating the workload and appending ${num('entries')} audit entries…`);
const workload = await createWorkload(num('assessments'));
const dbPath = join(workload.dataDir, 'workbench.db');
const [bigId, otherId] = workload.assessments as [string, string];
const dpo = workload.members.find((m) => m.role === 'dpo')!; // dpo1, the author of bigId
const reader = workload.members.find((m) => m.role === 'contributor')!;
let setup: string;
let orgId: string;
{
	// The chain continues the workload's own (its entries were written by the app's
	// modules), before the app starts, so /audit verifies the real table, all of it.
	const db = openDatabase(dbPath);
	const sqlite = db.$client;
	orgId = (sqlite.prepare('SELECT id FROM organisations').get() as { id: string }).id;
	const users = sqlite.prepare('SELECT id, email AS label FROM users').all() as {
		id: string;
		label: string;
	}[];
	const last = sqlite.prepare('SELECT seq, at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
		seq: number;
		at: string;
	};
	const t = performance.now();
	// synchronous stays FULL, so the ~400 MB written here are on disk before the app starts.
	// With OFF they were still dirty in the page cache, and in a profiled run the app's
	// commit of report.pdf's audit entry blocked its request thread 206 ms (3 ms with FULL):
	// a stall of the bench's making, not the app's.
	// Spread over the second after the last real entry; none on the 200-risk assessment,
	// whose bundle would otherwise carry a tenth of them.
	const spread = (seq: number) => Math.floor(((seq - last.seq) * 1000) / num('entries'));
	appendSealedEntries(sqlite, num('entries'), {
		users,
		assessments: workload.assessments.slice(1),
		orgId,
		at: (seq) => new Date(Date.parse(last.at) + spread(seq)).toISOString()
	});
	sqlite.close();
	setup = `appended with \`sealEntry\` after the workload's ${last.seq} real entries in ${((performance.now() - t) / 1000).toFixed(0)} s, spread over the other assessments`;
}

const app = await startApp(
	workload.dataDir,
	values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []
);
const target = { url: app.url, origin: app.origin, token: dpo.token };
const scenarios: Scenario[] = [];
const timeline: { name: string; t0Micros: number; probes: Probe[] }[] = [];
try {
	await saveLargeRisks(target, bigId);

	const page = { path: `/assessments/${otherId}`, cookie: reader.token };
	// Warm-up (not counted): the first answers of a fresh process compile and fill caches.
	for (let i = 0; i < 20; i++) {
		for (const path of ['/healthz', page.path]) {
			const res = await fetch(app.url + path, { headers: { cookie: `session=${reader.token}` } });
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`warm-up ${path} answered ${res.status}`);
		}
	}

	const plan: [string, Scenario['target'], () => Promise<HeavyOutcome>][] = [
		[
			'idle baseline',
			null,
			async () => {
				await new Promise((r) => setTimeout(r, num('baseline') * 1000));
				return { status: 0, detail: `${num('baseline')} s without heavy work`, ok: true };
			}
		],
		[
			'report.pdf, 200 risks',
			{ healthz: 100, page: 100 },
			download(target, bigId, 'report.pdf', '%PDF-', 'PDF')
		],
		[
			'report.docx, 200 risks',
			{ healthz: 100, page: 100 },
			download(target, bigId, 'report.docx', 'PK', 'DOCX')
		],
		[
			'evidence bundle, 200 risks',
			{ healthz: 100, page: 100 },
			download(target, bigId, 'bundle', 'PK', 'ZIP')
		],
		['10 MB hostile CNIL import', { healthz: 100, page: 100 }, await hostileImport(target, orgId)],
		[
			`/audit verification, ${num('entries').toLocaleString('en')} entries`,
			{ healthz: 50, page: 100 },
			verifyAudit(target, dbPath, num('entries'))
		]
	];
	for (const [name, goal, heavy] of plan) {
		const loadBefore = await settle(LOAD_LIMIT, num('settle'));
		if (loadBefore > LOAD_LIMIT)
			console.warn(
				`responsiveness: ⚠ load average ${loadBefore.toFixed(2)} > ${LOAD_LIMIT} before "${name}"`
			);
		log(`${name} (load ${loadBefore.toFixed(2)})…`);
		const cpu = processCpuSeconds(app.pid);
		// The clock of a .cpuprofile's timestamps (CLOCK_MONOTONIC, µs): to align with --profile.
		const t0Micros = Number(process.hrtime.bigint() / 1000n);
		const measured = await during(app.url, page, num('pause'), heavy);
		timeline.push({ name, t0Micros, probes: measured.probes });
		const cpuAfter = processCpuSeconds(app.pid);
		scenarios.push({
			name,
			target: goal,
			loadBefore,
			measured,
			appCpuSeconds: cpu === null || cpuAfter === null ? null : cpuAfter - cpu
		});
		log(
			`  ${measured.heavy.status} ${measured.heavy.detail} in ${measured.heavySeconds.toFixed(2)} s, ${measured.probes.length} probes`
		);
	}
} finally {
	await app.stop();
	if (values.profile) writeFileSync(join(values.profile, 'probes.json'), JSON.stringify(timeline));
	rmSync(workload.dataDir, { recursive: true, force: true });
}

const section = responsivenessSection({
	command,
	date,
	machine: machineAtStart,
	entries: num('entries'),
	assessments: num('assessments'),
	pauseMs: num('pause'),
	setup,
	scenarios
});
console.log('\n' + section + '\n');
await writeResults({ responsiveness: section });
log('written to bench/results.md');
