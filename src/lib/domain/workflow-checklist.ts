/**
 * Everything that still blocks the way to the decision, all reasons at once (issue 14,
 * point 4). The workflow itself refuses with the first reason it meets (workflow.ts); this
 * lists every one, each under the first transition it blocks, so that the people who can
 * fix them in parallel (contributors, RSSI, representatives, DPO) see their part now rather
 * than one after the other.
 */
import type { Blocker } from './decision/gate';
import type { AssessmentState, OpinionStatus, WorkflowFacts } from './workflow';

/** The transitions on the way to a decision, in order; each has preconditions. */
export const CHECKLIST_ACTIONS = ['open_opinions', 'request_decision', 'decide'] as const;
export type ChecklistAction = (typeof CHECKLIST_ACTIONS)[number];

/** One opinion the workflow requires: `dpo`, `security`, `data_subjects` or `extra:<key>`. */
export interface OpinionSlot {
	ref: string;
	status: OpinionStatus;
}

export interface ChecklistFacts {
	screeningDone: boolean;
	opinions: readonly OpinionSlot[];
	/** What the decision gate refuses an approval for, the director's answers left aside. */
	decisionBlockers: readonly Blocker[];
}

export interface ChecklistGroup {
	action: ChecklistAction;
	items: Blocker[];
}

/** The transitions still ahead of each state. */
const AHEAD: Readonly<Record<AssessmentState, readonly ChecklistAction[]>> = {
	draft: CHECKLIST_ACTIONS,
	in_review: CHECKLIST_ACTIONS,
	opinions: ['request_decision', 'decide'],
	awaiting_decision: ['decide'],
	decided: []
};

/** The required opinions in the order the workflow names them, extras zipped with their keys. */
export function opinionSlots(
	facts: Pick<
		WorkflowFacts,
		'dpoOpinion' | 'securityOpinion' | 'dataSubjectsView' | 'requiredExtraOpinions'
	>,
	requiredExtraKeys: readonly string[]
): OpinionSlot[] {
	return [
		{ ref: 'dpo', status: facts.dpoOpinion },
		{ ref: 'security', status: facts.securityOpinion },
		{ ref: 'data_subjects', status: facts.dataSubjectsView },
		...facts.requiredExtraOpinions.map((status, i) => ({
			ref: `extra:${requiredExtraKeys[i] ?? i}`,
			status
		}))
	];
}

const isStepProblem = (b: Blocker) =>
	b.code === 'step_not_evaluated' || b.code === 'step_action_missing';

/** What each transition needs, as in workflow.ts and the server's request_decision check. */
function needs(action: ChecklistAction, facts: ChecklistFacts): Blocker[] {
	const screening: Blocker[] = facts.screeningDone
		? []
		: [{ code: 'screening_missing', page: 'screening', ref: 'screening', subject: '' }];
	if (action === 'open_opinions') return screening;
	const opinions = facts.opinions
		.filter((o) => o.status !== 'current')
		.map((o) => ({
			code: o.status === 'stale' ? 'opinion_stale' : 'opinion_missing',
			page: 'opinions',
			ref: o.ref,
			subject: ''
		}));
	const steps = facts.decisionBlockers.filter(isStepProblem);
	const before = [...screening, ...opinions, ...steps];
	return action === 'request_decision' ? before : [...before, ...facts.decisionBlockers];
}

/**
 * The transitions ahead of `state`, each with what blocks it and is not already listed
 * under an earlier one. Nothing is ahead of a decided assessment.
 */
export function workflowChecklist(state: AssessmentState, facts: ChecklistFacts): ChecklistGroup[] {
	const listed = new Set<string>();
	return AHEAD[state].map((action) => {
		const items = needs(action, facts).filter((b) => {
			const key = `${b.code}|${b.ref}`;
			if (listed.has(key)) return false;
			listed.add(key);
			return true;
		});
		return { action, items };
	});
}
