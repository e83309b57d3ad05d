/**
 * Runs a CPU-bound function in a worker thread under a time and a memory budget, so that a
 * hostile or huge input costs one worker, never the server's only thread (a CNIL PIA file
 * once held every user for minutes and ignored SIGTERM). Over budget, the worker is killed
 * and the call rejects with a typed `BudgetExceeded`.
 *
 * A task is a function of a module that declares it with `defineTask`:
 *
 *   // heavy.task.ts — imports nothing that opens a database or a file at load time
 *   export const heavyTask = defineTask('heavy', import.meta.url, (input: In): Out => …);
 *
 *   // caller (load the task module lazily, so the build gives it a chunk of its own)
 *   const { heavyTask } = await import('./heavy.task');
 *   const out = await runInWorker(heavyTask, input, { timeoutMs: 10_000, maxOldGenerationSizeMb: 256 });
 *
 * The worker imports the task's module by the URL the module reports itself
 * (`import.meta.url`), at background priority (worker-start.ts, which says why the URL
 * stays right after bundling and how a TypeScript module loads). Loading the module runs
 * its `defineTask`, which sees in the worker's data that the worker was started for it and
 * runs the function. Input and output cross by structured clone (plain data; `transfer`
 * moves ArrayBuffers instead of copying them).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startWorker } from './worker-start';

export type Task<I, O> = {
	readonly name: string;
	readonly url: string;
	readonly run: (input: I) => O | Promise<O>;
};

export type Budget = {
	/** Wall-clock milliseconds from the worker's start (module loading included). */
	timeoutMs: number;
	/** V8 old-generation heap of the worker, in MB (resourceLimits.maxOldGenerationSizeMb). */
	maxOldGenerationSizeMb: number;
};

/** The worker went over its budget and was stopped; nothing it computed is used. */
export class BudgetExceeded extends Error {
	constructor(
		readonly task: string,
		readonly exceeded: 'time' | 'memory'
	) {
		super(`worker task ${task}: ${exceeded} budget exceeded`);
		this.name = 'BudgetExceeded';
	}
}

/**
 * The task threw, or its module failed to load; the error crossed the thread boundary as
 * name and message only.
 */
export class WorkerTaskError extends Error {
	constructor(
		readonly task: string,
		readonly causeName: string,
		message: string
	) {
		super(`worker task ${task} failed: ${causeName}: ${message}`);
		this.name = 'WorkerTaskError';
	}
}

/** Tells a worker started for a task from any other the process starts. */
const TASK = 'dpia-workbench/worker-task';

interface TaskData {
	mark: typeof TASK;
	name: string;
	input: unknown;
}

type Reply = { ok: true; output: unknown } | { ok: false; name: string; message: string };

/**
 * Declares `run` as a task that `runInWorker` can start; `url` must be `import.meta.url`.
 * In the worker started for this task, loading the module runs it on the worker's input.
 */
export function defineTask<I, O>(
	name: string,
	url: string,
	run: (input: I) => O | Promise<O>
): Task<I, O> {
	const data = workerData as Partial<TaskData> | null;
	if (!isMainThread && data?.mark === TASK && data.name === name) {
		// Once the module has finished loading: `run` may use bindings declared after this call.
		setImmediate(() => void answer(run as (input: unknown) => unknown, data.input));
	}
	return { name, url, run };
}

async function answer(run: (input: unknown) => unknown, input: unknown): Promise<void> {
	const post = (reply: Reply) => parentPort!.postMessage(reply);
	try {
		// Posted within the try: an output that cannot be cloned fails the task too.
		post({ ok: true, output: await run(input) });
	} catch (e) {
		const error = e as { name?: unknown; message?: unknown } | null;
		post({ ok: false, name: String(error?.name ?? 'Error'), message: String(error?.message ?? e) });
	}
}

/** Runs `task` on `input` in a new worker thread; resolves with its output. */
export function runInWorker<I, O>(
	task: Task<I, O>,
	input: I,
	budget: Budget,
	transfer: ArrayBuffer[] = []
): Promise<O> {
	return new Promise<O>((resolve, reject) => {
		const data: TaskData = { mark: TASK, name: task.name, input };
		const worker = startWorker(
			new URL(task.url),
			{
				workerData: data,
				transferList: transfer,
				resourceLimits: { maxOldGenerationSizeMb: budget.maxOldGenerationSizeMb }
			},
			{ background: true }
		);
		let settled = false;
		const settle = (fn: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			fn();
			void worker.terminate();
		};
		const timer = setTimeout(
			() => settle(() => reject(new BudgetExceeded(task.name, 'time'))),
			budget.timeoutMs
		);
		worker.once('message', (reply: Reply) =>
			settle(() =>
				reply.ok
					? resolve(reply.output as O)
					: reject(new WorkerTaskError(task.name, reply.name, reply.message))
			)
		);
		// Any other error is the task module's failing to load (or a task throwing outside
		// its promise): reported as the task's error, like a throw.
		worker.once('error', (e: Error & { code?: string }) =>
			settle(() =>
				reject(
					e.code === 'ERR_WORKER_OUT_OF_MEMORY'
						? new BudgetExceeded(task.name, 'memory')
						: new WorkerTaskError(task.name, e.name ?? 'Error', e.message ?? String(e))
				)
			)
		);
		// A worker's messages arrive before its exit: ending cleanly without one means the
		// module loaded and declared no task of that name.
		worker.once('exit', (code) =>
			settle(() =>
				reject(
					code === 0
						? new WorkerTaskError(
								task.name,
								'Error',
								`task ${task.name} not declared by ${task.url}`
							)
						: new WorkerTaskError(task.name, 'Exit', `worker exited with ${code}`)
				)
			)
		);
	});
}
