import { and, eq, sql } from 'drizzle-orm';
import { canonicalize } from '$lib/domain/canonical';
import type { Evaluation, StepKey } from '$lib/domain/method/steps';
import { assessments, assessmentSteps, type Assessment } from './db/schema';
import type { Actor } from './audit';
import { checkStepSize } from './step-size';
import { updateVersioned } from './versioned';
import { notify, reviewRequesterOf } from './notify/outbox';
import { taskHref } from '$lib/domain/tasks';
import { prepared } from './db/prepared';
import type { Db } from './db';

export type StepRow = typeof assessmentSteps.$inferSelect;
export type { Evaluation };

/** A decided or archived assessment is frozen: its content is evidence now. */
export class FrozenError extends Error {}

export function isFrozen(a: Pick<Assessment, 'status' | 'archivedAt'>): boolean {
	return a.status === 'decided' || a.archivedAt !== null;
}

export function getStep(db: Db, assessmentId: string, step: StepKey): StepRow | undefined {
	return stepOf(db).get({ assessmentId, step });
}

/** Every step page and save reads its step: built once (db/prepared.ts). */
const stepOf = prepared((db) =>
	db
		.select()
		.from(assessmentSteps)
		.where(
			and(
				eq(assessmentSteps.assessmentId, sql.placeholder('assessmentId')),
				eq(assessmentSteps.step, sql.placeholder('step'))
			)
		)
		.prepare()
);

type Change = Partial<Pick<StepRow, 'data' | 'status' | 'evaluationComment' | 'actionPlanComment'>>;

/** A decision may have frozen the assessment since the page loaded: read it again. */
export function refuseIfFrozen(tx: Db, assessmentId: string): void {
	const now = tx
		.select({ status: assessments.status, archivedAt: assessments.archivedAt })
		.from(assessments)
		.where(eq(assessments.id, assessmentId))
		.get();
	if (!now || isFrozen(now)) throw new FrozenError();
}

/**
 * Applies a change to one step if the user saw its current version; otherwise throws
 * StaleVersionError with the current row. Audited in the same transaction.
 */
function updateStep(
	db: Db,
	actor: Actor & { userId: string },
	assessment: Assessment,
	step: StepKey,
	version: number,
	change: Change,
	audit: { action: string; summary: string },
	after?: (tx: Db) => void
): StepRow {
	return updateVersioned(db, actor, {
		table: assessmentSteps,
		where: [eq(assessmentSteps.assessmentId, assessment.id), eq(assessmentSteps.step, step)],
		version,
		guard: (_, tx) => refuseIfFrozen(tx, assessment.id),
		set: () => ({ ...change, updatedBy: actor.userId, updatedAt: new Date().toISOString() }),
		after: after && ((_updated, _before, tx) => after(tx)),
		event: (updated) => ({
			...audit,
			entity: 'assessment_step',
			entityId: `${assessment.id}/${step}`,
			assessmentId: assessment.id,
			orgId: assessment.orgId,
			version: updated.version,
			state: {
				step,
				data: updated.data,
				status: updated.status,
				evaluationComment: updated.evaluationComment,
				actionPlanComment: updated.actionPlanComment
			}
		})
	});
}

/**
 * Saves a step's content. Any change sends the step back to "in progress": an
 * evaluation applies to the content that was evaluated, not to a later one.
 * A resubmission of exactly the stored content (a double click) is not a conflict.
 */
export function saveContent(
	db: Db,
	actor: Actor & { userId: string },
	assessment: Assessment,
	step: StepKey,
	data: unknown,
	version: number
): { row: StepRow; unchanged: boolean } {
	const current = getStep(db, assessment.id, step);
	if (current && current.version !== version && sameContent(current.data, data)) {
		return { row: current, unchanged: true };
	}
	checkStepSize(db, assessment.id, step, data);
	const row = updateStep(
		db,
		actor,
		assessment,
		step,
		version,
		{ data, status: 'in_progress' },
		{ action: 'step.save', summary: `${step} saved` }
	);
	return { row, unchanged: false };
}

function sameContent(a: unknown, b: unknown): boolean {
	try {
		return canonicalize(a) === canonicalize(b);
	} catch {
		return false;
	}
}

/** Who changes which step, from which version: what every status change of a step takes. */
type StepWrite = [
	db: Db,
	actor: Actor & { userId: string },
	assessment: Assessment,
	step: StepKey,
	version: number
];

export function requestReview(...[db, actor, assessment, step, version]: StepWrite) {
	return updateStep(
		db,
		actor,
		assessment,
		step,
		version,
		{ status: 'review_requested' },
		{ action: 'step.request_review', summary: `${step}: review requested` },
		(tx) => notifyStep(tx, 'review_requested', actor.userId, assessment, step)
	);
}

export function evaluate(
	...[db, actor, assessment, step, version, evaluation]: [
		...StepWrite,
		evaluation: { status: Evaluation; evaluationComment: string; actionPlanComment: string }
	]
) {
	const { status, evaluationComment, actionPlanComment } = evaluation;
	const change = {
		status,
		evaluationComment: evaluationComment || null,
		// CNIL PIA parity: an action plan belongs to an "improvable" evaluation only.
		actionPlanComment: status === 'improvable' ? actionPlanComment || null : null
	};
	const summary = `${step} evaluated: ${status}`;
	return updateStep(
		db,
		actor,
		assessment,
		step,
		version,
		change,
		{ action: 'step.evaluate', summary },
		status === 'to_correct'
			? (tx) => notifyStep(tx, 'step_sent_back', actor.userId, assessment, step)
			: undefined
	);
}

/** A review asked for goes to the DPO; a step sent back, to who asked and the project lead. */
function notifyStep(
	tx: Db,
	event: 'review_requested' | 'step_sent_back',
	actorId: string,
	assessment: Assessment,
	step: StepKey
) {
	notify(tx, {
		event,
		assessment,
		actorId,
		href: taskHref(
			event === 'review_requested' ? 'evaluate_step' : 'correct_step',
			assessment.id,
			step
		),
		step,
		people:
			event === 'step_sent_back'
				? [reviewRequesterOf(tx, assessment.id, step), assessment.projectLeadId]
				: []
	});
}
