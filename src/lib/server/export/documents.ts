/**
 * The generated documents (report, patient notice, record-of-processing entry, art. 36
 * file), each a document model laid out as PDF or Word. Both the model and the layout are
 * built in a worker thread (render-worker.ts): for a 200-risk assessment either takes long
 * enough to be felt by every other user if it ran on the request thread.
 */
import type { AssessmentRecord } from '$lib/server/record';
import type { Locale } from '$lib/domain/knowledge/localized';
import { renderDocument } from './render-worker';
import type { DocumentKind, RenderFormat } from './render-job';
import type { ReportOptions } from './report-model';

export type { DocumentKind, RenderFormat as DocumentFormat } from './render-job';

/** `kind` of `record` in `locale`, as PDF or Word bytes. */
export function renderDocumentOf(
	kind: DocumentKind,
	format: RenderFormat,
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): Promise<Buffer> {
	return renderDocument({ kind, format, record, locale, options });
}

/** The full report as a PDF: the evidence bundle holds it, the export bench times it. */
export function renderReportPdf(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): Promise<Buffer> {
	return renderDocumentOf('report', 'pdf', record, locale, options);
}
