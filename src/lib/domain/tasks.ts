/**
 * The "À faire" page: which state of an assessment waits for which role. Pure (no
 * database): the server reads the states in a few set-based queries and asks these rules
 * what each one means for the user's role in that organisation.
 */
import { can, type Role } from './roles';
import { SIGNER_ROLE, type ExtraOpinion, type OpinionKind } from './signoff';
import { TRANSITIONS, type AssessmentState } from './workflow';

/** In the order the page lists them: the method's own order, then the follow-up. */
export const TASK_KINDS = [
	'evaluate_step',
	'correct_step',
	'sign_opinion',
	'sign_decision',
	'open_finding',
	'overdue_action',
	'condition_due',
	'review_due'
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A review or a condition is listed from this many days before its date. */
export const DUE_WINDOW_DAYS = 30;

/** The subject of a review task called for by a reported change rather than by its date. */
export const REVIEW_CHANGED = 'change_reported';

export interface Task {
	kind: TaskKind;
	assessmentId: string;
	assessmentTitle: string;
	orgName: string;
	/** The page where the task is done. */
	href: string;
	/** The step key, measure title, condition text or finding title the task is about. */
	subject: string | null;
	/** For an opinion: which one (a further opinion carries its organisation's label). */
	opinion: {
		kind: OpinionKind;
		extraKey: string | null;
		label: ExtraOpinion['label'] | null;
	} | null;
	/** `YYYY-MM-DD`, for the kinds that have one. */
	dueDate: string | null;
	overdue: boolean;
}

/**
 * A step waiting for review is the DPO's to evaluate; a step sent back "to correct" is
 * the project team's (the contributors who write the content). A decided assessment is
 * frozen: its steps wait for nobody.
 */
export function stepTaskKind(
	role: Role,
	state: AssessmentState,
	stepStatus: string
): 'evaluate_step' | 'correct_step' | null {
	if (state === 'decided') return null;
	if (stepStatus === 'review_requested' && can(role, 'step.evaluate')) return 'evaluate_step';
	if (stepStatus === 'to_correct' && role === 'contributor') return 'correct_step';
	return null;
}

/**
 * The opinions this role is asked for while the assessment collects them. The DPO's
 * waiver of the data subjects' view is an alternative to the representative's view,
 * not something asked of the DPO, so it is never a task.
 */
export function opinionsAskedOf(
	role: Role,
	state: AssessmentState,
	extras: readonly Pick<ExtraOpinion, 'key' | 'role'>[]
): { kind: OpinionKind; extraKey: string | null }[] {
	if (state !== 'opinions') return [];
	const asked: { kind: OpinionKind; extraKey: string | null }[] = [];
	for (const kind of ['dpo', 'security', 'data_subjects'] as const)
		if (SIGNER_ROLE[kind] === role) asked.push({ kind, extraKey: null });
	for (const e of extras) if (e.role === role) asked.push({ kind: 'extra', extraKey: e.key });
	return asked;
}

/**
 * The signature kinds that answer an opinion slot: the data subjects' view is also
 * answered by the DPO's current waiver (same reading as the workflow's opinionFacts).
 */
export function kindsAnswering(kind: OpinionKind): OpinionKind[] {
	return kind === 'data_subjects' ? ['data_subjects', 'data_subjects_waiver'] : [kind];
}

export function decisionAwaits(role: Role, state: AssessmentState): boolean {
	return state === 'awaiting_decision' && role === SIGNER_ROLE.decision;
}

/** The roles that may reopen a decided assessment are the ones its review date waits for. */
export function reviewsFallTo(role: Role): boolean {
	return TRANSITIONS.reopen.roles.includes(role);
}

/**
 * The conditions of a decision wait for their owner and for the DPO, whose task is to
 * monitor compliance with the regulation (GDPR art. 39(1)(b)).
 */
export function conditionFallsTo(role: Role, ownedByUser: boolean): boolean {
	return ownedByUser || role === 'dpo';
}

/** Findings are the security officer's (only role with `finding.edit`) while not closed. */
export function findingWaits(role: Role, state: AssessmentState, status: string): boolean {
	return (
		can(role, 'finding.edit') &&
		state !== 'decided' &&
		(status === 'open' || status === 'in_progress')
	);
}

function normalised(text: string): string {
	return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

/**
 * Owners are free text in the model (a person's name, an e-mail or a department). A task
 * is the user's when the owner is exactly their name or their e-mail, ignoring case,
 * accents' composition and extra spaces: "DSI" or "Direction des achats" is nobody's.
 */
export function ownerIsUser(owner: string, user: { name: string; email: string }): boolean {
	const o = normalised(owner);
	return o !== '' && (o === normalised(user.name) || o === normalised(user.email));
}

/** `today` plus `days`, as `YYYY-MM-DD` (UTC, like every date of the model). */
export function addDays(today: string, days: number): string {
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Overdue (before today), due within the window, or not yet a task. */
export function dueState(
	date: string,
	today: string,
	windowDays = DUE_WINDOW_DAYS
): 'overdue' | 'due_soon' | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
	if (date < today) return 'overdue';
	return date <= addDays(today, windowDays) ? 'due_soon' : null;
}

/**
 * Where the art. 35(11) review of an analysis stands: only a decided version still in use
 * waits for it (a reopened analysis is being reviewed, an archived one is out of use).
 * The same rule as the review tasks, for the list and the overview.
 */
export function reviewState(
	a: { status: string; archived: boolean; reviewDate: string | null },
	today: string
): 'overdue' | 'due_soon' | null {
	if (a.status !== 'decided' || a.archived || !a.reviewDate) return null;
	return dueState(a.reviewDate, today);
}

/** A review called for by a reported change: the overview lists the changes and reopens. */
export const reviewChangedHref = (assessmentId: string) =>
	`/assessments/${assessmentId}#review-heading`;

/** The page each kind of task is done on. */
export function taskHref(kind: TaskKind, assessmentId: string, step: string | null = null): string {
	const base = `/assessments/${encodeURIComponent(assessmentId)}`;
	switch (kind) {
		case 'evaluate_step':
		case 'correct_step':
			return `${base}/${(step ?? '').replace('_', '-')}`;
		case 'sign_opinion':
			return `${base}/opinions`;
		case 'sign_decision':
		case 'condition_due':
		case 'review_due':
			return `${base}/decision`;
		case 'open_finding':
			return `${base}/findings`;
		case 'overdue_action':
			return `${base}/action-plan`;
	}
}

/**
 * The tasks grouped by kind, in the order of TASK_KINDS, empty groups left out; overdue
 * first in a group, then by date, then by assessment title.
 */
export function groupTasks(tasks: readonly Task[]): { kind: TaskKind; tasks: Task[] }[] {
	const order = (a: Task, b: Task) =>
		Number(b.overdue) - Number(a.overdue) ||
		(a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
		a.assessmentTitle.localeCompare(b.assessmentTitle, 'fr') ||
		(a.subject ?? '').localeCompare(b.subject ?? '', 'fr');
	return TASK_KINDS.map((kind) => ({
		kind,
		tasks: tasks.filter((t) => t.kind === kind).sort(order)
	})).filter((g) => g.tasks.length > 0);
}
