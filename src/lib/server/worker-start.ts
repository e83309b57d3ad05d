/**
 * The one place that starts a worker thread, so that the two things every worker needs are
 * done once: its priority, and tsx's loader when the module is TypeScript.
 *
 * A worker imports a module by the URL the module reports itself (`import.meta.url`), which
 * stays right after bundling: in the built app it is the chunk that holds the module,
 * whatever its name (adapter-node bundles server code; a path to a source file would not
 * exist there). A built module starts as it is, without tsx (the production install may
 * not have it). A TypeScript source (under vitest, `vite dev` or tsx) is imported once
 * tsx's loader is registered in the worker: Node 20 does not apply `--import` hooks to a
 * worker's own entry file, and workers do not inherit a loader registered by the thread
 * that starts them.
 *
 * Both are done by a small eval'd bootstrap that runs before the module's code, so the
 * module itself needs to know nothing about them. A module that fails to load makes the
 * bootstrap's promise reject unhandled, which ends the worker with an 'error' event
 * carrying the module's error, as a module started directly would.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The niceness of the server's background work (exports, imports, the /audit page's
 * verification), each in its worker thread. On Linux the nice value belongs to a thread
 * (setpriority(2), "Bugs"): only the worker is lowered, and when it competes with the
 * request thread for a core, the request thread wins most of it, so other users' pages
 * stay quick while a long export runs. Modest on purpose: on a machine busy with other
 * processes, a worker at 5 still gets about a quarter of a core against each of them,
 * and an import stays far within its time budget.
 */
export const BACKGROUND_NICENESS = 5;

/**
 * `background`: the server's work for one user, lowered to BACKGROUND_NICENESS while other
 * users wait on the request thread. Not for a CLI run in the foreground (audit:verify),
 * whose user is waiting for that very work.
 */
export interface Priority {
	background: boolean;
}

/**
 * Lowers the worker's own thread, never raising it (a server started under `nice` keeps
 * its workers below itself); a platform that refuses it keeps the worker at the normal
 * priority.
 */
const LOWER_PRIORITY = `
	try {
		const os = await import('node:os');
		os.setPriority(0, Math.max(os.getPriority(0), ${BACKGROUND_NICENESS}));
	} catch {}`;

/** tsx's loader for a TypeScript module (tests, dev server); never needed by the built app. */
function tsxLoader(): string {
	// The ESM entry (the `require` condition would give tsx's CommonJS hooks).
	const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
	return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

function bootstrap(url: URL, { background }: Priority): string {
	const typescript = url.pathname.endsWith('.ts');
	return `(async () => {
	${background ? LOWER_PRIORITY : ''}
	${typescript ? `(await import(${JSON.stringify(tsxLoader())})).register();` : ''}
	await import(${JSON.stringify(url.href)});
})();`;
}

/**
 * Starts a worker on the module at `url` (its `import.meta.url`), lowered in priority
 * before the module's code runs when `background`. `options` are the Worker's own
 * (workerData, transferList, resourceLimits).
 */
export function startWorker(url: URL, options: WorkerOptions, priority: Priority): Worker {
	if (!priority.background && !url.pathname.endsWith('.ts')) return new Worker(url, options);
	return new Worker(bootstrap(url, priority), { ...options, eval: true });
}
