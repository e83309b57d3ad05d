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
 * (`import.meta.url`), which stays right after bundling: in the built app it is the chunk
 * that holds the module, whatever its name (adapter-node bundles server code; a path to a
 * source file would not exist there). Loading the module runs its `defineTask`, which
 * registers the function under its name; the worker then calls it. Under vitest and the
 * dev server the module is TypeScript: the worker registers tsx's loader first, as
 * scripts/audit-verify-parallel.ts does. Input and output cross by structured clone
 * (plain data; `transfer` moves ArrayBuffers instead of copying them).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICENESS } from './worker-priority';

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

/** The task threw; its error crossed the thread boundary as name and message only. */
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

// On globalThis under a registered symbol: the worker's bootstrap is eval'd code that
// cannot import this module, and a module loaded twice must still find the same table.
const REGISTRY = Symbol.for('dpia-workbench.worker-tasks');
type Registry = Map<string, (input: unknown) => unknown>;

function registry(): Registry {
	const holder = globalThis as { [REGISTRY]?: Registry };
	holder[REGISTRY] ??= new Map();
	return holder[REGISTRY];
}

/** Declares `run` as a task that `runInWorker` can start; `url` must be `import.meta.url`. */
export function defineTask<I, O>(
	name: string,
	url: string,
	run: (input: I) => O | Promise<O>
): Task<I, O> {
	registry().set(name, run as (input: unknown) => unknown);
	return { name, url, run };
}

const BOOTSTRAP = `
(async () => {
	const { parentPort, workerData } = await import('node:worker_threads');
	try {
		// worker-priority.ts's runInBackground (this eval'd code cannot import it).
		const os = await import('node:os');
		os.setPriority(0, Math.max(os.getPriority(0), workerData.niceness));
	} catch {}
	try {
		if (workerData.loader) (await import(workerData.loader)).register();
		await import(workerData.url);
		const run = globalThis[Symbol.for('dpia-workbench.worker-tasks')]?.get(workerData.name);
		if (!run) throw new Error('task ' + workerData.name + ' not declared by ' + workerData.url);
		parentPort.postMessage({ ok: true, output: await run(workerData.input) });
	} catch (e) {
		parentPort.postMessage({ ok: false, name: String(e?.name ?? 'Error'), message: String(e?.message ?? e) });
	}
})();
`;

/** tsx's loader for a TypeScript task (tests, dev server); never needed by the built app. */
function loaderFor(url: string): string | null {
	if (!url.endsWith('.ts')) return null;
	// The ESM entry (the `require` condition would give tsx's CommonJS hooks).
	const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
	return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

type Reply = { ok: true; output: unknown } | { ok: false; name: string; message: string };

/** Runs `task` on `input` in a new worker thread; resolves with its output. */
export function runInWorker<I, O>(
	task: Task<I, O>,
	input: I,
	budget: Budget,
	transfer: ArrayBuffer[] = []
): Promise<O> {
	return new Promise<O>((resolve, reject) => {
		const worker = new Worker(BOOTSTRAP, {
			eval: true,
			workerData: {
				url: task.url,
				name: task.name,
				loader: loaderFor(task.url),
				niceness: BACKGROUND_NICENESS,
				input
			},
			transferList: transfer,
			resourceLimits: { maxOldGenerationSizeMb: budget.maxOldGenerationSizeMb }
		});
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
		worker.once('error', (e: Error & { code?: string }) =>
			settle(() =>
				reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new BudgetExceeded(task.name, 'memory') : e)
			)
		);
		worker.once('exit', (code) =>
			settle(() => reject(new WorkerTaskError(task.name, 'Exit', `worker exited with ${code}`)))
		);
	});
}
