/**
 * The decision record page of an analysis with a long history, viewed again and again on
 * the built app (issue 13: RSS growth ≤ 20 MB over 1,000 views; a session once saw the
 * server climb from 126 to ~800 MB after 150 views and stay there).
 *
 * RSS is read from /proc/<pid>/status (VmRSS) after a warm-up (200 views by default), then
 * every 10 views; growth is the least-squares trend of those readings (see below).
 * The warm-up is that long because V8 grows its heap lazily over the first ~100 views of a 300 kB page
 * (160 → ~210 MB, measured with --warmup 50) and then holds it: a rise that levels off is
 * the heap settling, one that keeps rising is a leak, and the readings in between tell which.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { record as audit } from '../src/lib/server/audit';
import { openDatabase } from '../src/lib/server/db';
import { TARGETS } from './report';
import { createWorkload, startApp } from './workload';

export interface RecordMemory {
	/** Audit entries of the analysis (the record page shows the 50 most recent). */
	entries: number;
	/** Views counted after the warm-up. */
	views: number;
	warmup: number;
	/** Size of the record page's HTML, UTF-8 bytes. */
	htmlBytes: number;
	/** The server's VmRSS after `views` counted views: 0 (end of the warm-up), every 100, the last. */
	readings: { views: number; rssMb: number }[];
	/** The least-squares trend of every reading (one per 10 views) over the counted views. */
	growthMb: number;
	/** Median of the last three readings of `readings` minus that of the first three. */
	medianGrowthMb: number;
	/** Last reading minus the first. */
	endpointsMb: number;
}

export interface RecordMemoryOptions {
	entries?: number;
	views?: number;
	warmup?: number;
	/** Runs once the history is written and the app started, before the first view. */
	beforeMeasure?: () => Promise<void>;
}

const rssMb = (pid: number) => {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
	return line ? Number(line[1]) / 1024 : NaN;
};

export async function runRecordMemory({
	entries = 1000,
	views = 1000,
	warmup = 200,
	beforeMeasure = async () => {}
}: RecordMemoryOptions = {}): Promise<RecordMemory> {
	if (!Number.isInteger(views) || views < 1) throw new Error('views must be ≥ 1');
	const workload = await createWorkload(1);
	const readings: { views: number; rssMb: number }[] = [];
	const samples: { views: number; rssMb: number }[] = [];
	let htmlBytes = 0;
	try {
		const assessmentId = workload.assessments[0]!;
		const dpo = workload.members.find((m) => m.role === 'dpo')!;
		const db = openDatabase(join(workload.dataDir, 'workbench.db'));
		const orgId = (db.$client.prepare('SELECT org_id FROM assessments').get() as { org_id: string })
			.org_id;
		const actor = { userId: dpo.id, label: 'dpo1@bench.local', role: 'dpo' as const, orgId };
		// The analysis's audit trail: saves of the steps, each its own audited entry.
		const stepNames = ['context', 'principles', 'risks', 'benefits', 'measures'];
		for (let i = 0; i < entries; i++) {
			audit(db, actor, {
				action: 'step.save',
				entity: 'assessment_step',
				entityId: `${assessmentId}:${stepNames[i % stepNames.length]}`,
				assessmentId,
				version: i + 2,
				summary: `Étape « ${stepNames[i % stepNames.length]} » enregistrée (modification n° ${i + 1} : texte du contexte précisé pour la relecture)`
			});
		}
		db.$client.close();

		const app = await startApp(workload.dataDir);
		const path = `/assessments/${assessmentId}/record`;
		try {
			await beforeMeasure();
			for (let i = 1; i <= warmup + views; i++) {
				const res = await fetch(`${app.url}${path}`, {
					headers: { cookie: `session=${dpo.token}`, 'accept-encoding': 'identity' }
				});
				const html = await res.text();
				if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
				htmlBytes = Buffer.byteLength(html);
				const counted = i - warmup;
				if (counted >= 0 && (counted % 10 === 0 || counted === views)) {
					const reading = { views: counted, rssMb: rssMb(app.pid) };
					samples.push(reading);
					if (counted % 100 === 0 || counted === views) readings.push(reading);
				}
			}
		} finally {
			await app.stop();
		}
	} finally {
		rmSync(workload.dataDir, { recursive: true, force: true });
	}
	// One reading moves ±15 MB with where the collector happens to be (a sawtooth of about
	// 200 views): the trend of ~100 readings through it, by least squares, is the growth; the
	// median of three readings at each end, used before, swung by ±15 MB between runs.
	const median3 = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
	const rss = readings.map((r) => r.rssMb);
	return {
		entries,
		views,
		warmup,
		htmlBytes,
		readings,
		growthMb: trendPerView(samples) * views,
		medianGrowthMb: median3(rss.slice(-3)) - median3(rss.slice(0, 3)),
		endpointsMb: rss.at(-1)! - rss[0]!
	};
}

/** Least-squares slope of RSS against views, in MB per view. */
export function trendPerView(points: { views: number; rssMb: number }[]): number {
	const n = points.length;
	if (n < 2) return 0;
	const mx = points.reduce((a, p) => a + p.views, 0) / n;
	const my = points.reduce((a, p) => a + p.rssMb, 0) / n;
	let num = 0;
	let den = 0;
	for (const p of points) {
		num += (p.views - mx) * (p.rssMb - my);
		den += (p.views - mx) ** 2;
	}
	return den === 0 ? 0 : num / den;
}

/** The three lines `npm run bench:record` prints. */
export function recordLines(r: RecordMemory): string[] {
	const budgetMb = TARGETS.recordRssGrowthMb;
	return [
		`record page: ${r.entries} history entries, ${(r.htmlBytes / 1024).toFixed(0)} kB of HTML`,
		`RSS (MB) after N views past a ${r.warmup}-view warm-up: ` +
			r.readings.map((x) => `${x.views}: ${x.rssMb.toFixed(0)}`).join(', '),
		`growth over ${r.views} views: ${r.growthMb.toFixed(1)} MB, least-squares trend of a reading every 10 views ` +
			`(median of the last three readings above minus that of the first three: ${r.medianGrowthMb.toFixed(1)} MB; endpoints: ${r.endpointsMb.toFixed(1)} MB; target ≤ ${budgetMb} MB): ${r.growthMb <= budgetMb ? 'met' : 'missed'}`
	];
}
