import { error } from '@sveltejs/kit';
import { isStepKey } from '$lib/domain/method/steps';
import { getDb } from '$lib/server/db';
import { requireAssessment, requireUser } from '$lib/server/access';
import * as assessments from '$lib/server/assessments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { assessment } = requireAssessment(db, user, event.params.id);
	const step = event.params.step;
	if (!isStepKey(step)) error(404, { message: 'not_found' });
	const status = assessments.stepStatuses(db, assessment.id)[step] ?? 'not_started';
	return { assessment: { id: assessment.id, title: assessment.title }, step, status };
};
