import type { AssessmentRecord } from '$lib/server/record';
import { renderDocument } from './render-worker';
import { noticeModel } from './notice-model';
import type { ReportOptions } from './report-model';

/** The patient information notice (GDPR art. 13) as a PDF. */
export function renderNoticePdf(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderDocument(noticeModel(record, locale, options), 'pdf');
}

/** The patient information notice as an editable Word document (the DPO adapts it). */
export function renderNoticeDocx(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderDocument(noticeModel(record, locale, options), 'docx');
}
