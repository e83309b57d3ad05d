/**
 * Runs one job in a worker thread (node:worker_threads) with a time and a memory budget,
 * so that work taking seconds never holds the request thread: /healthz and other users'
 * pages keep answering meanwhile. Generic over the job: the entry module decides what it
 * does with `workerData.job` and posts back one message.
 *
 * One worker per job, not a pool: a job over its budget is ended by terminating its
 * worker, which frees all its memory, and nothing is shared between two users' documents.
 */
import { availableParallelism } from 'node:os';
import { startWorker } from '../worker-start';

export interface WorkerBudget {
	/** Wall-clock time the job may take once started, in milliseconds. */
	timeoutMs: number;
	/** V8 old-generation heap of the worker (resourceLimits.maxOldGenerationSizeMb). */
	memoryMb: number;
}

/** A job stopped for running over its budget (`time` or `memory`), or a worker that failed. */
export class WorkerJobError extends Error {
	constructor(
		readonly reason: 'time' | 'memory' | 'failed',
		message: string
	) {
		super(message);
		this.name = 'WorkerJobError';
	}
}

/**
 * How many jobs run at once; the others wait their turn (their time budget starts when they
 * start). At least two, so that one long report does not hold every other user's notice
 * or record entry behind it; the request thread itself mostly waits on them.
 */
const MAX_RUNNING = Math.max(2, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
	if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	return () => {
		running--;
		waiting.shift()?.();
	};
}

/**
 * Starts `entry` (a module URL) in a worker at background priority, with `{ mark, job }`
 * as its workerData, and resolves with the first message it posts.
 */
export async function runInWorker<T>(
	entry: string | URL,
	mark: string,
	job: unknown,
	budget: WorkerBudget
): Promise<T> {
	const release = await slot();
	try {
		return await new Promise<T>((resolve, reject) => {
			const worker = startWorker(
				new URL(entry),
				{
					workerData: { mark, job },
					resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb }
				},
				{ background: true }
			);
			let settled = false;
			const finish = (settle: () => void) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				settle();
				void worker.terminate();
			};
			const timer = setTimeout(
				() =>
					finish(() =>
						reject(new WorkerJobError('time', `worker job over ${budget.timeoutMs} ms`))
					),
				budget.timeoutMs
			);
			worker.once('message', (message: T) => finish(() => resolve(message)));
			worker.once('error', (error: Error & { code?: string }) =>
				finish(() =>
					reject(
						error.code === 'ERR_WORKER_OUT_OF_MEMORY'
							? new WorkerJobError('memory', `worker job over ${budget.memoryMb} MB`)
							: new WorkerJobError('failed', error.message)
					)
				)
			);
			worker.once('exit', (code) =>
				finish(() => reject(new WorkerJobError('failed', `worker exited with code ${code}`)))
			);
		});
	} finally {
		release();
	}
}
