import { error } from '@sveltejs/kit';
import { assessmentAccess } from '$lib/server/http/access';
import { getOrgSettings } from '$lib/server/org-settings';
import { loadRecord } from '$lib/server/record';
import { reportModel } from '$lib/server/export/report-model';
import type { PageServerLoad } from './$types';

/**
 * The decision record: the whole story of one version, read-only, for an inspector. It is
 * the same document model as the PDF and Word reports, shown as a page.
 */
/**
 * Audit entries per page of the record. The PDF and Word reports tell the 300 most recent
 * at once; a page that did so weighed 330 kB, and rendering it again and again kept the
 * server's memory high. Older entries are a link away, and all of them, chained, are in
 * the evidence bundle.
 */
const HISTORY_PAGE_ROWS = 50;

/** `?history=` as a page number from 1; anything else is a page that does not exist. */
function historyPage(raw: string | null): number {
	if (raw === null) return 1;
	const page = Number(raw);
	if (!/^\d{1,6}$/.test(raw) || page < 1) error(404, { message: 'not_found' });
	return page;
}

export const load: PageServerLoad = (event) => {
	const { db, assessment } = assessmentAccess(event);
	const raw = event.url.searchParams.get('version');
	const version = raw === null ? undefined : Number(raw);
	if (version !== undefined && (!Number.isSafeInteger(version) || version < 1))
		error(404, { message: 'not_found' });
	const page = historyPage(event.url.searchParams.get('history'));
	const record = loadRecord(db, assessment.id, version, {
		rows: HISTORY_PAGE_ROWS,
		offset: (page - 1) * HISTORY_PAGE_ROWS
	});
	if (!record) error(404, { message: 'not_found' });
	const { total } = record.historyWindow;
	const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_ROWS));
	if (page > pages) error(404, { message: 'not_found' });
	const settings = getOrgSettings(db, assessment.orgId);
	const locale = event.locals.locale === 'en' ? 'en' : 'fr';
	return {
		assessment: {
			id: assessment.id,
			title: assessment.title,
			versionNumber: assessment.versionNumber
		},
		versionNumber: record.versionNumber,
		frozen: record.frozen,
		contentHash: record.contentHash,
		versions: record.versions.map((v) => v.number),
		history: { page, pages, total },
		doc: reportModel(record, locale, {
			thresholds: record.thresholds,
			extraOpinions: settings.extraOpinions
		})
	};
};
