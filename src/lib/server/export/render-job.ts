/**
 * What a render worker does (render-worker-entry.ts loads this only inside the worker):
 * builds the document model of a record and lays it out as PDF or Word. pdfmake, pdfkit and
 * docx come with it, hundreds of milliseconds of loading that must never happen on the
 * request thread.
 */
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

export function renderJob(job: RenderJob): Promise<Buffer> {
	const model = MODELS[job.kind](job.record, job.locale, job.options);
	return job.format === 'pdf' ? renderModelPdf(model) : renderModelDocx(model);
}
