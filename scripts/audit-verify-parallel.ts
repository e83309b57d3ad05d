/**
 * The audit chain verified in segments on worker threads (see src/lib/server/audit-segments.ts
 * for why the verdict is the sequential one). Hashing is CPU-bound and reading rows from
 * SQLite costs as much again, so both scale with cores.
 */
import { availableParallelism } from 'node:os';
import Database from 'better-sqlite3';
import type { ChainVerification } from '../src/lib/domain/audit-chain';
import {
	combineSegments,
	newQueue,
	planSegments,
	verifyClaimed,
	type Segment
} from '../src/lib/server/audit-segments';
import { startWorker } from '../src/lib/server/worker-start';

/** AUDIT_VERIFY_THREADS overrides the default of one thread per core, at most 4. */
export function defaultThreads(): number {
	const asked = Number(process.env.AUDIT_VERIFY_THREADS);
	if (Number.isInteger(asked) && asked >= 1) return asked;
	return Math.min(availableParallelism(), 4);
}

interface WorkerData {
	path: string;
	segments: Segment[];
	queue: Int32Array;
}

/** Runs a worker to completion, handing each verified segment to `onResult`. */
function runWorker(
	data: WorkerData,
	onResult: (index: number, result: ChainVerification) => void
): Promise<void> {
	const url = new URL(
		import.meta.url.endsWith('.ts') ? './audit-verify-worker.ts' : './audit-verify-worker.js',
		import.meta.url
	);
	// Not in the background: whoever runs audit:verify waits for this very work, and this
	// thread verifies at the normal priority alongside the workers.
	const worker = startWorker(url, { workerData: data }, { background: false });
	worker.on('message', (m: { index: number; result: ChainVerification }) =>
		onResult(m.index, m.result)
	);
	return new Promise((resolve, reject) => {
		worker.once('error', reject);
		worker.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`verification worker exited with ${code}`))
		);
	});
}

/** Segments per thread: small enough that a thread starting late, or slowed by other
 * processes, leaves its share to the others instead of holding up the verdict. */
const SEGMENTS_PER_THREAD = 8;

/**
 * Verifies the chain in `path` with up to `threads` threads (this one included, unless
 * `mainThreadClaims` is false: the tests use that to make the workers do everything).
 */
export async function verifyInParallel(
	path: string,
	threads = defaultThreads(),
	minPerSegment = 20_000,
	mainThreadClaims = true
): Promise<{ result: ChainVerification; threads: number }> {
	// Read-only and never migrated: checking evidence never changes it.
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const segments = planSegments(sqlite, threads * SEGMENTS_PER_THREAD, minPerSegment);
		const used = Math.min(threads, segments.length);
		const results: (ChainVerification | undefined)[] = new Array(segments.length);
		const store = (index: number, result: ChainVerification) => (results[index] = result);
		const queue = newQueue();
		const workers = Array.from({ length: mainThreadClaims ? used - 1 : used }, () =>
			runWorker({ path, segments, queue }, store)
		);
		// This thread claims segments too, while the workers start.
		if (mainThreadClaims) verifyClaimed(sqlite, segments, queue, store);
		await Promise.all(workers);
		return { result: combineSegments(results), threads: used };
	} finally {
		sqlite.close();
	}
}
