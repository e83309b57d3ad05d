import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateAuditDatabase } from '../../../bench/audit-data';
import { SYSTEM_ACTOR } from './audit';
import { PROGRESS_EVERY } from './audit-segments';
import { verifyInWorker, type VerifyProgress } from './audit-verify-job';
import { jobOf, startVerification } from './audit-verify-jobs';
import { openDatabase } from './db';

// Two full progress steps and a bit: enough to see the chain phase move, quick to seal.
const ENTRIES = 2 * PROGRESS_EVERY + 5_000;

describe('the /audit verification in a worker, with progress', () => {
	const { path, head } = generateAuditDatabase(ENTRIES);
	// The database is 25 MB in its own temporary directory: not left behind on every run.
	afterAll(() => rmSync(dirname(path), { recursive: true, force: true }));

	it('reports the chain checked step by step, then the states, then the verdict', async () => {
		const seen: VerifyProgress[] = [];
		const report = await verifyInWorker(path, null, (p) => seen.push(p));
		expect(report.chain).toEqual({ ok: true, count: ENTRIES, head });
		expect(seen).toEqual([
			{ phase: 'chain', checked: 0, total: ENTRIES },
			{ phase: 'chain', checked: PROGRESS_EVERY, total: ENTRIES },
			{ phase: 'chain', checked: 2 * PROGRESS_EVERY, total: ENTRIES },
			{ phase: 'states', checked: ENTRIES, total: ENTRIES }
		]);
	});

	it('runs as a job its owner alone can follow, once per user at a time, and audits the check', async () => {
		const db = openDatabase(path);
		const id = startVerification(db, path, 'user-a', SYSTEM_ACTOR, null);
		// A second click while it runs joins the same job instead of starting a worker.
		expect(startVerification(db, path, 'user-a', SYSTEM_ACTOR, null)).toBe(id);
		// Someone else's job reads like one that does not exist.
		expect(jobOf(id, 'user-b')).toEqual({ state: 'unknown' });
		expect(jobOf('no-such-job', 'user-a')).toEqual({ state: 'unknown' });
		// Waits for the job's state, whatever the machine's speed (no timing asserted).
		await vi.waitFor(() => expect(jobOf(id, 'user-a').state).toBe('done'), {
			timeout: 120_000,
			interval: 50
		});
		const done = jobOf(id, 'user-a');
		if (done.state !== 'done') throw new Error('unreachable');
		expect(done.verdict.chain).toEqual({ ok: true, count: ENTRIES, head });
		expect(done.verdict.current).toBe(`${ENTRIES}:${head}`);
		const last = db.$client
			.prepare('SELECT action, summary FROM audit_log ORDER BY seq DESC LIMIT 1')
			.get() as { action: string; summary: string };
		expect(last.action).toBe('audit.verify');
		expect(last.summary).toContain(`intact: ${ENTRIES} entries, head ${head.slice(0, 12)}`);
		// Finished: the next click starts a new job.
		const next = startVerification(db, path, 'user-a', SYSTEM_ACTOR, null);
		expect(next).not.toBe(id);
		await vi.waitFor(() => expect(jobOf(next, 'user-a').state).toBe('done'), {
			timeout: 120_000,
			interval: 50
		});
		db.$client.close();
	});
});
