/**
 * The worker side of document rendering (render-worker.ts): lays a document model out as
 * PDF or Word and posts the bytes back. In the built app this module is its own chunk
 * (render-worker.ts only imports it dynamically), and the worker loads that chunk by its
 * own URL: no separate build step, and the same code in dev, tests and production.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { renderModelDocx } from './docx-render';
import { renderModelPdf } from './pdf-render';
import type { DocModel } from './report-doc';

export type RenderFormat = 'pdf' | 'docx';

export interface RenderJob {
	format: RenderFormat;
	model: DocModel;
}

/** Tells this worker from any other the process starts (the CLI's audit verifiers). */
export const RENDER_WORKER_MARK = 'dpia-workbench/render-document';

/** The file to start the worker from: this module, wherever the bundler wrote it. */
export const renderWorkerEntry = import.meta.url;

export function renderJob(job: RenderJob): Promise<Buffer> {
	return job.format === 'pdf' ? renderModelPdf(job.model) : renderModelDocx(job.model);
}

if (!isMainThread && workerData?.mark === RENDER_WORKER_MARK) {
	void renderJob((workerData as { job: RenderJob }).job).then((bytes) => {
		// Transferred, not copied: a long report is megabytes.
		const out = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
		parentPort!.postMessage(out, [out.buffer]);
	});
}
