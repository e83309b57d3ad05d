/**
 * Linear-time checks for the import's parsers: the input is made 8 times larger and the work
 * must grow about 8 times, not 64 (quadratic). CPU time of this process, not wall time, and
 * the least of several runs (the run other processes disturbed least), so that a loaded
 * machine does not make a linear parser look quadratic; the bound (23×) is halfway, in
 * logarithm, between linear (8×) and quadratic (64×). A factor of 4 left too little room:
 * a linear parser measured 8.2× against a bound of 8 on a fresh clone under load.
 */

/** CPU milliseconds of `fn`, the least of `runs` runs. */
export function cpuTime(fn: () => unknown, runs = 5): number {
	let best = Infinity;
	for (let i = 0; i < runs; i++) {
		const start = process.cpuUsage();
		fn();
		const used = process.cpuUsage(start);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

export const GROWTH_FACTOR = 8;
/** √(linear × quadratic) = GROWTH_FACTOR^1.5. */
export const MAX_GROWTH = Math.round(GROWTH_FACTOR ** 1.5);

/**
 * How much more CPU `run` takes on `make(GROWTH_FACTOR * n)` than on `make(n)`. `n` should
 * make the small run take a few milliseconds at least, for the clock's sake.
 */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): number {
	const small = make(n);
	const large = make(GROWTH_FACTOR * n);
	run(small); // compiled before it is timed
	const smallTime = cpuTime(() => run(small));
	const largeTime = cpuTime(() => run(large));
	return largeTime / Math.max(smallTime, 0.001);
}
