import type { AssessmentRecord } from '$lib/server/record';
import { renderModelPdf } from './pdf-render';
import { reportModel, type ReportOptions } from './report-model';

/** The full DPIA report of one version, as a PDF (pure over its inputs). */
export async function renderReportPdf(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
): Promise<Buffer> {
	return renderModelPdf(reportModel(record, locale, options));
}
