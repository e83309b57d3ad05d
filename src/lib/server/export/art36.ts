import type { AssessmentRecord } from '$lib/server/record';
import { art36Model } from './art36-model';
import { renderModelDocx } from './docx-render';
import { renderModelPdf } from './pdf-render';
import type { ReportOptions } from './report-model';

/** The prior-consultation file (GDPR art. 36(3)) as a PDF. */
export function renderArt36Pdf(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderModelPdf(art36Model(record, locale, options));
}

/** The prior-consultation file as an editable Word document (the DPO completes it). */
export function renderArt36Docx(
	record: AssessmentRecord,
	locale: 'fr' | 'en',
	options: ReportOptions = {}
) {
	return renderModelDocx(art36Model(record, locale, options));
}
