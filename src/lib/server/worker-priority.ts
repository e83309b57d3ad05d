import { getPriority, setPriority } from 'node:os';

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
 * Lowers the calling thread's priority to BACKGROUND_NICENESS, never raising it (a server
 * started under `nice` keeps its workers below itself); call it first thing in a worker.
 */
export function runInBackground(): void {
	try {
		setPriority(0, Math.max(getPriority(0), BACKGROUND_NICENESS));
	} catch {
		// A platform that refuses it keeps the worker at the normal priority.
	}
}
