import type { AssessmentRecord } from '$lib/server/record';
import { renderModelDocx } from './docx-render';
import { reportModel, type ReportOptions } from './report-model';

/** The full DPIA report of one version, as an editable Word document (pure over its inputs). */
export async function renderReportDocx(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
): Promise<Buffer> {
	return renderModelDocx(reportModel(record, locale, options));
}
