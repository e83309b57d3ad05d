import type { AssessmentRecord } from '$lib/server/record';
import { renderDocument } from './render-worker';
import { recordOfProcessingModel } from './record-of-processing-model';
import type { ReportOptions } from './report-model';

/** The record-of-processing entry (GDPR art. 30(1)) as a PDF. */
export function renderRecordOfProcessingPdf(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderDocument(recordOfProcessingModel(record, locale, options), 'pdf');
}

/** The record-of-processing entry as an editable Word document. */
export function renderRecordOfProcessingDocx(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderDocument(recordOfProcessingModel(record, locale, options), 'docx');
}
