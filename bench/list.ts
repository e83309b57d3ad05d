/**
 * `npx tsx bench/list.ts [--assessments 10000] [--requests 200]` (after `npm run build`):
 * GET /assessments on the built app, one client, one request at a time (issue 13: p95
 * <= 50 ms and <= 100 kB of HTML with 10,000 assessments). Prints p50/p95 per filter and
 * the page's size, plain and gzip. The analyses are written straight into the table
 * (bulk-data.ts).
 * The two queries are also timed in this process, apart from the HTTP and rendering work.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { leadChoices, listPage, type ListQuery } from '../src/lib/server/assessment-list';
import { openDatabase } from '../src/lib/server/db';
import { insertBareAssessments } from './bulk-data';
import { createWorkload, startApp } from './workload';

const { values } = parseArgs({
	options: {
		assessments: { type: 'string', default: '10000' },
		requests: { type: 'string', default: '200' }
	}
});
const count = Number(values.assessments);
const requests = Number(values.requests);

const workload = await createWorkload(0);
const db = openDatabase(join(workload.dataDir, 'workbench.db'));
const orgId = (db.$client.prepare('SELECT id FROM organisations').get() as { id: string }).id;
const leads = workload.members.filter((m) => m.role === 'dpo' || m.role === 'contributor');
insertBareAssessments(db.$client, orgId, leads, 0, count);
const percentile = (times: number[], q: number) => {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const queries: Record<string, Omit<ListQuery, 'orgIds'>> = {
	'first page': { page: 1 },
	'page 100': { page: 100 },
	'title search': { q: 'service 17', page: 1 },
	'project lead': { projectLeadId: leads[0]!.id, page: 1 },
	'review due by 2026-06-30': { reviewBy: '2026-06-30', page: 1 }
};
for (const [name, query] of Object.entries(queries)) {
	const times: number[] = [];
	for (let i = 0; i < requests + 10; i++) {
		const start = performance.now();
		listPage(db, { orgIds: [orgId], ...query });
		leadChoices(db, [orgId]);
		if (i >= 10) times.push(performance.now() - start);
	}
	console.log(
		`queries: ${name.padEnd(26)} p50 ${percentile(times, 0.5).toFixed(2)} ms  p95 ${percentile(times, 0.95).toFixed(2)} ms`
	);
}
db.$client.close();

const app = await startApp(workload.dataDir);
const reader = workload.members.find((m) => m.role === 'dpo')!;
const cookie = `session=${reader.token}`;
const cases: Record<string, string> = {
	'first page': '/assessments',
	'page 100': '/assessments?page=100',
	'title search': '/assessments?q=service%2017',
	'project lead': `/assessments?lead=${leads[0]!.id}`,
	'review due by 2026-06-30': '/assessments?review=2026-06-30',
	'all filters': `/assessments?status=decided&lead=${leads[1]!.id}&review=2026-12-31&q=site`
};
try {
	for (const [name, path] of Object.entries(cases)) {
		const times: number[] = [];
		let html = '';
		for (let i = 0; i < requests + 10; i++) {
			const start = performance.now();
			const res = await fetch(`${app.url}${path}`, {
				headers: { cookie, 'accept-encoding': 'identity' }
			});
			html = await res.text();
			if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
			// The first ten warm the caches (SQLite pages, V8).
			if (i >= 10) times.push(performance.now() - start);
		}
		const at = (q: number) => percentile(times, q);
		const rows = Math.max(0, (html.match(/<tr>/g) ?? []).length - 1);
		console.log(
			`http: ${name.padEnd(26)} p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  ` +
				`${rows} rows  ${(html.length / 1024).toFixed(1)} kB (${(gzipSync(html).length / 1024).toFixed(1)} kB gzip)`
		);
	}
} finally {
	await app.stop();
	rmSync(workload.dataDir, { recursive: true, force: true });
}
