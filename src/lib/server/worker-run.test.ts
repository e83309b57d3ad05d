import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS } from './worker-start';
import { BudgetExceeded, WorkerTaskError, runInWorker } from './worker-run';

const budget = { timeoutMs: 60_000, maxOldGenerationSizeMb: 64 };

describe('runInWorker', () => {
	it('runs a declared task in a worker thread and returns its output', async () => {
		const { doubleTask } = await import('./worker-run.fixture.task');
		expect(await runInWorker(doubleTask, 21, budget)).toBe(42);
	});

	it('moves a transferred buffer instead of copying it', async () => {
		const { lengthTask } = await import('./worker-run.fixture.task');
		const bytes = new Uint8Array(1024);
		expect(await runInWorker(lengthTask, bytes, budget, [bytes.buffer])).toBe(1024);
		expect(bytes.byteLength).toBe(0);
	});

	it('runs the task at background priority, the request thread staying at its own', async () => {
		const { niceTask } = await import('./worker-run.fixture.task');
		const before = getPriority(0);
		expect(await runInWorker(niceTask, undefined, budget)).toBe(
			Math.max(before, BACKGROUND_NICENESS)
		);
		expect(getPriority(0)).toBe(before);
	});

	it('stops a task over its time budget with BudgetExceeded("time"), the thread stays free', async () => {
		const { spinTask } = await import('./worker-run.fixture.task');
		// The task would spin for 10 minutes; the budget is 3 s after the worker starts.
		const started = Date.now();
		const run = runInWorker(spinTask, 600_000, { ...budget, timeoutMs: 3_000 });
		let ticks = 0;
		const ticker = setInterval(() => ticks++, 50);
		const error = await run.catch((e: unknown) => e);
		clearInterval(ticker);
		expect(error).toBeInstanceOf(BudgetExceeded);
		expect((error as BudgetExceeded).exceeded).toBe('time');
		expect(Date.now() - started).toBeLessThan(120_000);
		// This thread kept running timers while the worker spun.
		expect(ticks).toBeGreaterThan(0);
	});

	it('stops a task over its memory budget with BudgetExceeded("memory")', async () => {
		const { hoardTask } = await import('./worker-run.fixture.task');
		const error = await runInWorker(hoardTask, null, {
			...budget,
			maxOldGenerationSizeMb: 32
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BudgetExceeded);
		expect((error as BudgetExceeded).exceeded).toBe('memory');
	});

	it('rejects with the task’s error name and message when it throws', async () => {
		const { failTask } = await import('./worker-run.fixture.task');
		const error = await runInWorker(failTask, null, budget).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WorkerTaskError);
		expect((error as WorkerTaskError).causeName).toBe('RangeError');
		expect((error as WorkerTaskError).message).toContain('bad input');
	});

	it('rejects with WorkerTaskError when the task’s module fails to load or does not declare it', async () => {
		const { doubleTask } = await import('./worker-run.fixture.task');
		const missing = { ...doubleTask, url: new URL('./no-such.task.ts', import.meta.url).href };
		const unloaded = await runInWorker(missing, 1, budget).catch((e: unknown) => e);
		expect(unloaded).toBeInstanceOf(WorkerTaskError);
		expect((unloaded as WorkerTaskError).message).toContain('no-such.task.ts');
		const undeclared = { ...doubleTask, name: 'test-undeclared' };
		const error = await runInWorker(undeclared, 1, budget).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WorkerTaskError);
		expect((error as WorkerTaskError).message).toContain('task test-undeclared not declared by');
	});
});
