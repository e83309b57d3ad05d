/**
 * `npm run bench:growth -- [--requests 20]` (builds first): how the cost of the list, an
 * analysis's overview and decision record, its evidence bundle and the /audit verification
 * grows with the installation: 10, 1,000 and 10,000 analyses, then 100,000 and 1,000,000
 * audit entries (issue 13's cost growth table). One database grows step by step (bare
 * analyses from bulk-data.ts, sealed entries from audit-data.ts, written while the app is
 * stopped); the overview, record and bundle are those of one analysis made from the
 * template. One client, one request at a time; writes the `growth` section of
 * bench/results.md.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { appendSealedEntries } from './audit-data';
import { insertBareAssessments } from './bulk-data';
import { download, verifyAudit } from './heavy-requests';
import { settle } from './probes';
import { machine, TARGETS, writeResults } from './report';
import { createWorkload, startApp, type RunningApp } from './workload';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '20' } } });
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 1) throw new Error('--requests must be ≥ 1');

const STEPS = [
	{ assessments: 10, entries: 0 },
	{ assessments: 1_000, entries: 0 },
	{ assessments: 10_000, entries: 0 },
	{ assessments: 10_000, entries: 100_000 },
	{ assessments: 10_000, entries: 1_000_000 }
];

interface Row {
	assessments: number;
	entries: number;
	loadBefore: number;
	list: { p50: number; p95: number; kB: number };
	overview: { p50: number; p95: number };
	record: { p50: number; p95: number };
	bundleSeconds: number;
	verifySeconds: number;
}

const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const machineAtStart = machine();
const workload = await createWorkload(1);
const dbPath = join(workload.dataDir, 'workbench.db');
const analysis = workload.assessments[0]!;
const dpo = workload.members.find((m) => m.role === 'dpo')!;
const leads = workload.members.filter((m) => m.role === 'dpo' || m.role === 'contributor');

/** p50 and p95 of `requests` GETs after 3 warm-up ones; every answer must be a 200. */
async function timed(app: RunningApp, path: string) {
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < requests + 3; i++) {
		const start = performance.now();
		const res = await fetch(app.url + path, {
			headers: { cookie: `session=${dpo.token}`, 'accept-encoding': 'identity' }
		});
		bytes = (await res.arrayBuffer()).byteLength;
		if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
		if (i >= 3) times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
	return { p50: at(0.5), p95: at(0.95), kB: bytes / 1024 };
}

const rows: Row[] = [];
let assessments = 1;
let entries = 0;
try {
	for (const step of STEPS) {
		const db = openDatabase(dbPath);
		const sqlite = db.$client;
		const orgId = (sqlite.prepare('SELECT id FROM organisations').get() as { id: string }).id;
		if (step.assessments > assessments) {
			insertBareAssessments(sqlite, orgId, leads, assessments, step.assessments - assessments);
			assessments = step.assessments;
		}
		if (step.entries > entries) {
			const users = sqlite.prepare('SELECT id, email AS label FROM users').all() as {
				id: string;
				label: string;
			}[];
			const others = (
				sqlite.prepare('SELECT id FROM assessments WHERE id != ?').pluck().all(analysis) as string[]
			).slice(0, 1000);
			// One millisecond apart, after the chain's last entry.
			const last = sqlite.prepare('SELECT max(seq) AS seq, max(at) AS at FROM audit_log').get() as {
				seq: number;
				at: string;
			};
			const start = Date.parse(last.at) - last.seq;
			appendSealedEntries(sqlite, step.entries - entries, {
				users,
				assessments: others,
				orgId,
				at: (seq) => new Date(start + seq).toISOString()
			});
			entries = step.entries;
		}
		const total = sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
		sqlite.close();

		const loadBefore = await settle(TARGETS.loadBefore, 120);
		console.log(
			`growth: ${assessments} analyses, ${total} audit entries (load ${loadBefore.toFixed(2)})…`
		);
		const app = await startApp(workload.dataDir);
		try {
			const target = { url: app.url, origin: app.origin, token: dpo.token };
			const list = await timed(app, '/assessments');
			const overview = await timed(app, `/assessments/${analysis}`);
			const record = await timed(app, `/assessments/${analysis}/record`);
			let bundleSeconds = Infinity;
			for (let i = 0; i < 2; i++) {
				const started = performance.now();
				const got = await download(target, analysis, 'bundle', 'PK', 'ZIP')();
				if (!got.ok) throw new Error(`bundle: ${got.status} ${got.detail}`);
				bundleSeconds = Math.min(bundleSeconds, (performance.now() - started) / 1000);
			}
			const started = performance.now();
			const verified = await verifyAudit(target, dbPath, total)();
			if (!verified.ok) throw new Error(`verification: ${verified.detail}`);
			const verifySeconds = (performance.now() - started) / 1000;
			rows.push({
				assessments,
				entries: total,
				loadBefore,
				list,
				overview,
				record,
				bundleSeconds,
				verifySeconds
			});
		} finally {
			await app.stop();
		}
	}
} finally {
	rmSync(workload.dataDir, { recursive: true, force: true });
}

const n = (x: number) => x.toLocaleString('en');
const ms = (x: number) => x.toFixed(0);
const section = [
	'## Cost growth with the installation',
	'',
	`- Date: ${date}`,
	'- Command: `npm run bench:growth`',
	`- Machine at start: ${machineAtStart}`,
	`- One database grown step by step: bare analyses written into the table (bench/bulk-data.ts) and sealed audit entries appended to the chain (bench/audit-data.ts), then the built app started on it. The overview, decision record and evidence bundle are those of one analysis made from the booking template; the list is the first page of /assessments (≤ 50 rows). One client, one request at a time, ${requests} requests after 3 warm-up ones; the bundle is the best of 2; the verification is the /audit page's (\`?/verify\`, in its worker thread) of the whole chain. Latencies in ms from sending to the last byte.`,
	'',
	'| Analyses | Audit entries | Load before | List p50 / p95 | List kB | Overview p50 / p95 | Record p50 / p95 | Bundle s | Verify s |',
	'| -------: | ------------: | ----------: | -------------: | ------: | -----------------: | ---------------: | -------: | -------: |',
	...rows.map(
		(r) =>
			`| ${n(r.assessments)} | ${n(r.entries)} | ${r.loadBefore.toFixed(2)} | ${ms(r.list.p50)} / ${ms(r.list.p95)} | ${r.list.kB.toFixed(0)} | ${ms(r.overview.p50)} / ${ms(r.overview.p95)} | ${ms(r.record.p50)} / ${ms(r.record.p95)} | ${r.bundleSeconds.toFixed(2)} | ${r.verifySeconds.toFixed(2)} |`
	),
	'',
	...(() => {
		const big = rows.find((r) => r.assessments === 10_000)!;
		const met = big.list.p95 <= 50 && big.list.kB <= 100;
		return [
			`- List with 10,000 analyses, p95 ≤ 50 ms and ≤ 100 kB of HTML (single client): ${met ? 'met' : '**missed**'} (${ms(big.list.p95)} ms, ${big.list.kB.toFixed(0)} kB)`
		];
	})()
].join('\n');
console.log('\n' + section + '\n');
await writeResults({ growth: section });
console.log('growth: written to bench/results.md');
