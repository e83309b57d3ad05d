/**
 * The worker side of document rendering (render-worker.ts): builds the document model of
 * a record, lays it out as PDF or Word and posts the bytes back. In the built app this module is its own chunk
 * (render-worker.ts only imports it dynamically), and the worker loads that chunk by its
 * own URL: no separate build step, and the same code in dev, tests and production.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { renderModelDocx } from './docx-render';
import { renderModelPdf } from './pdf-render';
import type { Locale } from '$lib/domain/knowledge/localized';
import type { AssessmentRecord } from '$lib/server/record';
import { art36Model } from './art36-model';
import { noticeModel } from './notice-model';
import { recordOfProcessingModel } from './record-of-processing-model';
import type { DocModel } from './report-doc';
import { reportModel, type ReportOptions } from './report-model';

export type RenderFormat = 'pdf' | 'docx';

const MODELS = {
	report: reportModel,
	notice: noticeModel,
	'record-of-processing': recordOfProcessingModel,
	art36: art36Model
} satisfies Record<string, (r: AssessmentRecord, l: Locale, o: ReportOptions) => DocModel>;

export type DocumentKind = keyof typeof MODELS;

export interface RenderJob {
	kind: DocumentKind;
	format: RenderFormat;
	record: AssessmentRecord;
	locale: Locale;
	options: ReportOptions;
}

/** Tells this worker from any other the process starts (the CLI's audit verifiers). */
export const RENDER_WORKER_MARK = 'dpia-workbench/render-document';

/** The file to start the worker from: this module, wherever the bundler wrote it. */
export const renderWorkerEntry = import.meta.url;

export function renderJob(job: RenderJob): Promise<Buffer> {
	const model = MODELS[job.kind](job.record, job.locale, job.options);
	return job.format === 'pdf' ? renderModelPdf(model) : renderModelDocx(model);
}

if (!isMainThread && workerData?.mark === RENDER_WORKER_MARK) {
	void renderJob((workerData as { job: RenderJob }).job).then((bytes) => {
		// Transferred, not copied: a long report is megabytes.
		const out = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
		parentPort!.postMessage(out, [out.buffer]);
	});
}
