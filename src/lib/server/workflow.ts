import { eq } from 'drizzle-orm';
import {
	transition,
	type TransitionRefusal,
	type WorkflowAction,
	type WorkflowFacts
} from '$lib/domain/workflow';
import { opinionFacts } from '$lib/domain/signoff';
import type { Role } from '$lib/domain/roles';
import { assessments, type Assessment } from './db/schema';
import { CONTENT_STEPS, contentHash, currentContent, type AssessmentContent } from './content';
import { getOrgSettings, type OrgSettings } from './org-settings';
import { signaturesOf } from './record';
import type { Actor } from './audit';
import { assessmentEvent } from './assessments';
import { updateVersioned } from './versioned';
import { evaluationProblems } from '$lib/domain/decision/measures';
import type { Db } from './db';
import { notify } from './notify/outbox';
import { taskHref } from '$lib/domain/tasks';
import { takeUpSignals } from './review';

/** A state change or a signature refused by the workflow; `reason` is a message key suffix. */
export class WorkflowRefusalError extends Error {
	constructor(public readonly reason: TransitionRefusal | SignRefusal) {
		super(reason);
	}
}

export type SignRefusal =
	| 'not_collecting_opinions'
	| 'not_awaiting_decision'
	| 'already_signed'
	| 'view_already_given'
	| 'content_changed'
	| 'frozen'
	| 'steps_not_evaluated';

/** What the workflow needs to know about an assessment right now (inside the caller's transaction). */
export function factsOf(tx: Db, assessment: Assessment): WorkflowFacts & { contentHash: string } {
	const content = currentContent(tx, assessment);
	const hash = contentHash(content);
	const settings = getOrgSettings(tx, assessment.orgId);
	const signed = signaturesOf(tx, assessment.id, assessment.versionNumber);
	return { ...factsFrom(content, hash, signed, settings), contentHash: hash };
}

/** The facts from what the caller has already read (content, its hash, signatures, settings). */
export function factsFrom(
	content: AssessmentContent,
	hash: string,
	signed: Parameters<typeof opinionFacts>[0],
	settings: Pick<OrgSettings, 'extraOpinions'>
): WorkflowFacts {
	return {
		screeningDone: content.steps.screening.data !== null,
		...opinionFacts(signed, hash, settings.extraOpinions)
	};
}

/**
 * Moves an assessment through the workflow. Re-reads the row and the facts inside the
 * write transaction, so two people acting at once cannot both pass a precondition that
 * only one of them met. `reopen` starts the next version; the decided one stays frozen in
 * assessment_versions. `decide` is not taken here: it is the director's signature
 * (signoffs.ts), which must write the decision and the state change together.
 */
export function applyTransition(
	db: Db,
	actor: Actor & { userId: string },
	role: Role,
	assessmentId: string,
	action: Exclude<WorkflowAction, 'decide'>,
	version: number
): Assessment {
	return updateVersioned(db, actor, {
		table: assessments,
		where: [eq(assessments.id, assessmentId)],
		version,
		set: (current, tx) => {
			if (current.archivedAt) throw new WorkflowRefusalError('frozen');
			const result = transition({
				state: current.status,
				action,
				role,
				facts: factsOf(tx, current)
			});
			if (!result.ok) throw new WorkflowRefusalError(result.reason);
			// Every method step is evaluated before the director is asked to decide, as in the
			// CNIL PIA tool: "acceptable", or "improvable" with the action to plan.
			if (action === 'request_decision' && unevaluatedSteps(currentContent(tx, current)).length)
				throw new WorkflowRefusalError('steps_not_evaluated');
			return {
				status: result.to,
				versionNumber: current.versionNumber + (result.newVersion ? 1 : 0),
				updatedBy: actor.userId,
				updatedAt: new Date().toISOString()
			};
		},
		after: (updated, _before, tx) => {
			// The changes reported against the decided version go to the one now under review.
			if (action === 'reopen') takeUpSignals(tx, updated.id, updated.versionNumber);
			notifyTransition(tx, action, actor.userId, updated);
		},
		event: (updated, before) =>
			assessmentEvent(
				updated,
				`workflow.${action}`,
				`${before.status} → ${updated.status}${
					updated.versionNumber !== before.versionNumber
						? ` (version ${updated.versionNumber})`
						: ''
				}`
			)
	});
}

/** The transitions that ask someone for something: the mail sent, the page it links to. */
const ASKS = {
	open_opinions: ['opinion_requested', 'sign_opinion'],
	request_decision: ['decision_requested', 'sign_decision']
} as const;

/** Opening the opinions asks the signers; asking for the decision, the director. */
function notifyTransition(tx: Db, action: WorkflowAction, actorId: string, a: Assessment) {
	if (action !== 'open_opinions' && action !== 'request_decision') return;
	const [event, task] = ASKS[action];
	notify(tx, { event, assessment: a, actorId, href: taskHref(task, a.id) });
}

/**
 * Why the director cannot decide now, or null. A missing or stale opinion is named before
 * the workflow state: "the DPO has not given an opinion" helps more than "wrong state".
 */
export function decisionBlocker(db: Db, assessment: Assessment): TransitionRefusal | null {
	const facts = { ...factsOf(db, assessment), decisionComplete: true };
	const asIfAwaiting = transition({
		state: 'awaiting_decision',
		action: 'decide',
		role: 'director',
		facts
	});
	if (!asIfAwaiting.ok) return asIfAwaiting.reason;
	const now = transition({ state: assessment.status, action: 'decide', role: 'director', facts });
	return now.ok ? null : now.reason;
}

/** The method steps not yet evaluated "acceptable" or "improvable" with an action. */
export function unevaluatedSteps(content: AssessmentContent) {
	return evaluationProblems(
		CONTENT_STEPS.map((key) => ({
			key,
			status: content.steps[key].status,
			actionPlanComment: content.steps[key].actionPlanComment
		}))
	);
}
