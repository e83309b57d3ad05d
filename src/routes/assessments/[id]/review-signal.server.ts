import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { SIGNAL_KINDS } from '$lib/domain/review';
import { actorOf, assessmentAccess } from '$lib/server/http/access';
import { formFail, formValues, validate } from '$lib/server/http/forms';
import { SIGNAL_DETAIL_MAX, SignalRefusedError, signalChange } from '$lib/server/review';

const signalSchema = z
	.object({
		kind: z.enum(SIGNAL_KINDS),
		// Empty ("not applicable") or missing: no severity; otherwise a finding's scale, 1-4.
		severity: z.preprocess(
			(v) => (v === '' || v === undefined ? null : v),
			z.union([z.null(), z.coerce.number().int().min(1).max(4)])
		),
		detail: z.string().trim().min(1).max(SIGNAL_DETAIL_MAX)
	})
	.refine((v) => v.kind !== 'vulnerability' || v.severity !== null, {
		path: ['severity'],
		message: 'review_severity_required'
	});

/** "Signaler un changement" on a decided analysis: what was typed is kept on a refusal. */
export async function signalChangeAction(event: RequestEvent<{ id: string }>) {
	const { user, db, assessment, membership } = assessmentAccess(event, 'review.signal');
	const form = await event.request.formData();
	const parsed = validate(signalSchema, form);
	if (!parsed.ok)
		return formFail(400, parsed.failure.data.errors, formValues(form), { signal: true });
	try {
		signalChange(db, { ...actorOf(user, membership), userId: user.id }, assessment.id, {
			...parsed.data,
			severity: parsed.data.kind === 'vulnerability' ? parsed.data.severity : null
		});
	} catch (e) {
		if (e instanceof SignalRefusedError) {
			return formFail(409, {}, formValues(form), { signal: true, signalRefused: true });
		}
		throw e;
	}
	return { signal: true, signalled: true };
}
