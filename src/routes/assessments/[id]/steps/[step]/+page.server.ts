import { error, redirect } from '@sveltejs/kit';
import { isStepKey } from '$lib/domain/method/steps';
import { getDb } from '$lib/server/db';
import { requireAssessment, requireUser } from '$lib/server/http/access';
import type { PageServerLoad } from './$types';

/** Old links to /steps/<key>: every step now has its own page. Access is checked first. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const { assessment } = requireAssessment(getDb(), user, event.params.id);
	const step = event.params.step;
	if (!isStepKey(step)) error(404, { message: 'not_found' });
	redirect(308, `/assessments/${assessment.id}/${step.replace('_', '-')}`);
};
