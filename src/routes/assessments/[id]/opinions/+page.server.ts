import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { OPINION_KINDS, VERDICTS } from '$lib/domain/signoff';
import { actorOf } from '$lib/server/http/access';
import { validate } from '$lib/server/http/forms';
import { listFindings } from '$lib/server/findings';
import { authorshipFor, AuthorshipReasonRequired } from '$lib/server/authorship';
import { directoryStepUpView } from '$lib/server/auth/step-up-oidc';
import { userHasTotp } from '$lib/server/auth/step-up';
import { signableKinds, signOpinion } from '$lib/server/signoffs';
import { confirmSigner, openSignForm, signRefusal, signoffPage } from '$lib/server/http/sign-form';
import { requiredOpinions } from '$lib/server/opinion-summary';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, db, assessment, membership, record, settings, header } = signoffPage(event);
	const collecting = ['opinions', 'awaiting_decision'].includes(assessment.status);
	const signable =
		collecting && !assessment.archivedAt ? signableKinds(membership.role, settings) : [];
	return {
		...header,
		required: requiredOpinions(record, settings),
		signatures: record.signatures,
		signable,
		hasTotp: userHasTotp(db, user.id),
		directory: directoryStepUpView(event.locals.session, event.url.pathname),
		// Shown to a DPO about to sign on content they mostly saved: a reason is then asked.
		authorship: signable.some((s) => s.kind === 'dpo')
			? authorshipFor(db, assessment.id, user.id)
			: null,
		openFindings:
			membership.role === 'security'
				? listFindings(db, assessment.id)
						.filter((f) => f.status === 'open' || f.status === 'in_progress')
						.map((f) => ({ id: f.id, title: f.title, severity: f.severity, status: f.status }))
				: []
	};
};

const opinionSchema = z.object({
	kind: z.enum(OPINION_KINDS),
	extraKey: z
		.string()
		.max(40)
		.optional()
		.transform((v) => v || null),
	verdict: z.enum(VERDICTS).optional(),
	body: z.string().trim().min(1).max(10000),
	authorshipReason: z.string().trim().max(2000).optional(),
	seenHash: z.string().regex(/^[0-9a-f]{64}$/)
});

export const actions: Actions = {
	sign: async (event) => {
		const { user, db, assessment, membership, form, values, failure } = await openSignForm(
			event,
			'opinion.sign',
			() => ['kind', 'extraKey', 'verdict', 'body', 'authorshipReason']
		);
		if (failure) return failure;
		const parsed = validate(opinionSchema, form, { omit: ['password', 'code'] });
		if (!parsed.ok) return parsed.failure;
		const input = parsed.data;
		if (input.kind !== 'data_subjects_waiver' && !input.verdict)
			return fail(400, { errors: { verdict: { code: 'required' } }, values, missingVerdict: true });
		const confirmed = await confirmSigner(event, db, user, assessment.orgId, membership.role, form);
		if (!confirmed.ok)
			return fail(confirmed.status, { errors: confirmed.errors, values, stepUp: true });
		try {
			const row = signOpinion(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				{ id: user.id, name: user.name, role: membership.role, authMethod: confirmed.authMethod },
				assessment.id,
				{
					kind: input.kind,
					extraKey: input.extraKey,
					verdict: input.kind === 'data_subjects_waiver' ? null : (input.verdict ?? null),
					body: input.body,
					seenHash: input.seenHash,
					authorshipReason: input.authorshipReason ?? null
				}
			);
			return { signed: row.id };
		} catch (e) {
			if (e instanceof AuthorshipReasonRequired)
				return fail(400, {
					errors: { authorshipReason: { code: 'signoff_authorship_reason_required' } },
					values
				});
			return signRefusal(e, values);
		}
	}
};
