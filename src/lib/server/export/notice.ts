import type { AssessmentRecord } from '$lib/server/record';
import { renderModelDocx } from './docx-render';
import { noticeModel } from './notice-model';
import { renderModelPdf } from './pdf-render';
import type { ReportOptions } from './report-model';

/** The patient information notice (GDPR art. 13) as a PDF. */
export function renderNoticePdf(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderModelPdf(noticeModel(record, locale, options));
}

/** The patient information notice as an editable Word document (the DPO adapts it). */
export function renderNoticeDocx(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderModelDocx(noticeModel(record, locale, options));
}
