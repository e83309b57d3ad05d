/**
 * The assessment workflow: states, transitions, who may trigger them and what must be
 * true first. Pure, so the server, the UI (which buttons to show) and the tests share one
 * table. The point is the brief's failure mode: a decision taken without the DPO and the
 * security officer. `decide` therefore re-checks every opinion itself instead of trusting
 * that `request_decision` once did: an opinion can go stale in between.
 *
 *   draft --submit_for_review--> in_review --open_opinions--> opinions
 *     ^  <--return_to_draft----'                                 |
 *     |                                                   request_decision
 *     |                                                          v
 *     '-------reopen (new version)------ decided <--decide-- awaiting_decision
 */
import type { Role } from './roles';

export const ASSESSMENT_STATES = [
	'draft',
	'in_review',
	'opinions',
	'awaiting_decision',
	'decided'
] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const WORKFLOW_ACTIONS = [
	'submit_for_review',
	'return_to_draft',
	'open_opinions',
	'request_decision',
	'decide',
	'reopen'
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** 'stale': given on an earlier state of the analysis, so it no longer counts. */
export type OpinionStatus = 'none' | 'current' | 'stale';

export interface WorkflowFacts {
	screeningDone: boolean;
	dpoOpinion: OpinionStatus;
	securityOpinion: OpinionStatus;
	/** The representative's view, or the DPO's recorded reason for not seeking it (art. 35(9)). */
	dataSubjectsView: OpinionStatus;
	/** Other opinions this assessment requires (medical committee, GHT-level RSSI...). */
	requiredExtraOpinions: OpinionStatus[];
	/**
	 * Whether the director's decision record is complete (option chosen, residual risks
	 * accepted with reasons, measures with owners and dates). Checked on `decide` only
	 * when given: a caller that omits it must validate the decision record itself.
	 */
	decisionComplete?: boolean;
}

export type TransitionRefusal =
	| 'invalid_from_state'
	| 'role_not_allowed'
	| 'screening_missing'
	| 'dpo_opinion_missing'
	| 'security_opinion_missing'
	| 'data_subjects_view_missing'
	| 'extra_opinion_missing'
	| 'stale_opinion'
	| 'decision_incomplete';

export interface TransitionInput {
	state: AssessmentState;
	action: WorkflowAction;
	role: Role;
	facts: WorkflowFacts;
}

export type TransitionResult =
	{ ok: true; to: AssessmentState; newVersion: boolean } | { ok: false; reason: TransitionRefusal };

interface TransitionRule {
	from: AssessmentState;
	to: AssessmentState;
	roles: readonly Role[];
	/** The decided version stays frozen as the record; work continues on a copy. */
	newVersion: boolean;
	precondition: (facts: WorkflowFacts) => TransitionRefusal | null;
}

const none = (): null => null;

function screening(facts: WorkflowFacts): TransitionRefusal | null {
	return facts.screeningDone ? null : 'screening_missing';
}

/** Missing opinions are named first: asking for one is the more useful next step. */
function opinionsComplete(facts: WorkflowFacts): TransitionRefusal | null {
	const missing = screening(facts);
	if (missing) return missing;
	if (facts.dpoOpinion === 'none') return 'dpo_opinion_missing';
	if (facts.securityOpinion === 'none') return 'security_opinion_missing';
	if (facts.dataSubjectsView === 'none') return 'data_subjects_view_missing';
	if (facts.requiredExtraOpinions.includes('none')) return 'extra_opinion_missing';
	// Anything but 'current' refuses: an unexpected status must never count as an opinion.
	const all: string[] = [
		facts.dpoOpinion,
		facts.securityOpinion,
		facts.dataSubjectsView,
		...facts.requiredExtraOpinions
	];
	if (!all.every((s) => s === 'current')) {
		return 'stale_opinion';
	}
	return null;
}

function decisionReady(facts: WorkflowFacts): TransitionRefusal | null {
	const refusal = opinionsComplete(facts);
	if (refusal) return refusal;
	return facts.decisionComplete === false ? 'decision_incomplete' : null;
}

/** The whole workflow. No role appears for `admin`, `security`, `representative`, `auditor`. */
export const TRANSITIONS: Readonly<Record<WorkflowAction, Readonly<TransitionRule>>> = {
	submit_for_review: {
		from: 'draft',
		to: 'in_review',
		roles: ['contributor', 'dpo'],
		newVersion: false,
		precondition: none
	},
	return_to_draft: {
		from: 'in_review',
		to: 'draft',
		roles: ['dpo'],
		newVersion: false,
		precondition: none
	},
	open_opinions: {
		from: 'in_review',
		to: 'opinions',
		roles: ['dpo'],
		newVersion: false,
		precondition: screening
	},
	request_decision: {
		from: 'opinions',
		to: 'awaiting_decision',
		roles: ['dpo'],
		newVersion: false,
		precondition: opinionsComplete
	},
	decide: {
		from: 'awaiting_decision',
		to: 'decided',
		roles: ['director'],
		newVersion: false,
		precondition: decisionReady
	},
	reopen: {
		from: 'decided',
		to: 'draft',
		roles: ['director', 'dpo'],
		newVersion: true,
		precondition: none
	}
};

function ruleFor(action: string): Readonly<TransitionRule> | undefined {
	// Guards against a string from a form that is not an action at all.
	return Object.hasOwn(TRANSITIONS, action) ? TRANSITIONS[action as WorkflowAction] : undefined;
}

/**
 * Decides one transition. Checks, in order: the action exists from this state (the same
 * answer for everyone), the role may take it, then the facts it needs.
 */
export function transition(input: TransitionInput): TransitionResult {
	const rule = ruleFor(input.action);
	if (!rule || rule.from !== input.state) return { ok: false, reason: 'invalid_from_state' };
	if (!rule.roles.includes(input.role)) return { ok: false, reason: 'role_not_allowed' };
	const refusal = rule.precondition(input.facts);
	if (refusal) return { ok: false, reason: refusal };
	return { ok: true, to: rule.to, newVersion: rule.newVersion };
}

/** Actions this role could take from this state, before looking at the facts (for buttons). */
export function allowedActions(state: AssessmentState, role: Role): WorkflowAction[] {
	return WORKFLOW_ACTIONS.filter((action) => {
		const rule = TRANSITIONS[action];
		return rule.from === state && rule.roles.includes(role);
	});
}

/** A decided assessment is the record: read-only until reopened as a new version. */
export function isFrozen(state: AssessmentState): boolean {
	return state === 'decided';
}
