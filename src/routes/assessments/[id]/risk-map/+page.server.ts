import { error } from '@sveltejs/kit';
import { riskMap, scoredRisks } from '$lib/domain/risk-map';
import { requireAssessment, requireUser } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { getStep } from '$lib/server/steps';
import type { PageServerLoad } from './$types';

/** Read-only view of the risks step: the same map feeds the table and the chart. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { assessment } = requireAssessment(db, user, event.params.id, 'assessment.read');
	const row = getStep(db, assessment.id, 'risks');
	if (!row) error(404, { message: 'not_found' });
	return {
		assessment: { id: assessment.id, title: assessment.title },
		map: riskMap(scoredRisks(row.data))
	};
};
