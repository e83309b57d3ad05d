/**
 * The worker side of document rendering (render-worker.ts): runs render-job.ts for each job
 * and posts the bytes back. In the built app this module is its own chunk (render-worker.ts
 * only imports it dynamically), and the worker loads that chunk by its own URL: no separate
 * build step, and the same code in dev, tests and production.
 *
 * The request thread imports this module for its URL, so it stays small: the renderers
 * are imported only inside the worker (loading pdfmake and docx here held every request
 * for 175–350 ms at a process's first export, measured by `npm run bench:responsive`).
 */
import type { RenderJob } from './render-job';
import { workerJobs } from './render-worker-run';

/** Tells this worker from any other the process starts (the CLI's audit verifiers). */
export const RENDER_WORKER_MARK = 'dpia-workbench/render-document';

/** The file to start the worker from: this module, wherever the bundler wrote it. */
export const renderWorkerEntry = import.meta.url;

workerJobs(
	RENDER_WORKER_MARK,
	async (job: RenderJob) => {
		const { renderJob } = await import('./render-job');
		const bytes = await renderJob(job);
		// Transferred, not copied: a long report is megabytes.
		return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
	},
	(out) => [out.buffer]
);
