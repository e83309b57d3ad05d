import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICENESS, startWorker } from './worker-start';

const fixture = new URL('./worker-start.fixture.ts', import.meta.url);

/** The worker's first message; its error, or its exit without one, as a rejection. */
function firstMessage(worker: Worker): Promise<unknown> {
	return new Promise<unknown>((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
	}).finally(() => void worker.terminate());
}

describe('startWorker', () => {
	it('runs a background worker at BACKGROUND_NICENESS, this thread staying at its own', async () => {
		const before = getPriority(0);
		const nice = await firstMessage(startWorker(fixture, {}, { background: true }));
		expect(nice).toBe(Math.max(before, BACKGROUND_NICENESS));
		expect(nice).toBeGreaterThanOrEqual(5);
		expect(getPriority(0)).toBe(before);
	});

	it('leaves a foreground worker (the CLI’s) at this thread’s priority', async () => {
		const nice = await firstMessage(startWorker(fixture, {}, { background: false }));
		expect(nice).toBe(getPriority(0));
	});

	it('reports a module that fails to load through the worker’s error event', async () => {
		for (const background of [true, false]) {
			const error = await firstMessage(
				startWorker(fixture, { workerData: 'fail' }, { background })
			).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe('fixture failed to load');
		}
	});

	describe('a built module (.js)', () => {
		// As adapter-node writes it: an ES module under a package.json of type module.
		const dir = mkdtempSync(join(tmpdir(), 'worker-start-'));
		writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
		writeFileSync(
			join(dir, 'chunk.js'),
			`import { getPriority } from 'node:os';
			import { parentPort, workerData } from 'node:worker_threads';
			// Without tsx's loader, Node 20 refuses a .ts module.
			const ts = await import(workerData).then(() => 'loaded', (e) => e.code);
			parentPort.postMessage({ nice: getPriority(0), ts });`
		);
		const chunk = pathToFileURL(join(dir, 'chunk.js'));
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it('starts without tsx, lowered in the background and not in the foreground', async () => {
			const before = getPriority(0);
			const options = { workerData: fixture.href };
			expect(await firstMessage(startWorker(chunk, options, { background: true }))).toEqual({
				nice: Math.max(before, BACKGROUND_NICENESS),
				ts: 'ERR_UNKNOWN_FILE_EXTENSION'
			});
			expect(await firstMessage(startWorker(chunk, options, { background: false }))).toEqual({
				nice: before,
				ts: 'ERR_UNKNOWN_FILE_EXTENSION'
			});
		});
	});
});

describe('the code base', () => {
	const root = fileURLToPath(new URL('../../../', import.meta.url));
	const here = fileURLToPath(new URL('./worker-start.ts', import.meta.url));

	function sources(dir: string): string[] {
		return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return sources(path);
			return /\.(ts|js|mjs|cjs|svelte)$/.test(entry.name) ? [path] : [];
		});
	}

	it('starts worker threads only through worker-start.ts (priority and loader in one place)', () => {
		const starters = ['src', 'scripts']
			.flatMap((dir) => sources(join(root, dir)))
			.filter((path) => path !== here && /\bnew\s+Worker\s*\(/.test(readFileSync(path, 'utf8')))
			.map((path) => path.slice(root.length));
		expect(starters).toEqual([]);
	});
});
