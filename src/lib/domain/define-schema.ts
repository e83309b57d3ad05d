/**
 * Declares a module-level schema so that the bundler can drop it. Pages import constants and
 * pure functions from modules that also hold zod schemas (`scoring.ts`, the step modules);
 * a schema built at the top of such a module is a chain of calls the bundler must keep, and
 * zod (about 26 kB gzip) ships with it. Built inside this call, marked free of side effects,
 * an unused schema disappears with its imports. Same value, built once, on the server too.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineSchema<T>(build: () => T): T {
	return build();
}
