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
export const load: PageServerLoad = (event) => {
	const { db, assessment } = assessmentAccess(event);
	const raw = event.url.searchParams.get('version');
	const version = raw === null ? undefined : Number(raw);
	if (version !== undefined && (!Number.isSafeInteger(version) || version < 1))
		error(404, { message: 'not_found' });
	const record = loadRecord(db, assessment.id, version);
	if (!record) error(404, { message: 'not_found' });
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
		doc: reportModel(record, locale, {
			thresholds: record.thresholds,
			extraOpinions: settings.extraOpinions
		})
	};
};
