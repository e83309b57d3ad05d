/** Tasks for worker-run.test.ts: a quick one, a slow one, a greedy one, a failing one. */
import { getPriority } from 'node:os';
import { defineTask } from './worker-run';

export const doubleTask = defineTask('test-double', import.meta.url, (n: number) => n * 2);

export const spinTask = defineTask('test-spin', import.meta.url, (ms: number) => {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		/* busy: a blocked event loop, as a quadratic parser makes */
	}
	return 'done';
});

export const hoardTask = defineTask('test-hoard', import.meta.url, () => {
	const kept: number[][] = [];
	for (;;) kept.push(new Array(1_000_000).fill(kept.length));
});

export const failTask = defineTask('test-fail', import.meta.url, () => {
	throw new RangeError('bad input');
});

export const lengthTask = defineTask(
	'test-length',
	import.meta.url,
	(bytes: Uint8Array) => bytes.byteLength
);

/** The worker thread's own nice value (Linux: per thread). */
export const niceTask = defineTask('test-nice', import.meta.url, () => getPriority(0));
