import type { RequestEvent } from '@sveltejs/kit';
import { actorOf, assessmentAccess } from '$lib/server/http/access';
import { formFail, formValues } from '$lib/server/http/forms';
import {
	ConditionRefusedError,
	markConditionMet,
	type ConditionRefusal
} from '$lib/server/conditions';

/**
 * "Marquer comme remplie" on a condition of the signed decision. A refusal names its reason
 * beside the condition's row and keeps the note as typed; a missing or forged position is
 * the form's fault (400), never a server error.
 */
export async function conditionMetAction(event: RequestEvent<{ id: string }>) {
	const { user, db, assessment, membership } = assessmentAccess(event, 'condition.fulfil');
	const form = await event.request.formData();
	const values = formValues(form);
	// At most 100 conditions per decision (decisionDetailsSchema): three digits are plenty.
	const raw = values.position ?? '';
	if (!/^\d{1,3}$/.test(raw))
		return formFail(400, {}, values, {
			condition: null as number | null,
			conditionRefused: 'position' as ConditionRefusal | 'position'
		});
	const position = Number(raw);
	try {
		markConditionMet(
			db,
			{ ...actorOf(user, membership), userId: user.id },
			assessment.id,
			position,
			values.note ?? ''
		);
	} catch (e) {
		// The reason, not `errors`: the page's `errors` belong to the decision form above it.
		if (e instanceof ConditionRefusedError)
			return formFail(e.status, {}, values, {
				condition: position as number | null,
				conditionRefused: e.reason as ConditionRefusal | 'position'
			});
		throw e;
	}
	return { condition: position, conditionMet: true };
}
