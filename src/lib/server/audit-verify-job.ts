/**
 * The /audit page's verification, run in a worker thread so that hashing a long chain
 * never blocks the server's other requests (/healthz included). The worker is this very
 * module: the build keeps it as its own chunk (the page imports it dynamically), and a
 * worker that loads it with the job's marker runs the job instead of exporting.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ChainHead } from '$lib/domain/audit-head';
import { verifySegment, WHOLE_CHAIN } from './audit-segments';
import { integrityOf, type IntegrityReport } from './audit-integrity';

const JOB = 'dpia-workbench/audit-verify-job';

interface JobData {
	job: typeof JOB;
	path: string;
	known: ChainHead | null;
}

function run({ path, known }: JobData): IntegrityReport {
	// Read-only and never migrated: checking evidence never changes it.
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	try {
		// The chain and the rows from one snapshot, whatever the server commits meanwhile.
		return sqlite.transaction(() =>
			integrityOf(sqlite, verifySegment(sqlite, WHOLE_CHAIN), known)
		)();
	} finally {
		sqlite.close();
	}
}

if (!isMainThread && (workerData as Partial<JobData> | null)?.job === JOB) {
	parentPort!.postMessage(run(workerData as JobData));
}

/** Starts a worker on a module URL; a .ts module (tests, tsx) registers tsx first. */
export function moduleWorker(url: URL, data: unknown): Worker {
	if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: data });
	return new Worker(
		`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
			`.then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
		{ eval: true, workerData: data }
	);
}

/** Verifies the database at `path` in a worker thread; resolves with its report. */
export function verifyInWorker(
	path: string,
	known: ChainHead | null = null
): Promise<IntegrityReport> {
	const data: JobData = { job: JOB, path, known };
	const worker = moduleWorker(new URL(import.meta.url), data);
	return new Promise((resolve, reject) => {
		worker.once('message', (report: IntegrityReport) => resolve(report));
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`audit verification worker exited with ${code} before answering`))
		);
	});
}
