/**
 * The /audit page's verification, run in a worker thread so that hashing a long chain
 * never blocks the server's other requests (/healthz included). The worker is this very
 * module: the build keeps it as its own chunk (the page imports it dynamically), and a
 * worker that loads it with the job's marker runs the job instead of exporting.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ChainHead } from '$lib/domain/audit-head';
import { verifySegment, WHOLE_CHAIN } from './audit-segments';
import { integrityOf, type IntegrityReport } from './audit-integrity';
import { startWorker } from './worker-start';

const JOB = 'dpia-workbench/audit-verify-job';

interface JobData {
	job: typeof JOB;
	path: string;
	known: ChainHead | null;
}

/** Where a running verification stands: entries of the chain checked, then the states. */
export interface VerifyProgress {
	phase: 'chain' | 'states';
	checked: number;
	/** The chain's last seq when the verification started (its length, when intact). */
	total: number;
}

type JobMessage = { progress: VerifyProgress } | { report: IntegrityReport };

function run({ path, known }: JobData, post: (message: JobMessage) => void): IntegrityReport {
	// Read-only and never migrated: checking evidence never changes it.
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	try {
		// The chain and the rows from one snapshot, whatever the server commits meanwhile.
		return sqlite.transaction(() => {
			// max(seq) is read from the end of the b-tree; count(*) would scan the table.
			const total =
				(sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
			post({ progress: { phase: 'chain', checked: 0, total } });
			const chain = verifySegment(sqlite, WHOLE_CHAIN, (checked) =>
				post({ progress: { phase: 'chain', checked, total } })
			);
			post({ progress: { phase: 'states', checked: chain.count, total } });
			return integrityOf(sqlite, chain, known);
		})();
	} finally {
		sqlite.close();
	}
}

if (!isMainThread && (workerData as Partial<JobData> | null)?.job === JOB) {
	const post = (message: JobMessage) => parentPort!.postMessage(message);
	post({ report: run(workerData as JobData, post) });
}

/**
 * Verifies the database at `path` in a worker thread; resolves with its report.
 * `onProgress` hears where it stands (every PROGRESS_EVERY entries, then the states).
 */
export function verifyInWorker(
	path: string,
	known: ChainHead | null = null,
	onProgress: (progress: VerifyProgress) => void = () => {}
): Promise<IntegrityReport> {
	const data: JobData = { job: JOB, path, known };
	const worker = startWorker(new URL(import.meta.url), { workerData: data }, { background: true });
	return new Promise((resolve, reject) => {
		worker.on('message', (message: JobMessage) => {
			if ('progress' in message) onProgress(message.progress);
			else resolve(message.report);
		});
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`audit verification worker exited with ${code} before answering`))
		);
	});
}
