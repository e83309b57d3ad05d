/**
 * `npm run bench:record -- [--entries 1000] [--views 1000] [--warmup 200]` (after
 * `npm run build`): the decision record page of an analysis with a long history, viewed again and again on
 * the built app (issue 13: RSS growth ≤ 20 MB over 1,000 views; a session once saw the
 * server climb from 126 to ~800 MB after 150 views and stay there).
 *
 * RSS is read from /proc/<pid>/status (VmRSS) after a warm-up (200 views by default), then
 * every 100 views; growth is the trend from the first readings to the last (see below).
 * The warm-up is that long because V8 grows its heap lazily over the first ~100 views of a 300 kB page
 * (160 → ~210 MB, measured with --warmup 50) and then holds it: a rise that levels off is
 * the heap settling, one that keeps rising is a leak, and the readings in between tell which.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { record as audit } from '../src/lib/server/audit';
import { openDatabase } from '../src/lib/server/db';
import { createWorkload, startApp } from './workload';

const { values } = parseArgs({
	options: {
		entries: { type: 'string', default: '1000' },
		views: { type: 'string', default: '1000' },
		warmup: { type: 'string', default: '200' }
	}
});
const entries = Number(values.entries);
const views = Number(values.views);
const WARMUP = Number(values.warmup);
const BUDGET_MB = 20;

const rssMb = (pid: number) => {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
	return line ? Number(line[1]) / 1024 : NaN;
};

const workload = await createWorkload(1);
const assessmentId = workload.assessments[0]!;
const dpo = workload.members.find((m) => m.role === 'dpo')!;
const db = openDatabase(join(workload.dataDir, 'workbench.db'));
const orgId = (db.$client.prepare('SELECT org_id FROM assessments').get() as { org_id: string })
	.org_id;
const actor = { userId: dpo.id, label: 'dpo1@bench.local', role: 'dpo' as const, orgId };
// History the record page tells: saves of the steps, each its own audited entry.
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
const readings: { views: number; rss: number }[] = [];
let bytes = 0;
try {
	for (let i = 1; i <= WARMUP + views; i++) {
		const res = await fetch(`${app.url}${path}`, {
			headers: { cookie: `session=${dpo.token}`, 'accept-encoding': 'identity' }
		});
		const html = await res.text();
		if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
		bytes = html.length;
		const counted = i - WARMUP;
		if (counted === 0 || (counted > 0 && counted % 100 === 0) || counted === views) {
			readings.push({ views: counted, rss: rssMb(app.pid) });
		}
	}
} finally {
	await app.stop();
	rmSync(workload.dataDir, { recursive: true, force: true });
}
// One reading moves ±15 MB with where the collector happens to be; the median of the first
// three readings against that of the last three is the trend, the endpoints are shown too.
const median3 = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
const rss = readings.map((r) => r.rss);
const trend = median3(rss.slice(-3)) - median3(rss.slice(0, 3));
console.log(`record page: ${entries} history entries, ${(bytes / 1024).toFixed(0)} kB of HTML`);
console.log(
	`RSS (MB) after N views past a ${WARMUP}-view warm-up: ` +
		readings.map((r) => `${r.views}: ${r.rss.toFixed(0)}`).join(', ')
);
console.log(
	`growth over ${views} views: ${trend.toFixed(1)} MB, median of the last three readings minus that of the first three ` +
		`(endpoints: ${(rss.at(-1)! - rss[0]!).toFixed(1)} MB; target ≤ ${BUDGET_MB} MB): ${trend <= BUDGET_MB ? 'met' : 'missed'}`
);
