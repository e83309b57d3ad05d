/**
 * The patient notice endpoints: the notice is refused with 422 and a short page listing
 * what to fill in while the controller, the DPO contact, the retention periods or the
 * transfer information are missing or placeholders (notice-gaps.ts); otherwise the usual
 * audited document export. `?audience=adolescent` selects the variant for adolescents.
 */
import type { ExportSpec } from '$lib/server/http/export-response';
import { m } from '$lib/paraglide/messages';
import { noticeGaps } from '$lib/server/export/notice-gaps';
import { documentExport, type DocumentFormat } from '$lib/server/export/report-export';

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

/** The notice as an export: refused with the list of what to fill in, else rendered. */
export function noticeExport(format: DocumentFormat): ExportSpec {
	return {
		...documentExport('notice', format),
		refuse: ({ record, locale, assessment }) => {
			const gaps = noticeGaps(record, locale);
			if (!gaps.length) return null;
			// 422: the request is understood, but the assessment cannot yet yield a publishable notice.
			return new Response(refusalPage(locale, assessment.id, gaps), {
				status: 422,
				headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
			});
		}
	};
}
