import type { AssessmentRecord } from '$lib/server/record';
import { renderDocument } from './render-worker';
import { reportModel, type ReportOptions } from './report-model';

/** The full DPIA report of one version, as a PDF (pure over its inputs). */
export async function renderReportPdf(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
): Promise<Buffer> {
	return renderDocument(reportModel(record, locale, options), 'pdf');
}
