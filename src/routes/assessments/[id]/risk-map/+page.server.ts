import { error } from '@sveltejs/kit';
import { DEFAULT_THRESHOLDS } from '$lib/domain/scoring';
import { riskMap, scoredRisks } from '$lib/domain/risk-map';
import { assessmentAccess } from '$lib/server/http/access';
import { getOrgSettings } from '$lib/server/org-settings';
import { getStep } from '$lib/server/steps';
import type { PageServerLoad } from './$types';

/**
 * Read-only view of the risks step: the same map feeds the table and the chart, read with
 * the organisation's own risk-level table (also shown in the "how levels are computed" part).
 */
export const load: PageServerLoad = (event) => {
	const { db, assessment } = assessmentAccess(event, 'assessment.read');
	const row = getStep(db, assessment.id, 'risks');
	if (!row) error(404, { message: 'not_found' });
	const { thresholds } = getOrgSettings(db, assessment.orgId);
	const map = riskMap(scoredRisks(row.data), thresholds);
	return {
		assessment: { id: assessment.id, title: assessment.title },
		map,
		customThresholds: JSON.stringify(thresholds) !== JSON.stringify(DEFAULT_THRESHOLDS)
	};
};
