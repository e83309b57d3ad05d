/**
 * The audit chain verified in segments on worker threads (see src/lib/server/audit-segments.ts
 * for why the verdict is the sequential one). Hashing is CPU-bound and reading rows from
 * SQLite costs as much again, so both scale with cores.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ChainVerification } from '../src/lib/domain/audit-chain';
import {
	combineSegments,
	planSegments,
	verifySegment,
	type Segment
} from '../src/lib/server/audit-segments';

/** AUDIT_VERIFY_THREADS overrides the default of one thread per core, at most 4. */
export function defaultThreads(): number {
	const asked = Number(process.env.AUDIT_VERIFY_THREADS);
	if (Number.isInteger(asked) && asked >= 1) return asked;
	return Math.min(availableParallelism(), 4);
}

function startWorker(path: string, segment: Segment): Promise<ChainVerification> {
	const url = new URL(
		import.meta.url.endsWith('.ts') ? './audit-verify-worker.ts' : './audit-verify-worker.js',
		import.meta.url
	);
	// Workers do not inherit tsx's loader: a .ts worker registers it before importing itself.
	const worker = url.pathname.endsWith('.ts')
		? new Worker(
				`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
					`.then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`,
				{ eval: true, workerData: { path, segment } }
			)
		: new Worker(url, { workerData: { path, segment } });
	return new Promise((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`verification worker exited with ${code}`)));
	});
}

/** Verifies the chain in `path` with up to `threads` threads (this one included). */
export async function verifyInParallel(
	path: string,
	threads = defaultThreads(),
	minPerThread?: number
): Promise<{ result: ChainVerification; threads: number }> {
	// Read-only and never migrated: checking evidence never changes it.
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const segments = planSegments(sqlite, threads, minPerThread);
		const others = segments.slice(1).map((segment) => startWorker(path, segment));
		// The first segment runs here while the workers run theirs.
		const own = verifySegment(sqlite, segments[0]!);
		const result = combineSegments([own, ...(await Promise.all(others))]);
		return { result, threads: segments.length };
	} finally {
		sqlite.close();
	}
}
