/**
 * Runs one job at a time in a worker thread (node:worker_threads) with a time and a memory
 * budget, so that work taking seconds never holds the request thread: /healthz and other
 * users' pages keep answering meanwhile. Generic over the job: the entry module answers
 * each job it receives (`workerJobs`) with one message.
 *
 * A worker that finished its job cleanly is kept, idle, for the next one (DEFAULT_IDLE_MS,
 * at most MAX_IDLE of them, MAX_JOBS each): starting one and loading pdfmake, docx and fonts
 * costs a few hundred milliseconds, and the layout code then runs cold, not yet optimised.
 * On the large export bench a fresh worker per job spent 1.5–2.7 s more CPU than a warm
 * one (three interleaved pairs, README, Performance). A job runs alone in its worker; its
 * data lives only in the job's own objects, garbage once it is answered. A job over its
 * budget, or one that failed, ends its worker, which frees all its memory.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
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

type Reply = { ok: true; result: unknown } | { ok: false; message: string };

/**
 * The worker side: when this thread was started with `mark`, answers every job posted to
 * it with `run`'s result (its ArrayBuffers in `transfer(result)` moved, not copied).
 */
export function workerJobs<J, R>(
	mark: string,
	run: (job: J) => Promise<R>,
	transfer: (result: R) => ArrayBuffer[] = () => []
): void {
	if (isMainThread || (workerData as { mark?: unknown } | null)?.mark !== mark) return;
	const port = parentPort!;
	port.on('message', (job: J) => {
		run(job).then(
			(result) => port.postMessage({ ok: true, result } satisfies Reply, transfer(result)),
			(e: unknown) => port.postMessage({ ok: false, message: String((e as Error)?.message ?? e) })
		);
	});
}

/**
 * Idle workers are ended after this long. A DPO's downloads come in a session (the report,
 * then the bundle, a notice); an idle worker holds about 65 MB (the export bench's RSS
 * before its download: 193–199 MB with one, 128–146 MB without), a price worth paying for
 * those minutes and no longer. `WORKBENCH_RENDER_IDLE_MS` changes it (0: a fresh worker
 * for every job, as a server short of memory may prefer; the export bench measures both).
 */
export const DEFAULT_IDLE_MS = 5 * 60_000;

/** `WORKBENCH_RENDER_IDLE_MS` read as milliseconds (digits only); anything else: the default. */
export function idleMsOf(value: string | undefined): number {
	if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return DEFAULT_IDLE_MS;
	return Number(value.trim());
}

/** One warm worker is enough for a DPO's few downloads in a row and bounds the memory kept. */
const MAX_IDLE = 1;
/** A worker is replaced after this many jobs, so a heap cannot drift over a long uptime. */
const MAX_JOBS = 50;

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

interface Warm {
	worker: Worker;
	key: string;
	jobs: number;
	timer?: NodeJS.Timeout;
}
const idle: Warm[] = [];

/** Workers started and jobs that found a warm one, since the process started (tests read it). */
export const workerStats = { started: 0, reused: 0 };

function take(entry: string | URL, mark: string, budget: WorkerBudget): Warm {
	const key = `${String(entry)}\n${mark}\n${budget.memoryMb}`;
	const found = idle.find((w) => w.key === key);
	if (found) {
		idle.splice(idle.indexOf(found), 1);
		clearTimeout(found.timer);
		found.worker.ref();
		workerStats.reused++;
		return found;
	}
	workerStats.started++;
	const worker = startWorker(
		new URL(entry),
		{ workerData: { mark }, resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb } },
		{ background: true }
	);
	const warm: Warm = { worker, key, jobs: 0 };
	// While a job runs, runInWorker listens too. These keep an idle worker that fails from
	// becoming an unhandled 'error' on the server, and drop it from the idle list.
	worker.on('error', () => {});
	worker.once('exit', () => {
		clearTimeout(warm.timer);
		const i = idle.indexOf(warm);
		if (i >= 0) idle.splice(i, 1);
	});
	return warm;
}

function putBack(warm: Warm): void {
	const idleMs = idleMsOf(process.env.WORKBENCH_RENDER_IDLE_MS);
	if (idleMs === 0 || warm.jobs >= MAX_JOBS || idle.length >= MAX_IDLE) {
		void warm.worker.terminate();
		return;
	}
	// An idle worker does not keep the process alive (a CLI, a test run ends without it).
	warm.worker.unref();
	// Its 'exit' listener (take) removes it from the idle list.
	warm.timer = setTimeout(() => void warm.worker.terminate(), idleMs);
	warm.timer.unref();
	idle.push(warm);
}

/**
 * Runs `job` in a worker started from `entry` (a module URL that calls `workerJobs(mark, …)`)
 * at background priority, and resolves with its result.
 */
export async function runInWorker<T>(
	entry: string | URL,
	mark: string,
	job: unknown,
	budget: WorkerBudget
): Promise<T> {
	const release = await slot();
	try {
		const warm = take(entry, mark, budget);
		const { worker } = warm;
		return await new Promise<T>((resolve, reject) => {
			let settled = false;
			const finish = (settle: () => void, keep = false) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				worker.off('message', onMessage).off('error', onError).off('exit', onExit);
				settle();
				if (keep) putBack(warm);
				else void worker.terminate();
			};
			const onMessage = (reply: Reply) => {
				warm.jobs++;
				if (reply.ok) finish(() => resolve(reply.result as T), true);
				else finish(() => reject(new WorkerJobError('failed', reply.message)));
			};
			const onError = (error: Error & { code?: string }) =>
				finish(() =>
					reject(
						error.code === 'ERR_WORKER_OUT_OF_MEMORY'
							? new WorkerJobError('memory', `worker job over ${budget.memoryMb} MB`)
							: new WorkerJobError('failed', error.message)
					)
				);
			const onExit = (code: number) =>
				finish(() => reject(new WorkerJobError('failed', `worker exited with code ${code}`)));
			const timer = setTimeout(
				() =>
					finish(() =>
						reject(new WorkerJobError('time', `worker job over ${budget.timeoutMs} ms`))
					),
				budget.timeoutMs
			);
			worker.on('message', onMessage).on('error', onError).on('exit', onExit);
			worker.postMessage(job);
		});
	} finally {
		release();
	}
}
