/**
 * The /audit page's verifications as background jobs, so that the page can show progress
 * while a worker thread hashes a long chain: the form starts a job, the page polls it.
 * Jobs live in memory: a verification is cheap to redo, and a restart ends its worker.
 */
import { randomUUID } from 'node:crypto';
import { formatHead, type ChainHead } from '$lib/domain/audit-head';
import { record, type Actor } from './audit';
import { integrityFailures, integrityOk, type IntegrityReport } from './audit-integrity';
import type { VerifyProgress } from './audit-verify-job';
import type { Db } from './db';
import { logError } from './log';

/** What the page shows of a finished verification (the form action returns the same). */
export function verdictOf(report: IntegrityReport, ms: number) {
	const { chain, states } = report;
	return {
		ms,
		chain: chain.ok
			? { ok: true as const, count: chain.count, head: chain.head }
			: {
					ok: false as const,
					count: chain.count,
					firstBadSeq: chain.firstBadSeq,
					reason: chain.reason
				},
		states,
		known: report.known,
		current: report.current ? formatHead(report.current) : null
	};
}
export type Verdict = ReturnType<typeof verdictOf>;

/** The check itself is on the record: who verified, when, and what it found. */
export function recordVerification(
	db: Db,
	actor: Actor,
	report: IntegrityReport,
	known: ChainHead | null
) {
	const { chain, states } = report;
	record(db, actor, {
		action: 'audit.verify',
		entity: 'audit_log',
		summary: integrityOk(report)
			? `intact: ${chain.ok ? chain.count : 0} entries, head ${chain.ok ? chain.head.slice(0, 12) : ''}` +
				`; ${states.claims} signed states` +
				(known ? `; known head ${known.seq} present` : '')
			: integrityFailures(report).join('; ')
	});
}

/** Verifies in a worker thread (imported on demand: the build keeps it as its own chunk). */
export async function verifyDatabase(
	path: string,
	known: ChainHead | null,
	onProgress?: (progress: VerifyProgress) => void
): Promise<IntegrityReport> {
	const { verifyInWorker } = await import('./audit-verify-job');
	return verifyInWorker(path, known, onProgress);
}

interface Job {
	userId: string;
	progress: VerifyProgress | null;
	verdict: Verdict | null;
	failed: boolean;
	finishedAt: number | null;
}

/** A finished job is kept this long for its page to collect. */
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Job>();

function prune(now: number) {
	for (const [id, job] of jobs) {
		if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
	}
}

/**
 * Starts a verification for `userId`, or returns the one already running for them (a
 * second click must not start a second worker).
 */
export function startVerification(
	db: Db,
	path: string,
	userId: string,
	actor: Actor,
	known: ChainHead | null
): string {
	prune(Date.now());
	for (const [id, job] of jobs) {
		if (job.userId === userId && job.finishedAt === null) return id;
	}
	const id = randomUUID();
	const job: Job = { userId, progress: null, verdict: null, failed: false, finishedAt: null };
	jobs.set(id, job);
	const started = performance.now();
	verifyDatabase(path, known, (progress) => (job.progress = progress))
		.then((report) => {
			job.verdict = verdictOf(report, Math.round(performance.now() - started));
			recordVerification(db, actor, report, known);
		})
		.catch((e: unknown) => {
			job.failed = true;
			logError({ id: `audit-verify ${id}`, error: e });
		})
		.finally(() => (job.finishedAt = Date.now()));
	return id;
}

/**
 * A job as its owner may see it. Someone else's job reads as unknown, like one that never
 * existed or was forgotten (a restart, or collected too late): the page offers to start again.
 */
export function jobOf(id: string, userId: string) {
	const job = jobs.get(id);
	if (!job || job.userId !== userId) return { state: 'unknown' as const };
	if (job.verdict) return { state: 'done' as const, verdict: job.verdict };
	if (job.failed) return { state: 'failed' as const };
	return { state: 'running' as const, progress: job.progress };
}
export type JobView = ReturnType<typeof jobOf>;
