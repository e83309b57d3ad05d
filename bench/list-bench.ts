/**
 * GET /assessments on the built app, one client, one request at a time (issue 13: p95
 * <= 50 ms and <= 100 kB of HTML with 10,000 assessments): p50/p95 per filter and the
 * page's size, plain and gzip. The analyses are written straight into the table
 * (bulk-data.ts).
 * The two queries are also timed in this process, apart from the HTTP and rendering work.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { leadChoices, listPage, type ListQuery } from '../src/lib/server/assessment-list';
import { openDatabase } from '../src/lib/server/db';
import { insertBareAssessments } from './bulk-data';
import { createWorkload, startApp } from './workload';

export interface ListTiming {
	name: string;
	p50: number;
	p95: number;
}

export interface ListPageTiming extends ListTiming {
	path: string;
	/** Table rows of the last answer (the header row not counted). */
	rows: number;
	/** Size of the last answer's HTML, UTF-8 bytes, plain and gzipped. */
	bytes: number;
	gzipBytes: number;
}

export interface ListBench {
	assessments: number;
	/** Measured requests of each case, after 10 warm-up ones. */
	requests: number;
	/** `listPage` + `leadChoices` in this process, no HTTP nor rendering. */
	queries: ListTiming[];
	/** The built app's answers, from sending to the last byte. */
	pages: ListPageTiming[];
}

export interface ListBenchOptions {
	assessments?: number;
	requests?: number;
	/** Runs once the data are written, before anything is timed (e.g. to let the machine settle). */
	beforeMeasure?: () => Promise<void>;
	/** Called with each case's line (queryLine / pageLine) as soon as it is measured. */
	progress?: (line: string) => void;
}

const WARMUP = 10;

const percentile = (times: number[], q: number) => {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

export const queryLine = (t: ListTiming) =>
	`queries: ${t.name.padEnd(26)} p50 ${t.p50.toFixed(2)} ms  p95 ${t.p95.toFixed(2)} ms`;

export const pageLine = (t: ListPageTiming) =>
	`http: ${t.name.padEnd(26)} p50 ${t.p50.toFixed(1)} ms  p95 ${t.p95.toFixed(1)} ms  ` +
	`${t.rows} rows  ${(t.bytes / 1024).toFixed(1)} kB (${(t.gzipBytes / 1024).toFixed(1)} kB gzip)`;

export async function runListBench({
	assessments = 10_000,
	requests = 200,
	beforeMeasure = async () => {},
	progress = () => {}
}: ListBenchOptions = {}): Promise<ListBench> {
	if (!Number.isInteger(requests) || requests < 1) throw new Error('requests must be ≥ 1');
	const workload = await createWorkload(0);
	try {
		const db = openDatabase(join(workload.dataDir, 'workbench.db'));
		const orgId = (db.$client.prepare('SELECT id FROM organisations').get() as { id: string }).id;
		const leads = workload.members.filter((m) => m.role === 'dpo' || m.role === 'contributor');
		insertBareAssessments(db.$client, orgId, leads, 0, assessments);
		await beforeMeasure();

		const queryCases: Record<string, Omit<ListQuery, 'orgIds'>> = {
			'first page': { page: 1 },
			'page 100': { page: 100 },
			'title search': { q: 'service 17', page: 1 },
			'project lead': { projectLeadId: leads[0]!.id, page: 1 },
			'review due by 2026-06-30': { reviewBy: '2026-06-30', page: 1 }
		};
		const queries: ListTiming[] = [];
		for (const [name, query] of Object.entries(queryCases)) {
			const times: number[] = [];
			for (let i = 0; i < requests + WARMUP; i++) {
				const start = performance.now();
				listPage(db, { orgIds: [orgId], ...query });
				leadChoices(db, [orgId]);
				if (i >= WARMUP) times.push(performance.now() - start);
			}
			const t = { name, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
			queries.push(t);
			progress(queryLine(t));
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
		const pages: ListPageTiming[] = [];
		try {
			for (const [name, path] of Object.entries(cases)) {
				const times: number[] = [];
				let html = '';
				for (let i = 0; i < requests + WARMUP; i++) {
					const start = performance.now();
					const res = await fetch(`${app.url}${path}`, {
						headers: { cookie, 'accept-encoding': 'identity' }
					});
					html = await res.text();
					if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
					// The first ten warm the caches (SQLite pages, V8).
					if (i >= WARMUP) times.push(performance.now() - start);
				}
				const t = {
					name,
					path,
					p50: percentile(times, 0.5),
					p95: percentile(times, 0.95),
					rows: Math.max(0, (html.match(/<tr>/g) ?? []).length - 1),
					bytes: Buffer.byteLength(html),
					gzipBytes: gzipSync(html).length
				};
				pages.push(t);
				progress(pageLine(t));
			}
		} finally {
			await app.stop();
		}
		return { assessments, requests, queries, pages };
	} finally {
		rmSync(workload.dataDir, { recursive: true, force: true });
	}
}
