/**
 * Document rendering off the request thread. Building the model (report-model.ts and the
 * others) is quick and stays here; laying it out (pdfmake, docx) can take tens of seconds
 * for a 200-risk assessment, and runs in a worker thread with a budget.
 */
import type { DocModel } from './report-doc';
import type { RenderFormat, RenderJob } from './render-worker-entry';
import { runInWorker, type WorkerBudget } from './render-worker-run';

/**
 * A 200-risk report with long texts lays out in about a minute on a loaded 2-core server;
 * three minutes leave room for that without letting a pathological document run forever.
 * 1 GB of heap is several times what that report needs.
 */
export const RENDER_BUDGET: WorkerBudget = { timeoutMs: 180_000, memoryMb: 1024 };

/** The document as PDF or Word bytes, laid out in a worker thread. */
export async function renderDocument(
	model: DocModel,
	format: RenderFormat,
	budget: WorkerBudget = RENDER_BUDGET
): Promise<Buffer> {
	// Imported here, not at the top: the bundler then gives the entry its own chunk, the
	// file the worker starts from.
	const { RENDER_WORKER_MARK, renderWorkerEntry } = await import('./render-worker-entry');
	const job: RenderJob = { format, model };
	const bytes = await runInWorker<Uint8Array>(renderWorkerEntry, RENDER_WORKER_MARK, job, budget);
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
