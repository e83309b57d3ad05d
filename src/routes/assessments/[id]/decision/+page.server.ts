import { error, fail } from '@sveltejs/kit';
import { decisionProblems } from '$lib/domain/signoff';
import { levelName, type Scale } from '$lib/domain/scoring';
import { actorOf } from '$lib/server/http/access';
import { loadRecord } from '$lib/server/record';
import { directoryStepUpView } from '$lib/server/auth/step-up-oidc';
import { userHasTotp } from '$lib/server/auth/step-up';
import { gateDecisionOf, residualRisks, scenarioIds, signDecision } from '$lib/server/signoffs';
import {
	cnilReferralOf,
	DecisionGateError,
	recordGateContent,
	judge
} from '$lib/server/decision-gate';
import { benefitsView, gateView, withHref } from './gate-view.server';
import { confirmSigner, openSignForm, signRefusal, signoffPage } from '$lib/server/http/sign-form';
import { decisionBlocker } from '$lib/server/workflow';
import { requiredOpinions } from '$lib/server/opinion-summary';
import { isDecisionField, parseDecision } from './parse';
import { can } from '$lib/domain/roles';
import { conditionsMet } from '$lib/server/conditions';
import { conditionMetAction } from './condition-met.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, db, assessment, membership, record, settings, header } = signoffPage(event);
	const scenarios =
		(record.content.steps.scenarios.data as { scenarios?: { id: string; name: string }[] } | null)
			?.scenarios ?? [];
	const canDecide =
		membership.role === 'director' && !assessment.archivedAt && assessment.status !== 'decided';
	return {
		...header,
		opinions: requiredOpinions(record, settings),
		risks: residualRisks(record.content, record.thresholds).map((r) => ({
			...r,
			name: levelName(r.level as Scale)
		})),
		scenarios: scenarios.map((s) => ({ id: s.id, name: s.name })),
		decision: record.decision,
		conditionsMet: record.decision ? conditionsMet(db, assessment.id, record.versionNumber) : [],
		canMarkConditions:
			can(membership.role, 'condition.fulfil') &&
			assessment.status === 'decided' &&
			!assessment.archivedAt,
		canDecide,
		blocker: canDecide ? decisionBlocker(db, assessment) : null,
		gate: gateView(assessment.id, recordGateContent(record)),
		benefits: benefitsView(record.content),
		art36Deadline: cnilReferralOf(db, assessment.id),
		hasTotp: userHasTotp(db, user.id),
		directory: directoryStepUpView(event.locals.session, event.url.pathname),
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions: Actions = {
	conditionMet: conditionMetAction,
	decide: async (event) => {
		const { user, db, assessment, membership, form, values, failure } = await openSignForm(
			event,
			'decision.sign',
			(keys) => keys.filter(isDecisionField)
		);
		if (membership.role !== 'director')
			return fail(403, {
				errors: { _form: { code: 'signoff_wrong_role' } },
				values,
				wrongRole: true
			});
		if (failure) return failure;
		// Missing or stale opinions first: no point checking a decision that cannot be taken.
		const blocker = decisionBlocker(db, assessment);
		if (blocker)
			return fail(409, {
				errors: { _form: { code: `signoff_refused_${blocker}` } },
				values,
				refused: blocker
			});
		const seenHash = form.get('seenHash');
		if (typeof seenHash !== 'string' || !/^[0-9a-f]{64}$/.test(seenHash))
			return fail(400, {
				errors: { _form: { code: 'signoff_refused_content_changed' } },
				values,
				badHash: true
			});
		const parsed = parseDecision(form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values, invalid: true });
		const record = loadRecord(db, assessment.id);
		if (!record) error(404, { message: 'not_found' });

		// The decision gate names every blocker at once; the accepted residual levels are
		// those of the chosen scenario.
		const gate = judge(db, assessment, gateDecisionOf(parsed));
		const blockers = gate.blockers.map((b) => withHref(assessment.id, b));
		const problems = decisionProblems(parsed.outcome, parsed.details, {
			residualRisks: gate.residuals,
			scenarioIds: scenarioIds(record.content),
			today: new Date().toISOString().slice(0, 10)
		});
		if (problems.length || blockers.length) {
			const errors = Object.fromEntries(
				problems.map((p) => [
					p.path.startsWith('acceptedRisks.')
						? `accept.${p.path.slice(14)}`
						: parsed.formPath(p.path),
					{ code: p.code }
				])
			);
			return fail(blockers.length ? 409 : 400, {
				errors,
				values,
				incomplete: problems.length > 0,
				blockers
			});
		}
		const confirmed = await confirmSigner(event, db, user, assessment.orgId, membership.role, form);
		if (!confirmed.ok)
			return fail(confirmed.status, { errors: confirmed.errors, values, stepUp: true });
		try {
			signDecision(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				{ id: user.id, name: user.name, role: membership.role, authMethod: confirmed.authMethod },
				assessment.id,
				{ outcome: parsed.outcome, body: parsed.body, details: parsed.details, seenHash }
			);
			return { decided: true };
		} catch (e) {
			if (e instanceof DecisionGateError)
				return fail(409, {
					errors: {},
					values,
					blockers: e.blockers.map((b) => withHref(assessment.id, b))
				});
			return signRefusal(e, values);
		}
	}
};
