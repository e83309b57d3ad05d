import type { AssessmentRecord } from '$lib/server/record';
import { renderDocument } from './render-worker';
import { reportModel, type ReportOptions } from './report-model';

/** The full DPIA report of one version, as an editable Word document (pure over its inputs). */
export async function renderReportDocx(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
): Promise<Buffer> {
	return renderDocument(reportModel(record, locale, options), 'docx');
}
