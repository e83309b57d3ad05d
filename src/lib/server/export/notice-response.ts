/**
 * The patient notice endpoints: the notice is refused with 422 and a short page listing
 * what to fill in while the controller, the DPO contact, the retention periods or the
 * transfer information are missing or placeholders (notice-gaps.ts); otherwise the usual
 * audited document response. `?audience=adolescent` selects the variant for adolescents.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { requireAssessment, requireUser } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { noticeGaps } from './notice-gaps';
import { documentResponse, type DocumentFormat } from './report-export';
import { exportRecord } from './request';

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

export function refusalPage(locale: 'fr' | 'en', assessmentId: string, gaps: string[]): string {
	const o = { locale };
	const title = escapeHtml(m.notice_refused_title({}, o));
	const items = gaps.map((g) => `<li>${escapeHtml(g)}</li>`).join('');
	const back = `/assessments/${encodeURIComponent(assessmentId)}/context`;
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${escapeHtml(m.notice_refused_text({}, o))}</p><ul id="notice-gaps">${items}</ul><p><a href="${back}">${escapeHtml(m.notice_refused_back({}, o))}</a></p></main></body></html>`;
}

export async function noticeResponse(
	event: RequestEvent<{ id: string }>,
	format: DocumentFormat
): Promise<Response> {
	const user = requireUser(event);
	const db = getDb();
	const { assessment } = requireAssessment(db, user, event.params.id, 'assessment.export');
	const gaps = noticeGaps(exportRecord(db, assessment, event.url), event.locals.locale);
	if (gaps.length) {
		// 422: the request is understood but the assessment cannot yet yield a publishable notice.
		return new Response(refusalPage(event.locals.locale, assessment.id, gaps), {
			status: 422,
			headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	return documentResponse(event, 'notice', format);
}
