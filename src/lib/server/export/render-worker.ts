/**
 * Document rendering off the request thread: building the model (report-model.ts and the
 * others) and laying it out (pdfmake, docx) run in a worker thread with a budget; for a
 * 200-risk assessment the layout takes tens of seconds and the model hundreds of
 * milliseconds, both felt by every other user if they ran here.
 */
import type { RenderJob } from './render-job';
import { runInWorker, type WorkerBudget } from './render-worker-run';

/**
 * A 200-risk report with long texts lays out in about a minute on a loaded 2-core server;
 * three minutes leave room for that without letting a pathological document run forever.
 * 1 GB of heap is several times what that report needs.
 */
export const RENDER_BUDGET: WorkerBudget = { timeoutMs: 180_000, memoryMb: 1024 };

/** The document as PDF or Word bytes, built and laid out in a worker thread. */
export async function renderDocument(
	job: RenderJob,
	budget: WorkerBudget = RENDER_BUDGET
): Promise<Buffer> {
	// Imported here, not at the top: the bundler then gives the entry its own chunk, the
	// file the worker starts from.
	const { RENDER_WORKER_MARK, renderWorkerEntry } = await import('./render-worker-entry');
	const bytes = await runInWorker<Uint8Array>(renderWorkerEntry, RENDER_WORKER_MARK, job, budget);
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
