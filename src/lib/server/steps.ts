import { and, eq } from 'drizzle-orm';
import { canonicalize } from '$lib/domain/canonical';
import type { StepKey } from '$lib/domain/method/steps';
import { assessments, assessmentSteps, type Assessment } from './db/schema';
import { mutate, type Actor } from './audit';
import { checkStepSize } from './step-size';
import { StaleVersionError } from './users';
import type { Db } from './db';

export type StepRow = typeof assessmentSteps.$inferSelect;
export type Evaluation = 'to_correct' | 'improvable' | 'acceptable';

/** A decided or archived assessment is frozen: its content is evidence now. */
export class FrozenError extends Error {}

export function isFrozen(a: Pick<Assessment, 'status' | 'archivedAt'>): boolean {
	return a.status === 'decided' || a.archivedAt !== null;
}

export function getStep(db: Db, assessmentId: string, step: StepKey): StepRow | undefined {
	return db
		.select()
		.from(assessmentSteps)
		.where(and(eq(assessmentSteps.assessmentId, assessmentId), eq(assessmentSteps.step, step)))
		.get();
}

type Change = Partial<Pick<StepRow, 'data' | 'status' | 'evaluationComment' | 'actionPlanComment'>>;

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
	action: string,
	summary: string
): StepRow {
	return mutate(db, actor, (tx) => {
		const current = tx
			.select()
			.from(assessmentSteps)
			.where(and(eq(assessmentSteps.assessmentId, assessment.id), eq(assessmentSteps.step, step)))
			.get();
		if (!current) throw new StaleVersionError(null);
		// Read again inside the transaction: a decision may have frozen it since the page loaded.
		const now = tx
			.select({ status: assessments.status, archivedAt: assessments.archivedAt })
			.from(assessments)
			.where(eq(assessments.id, assessment.id))
			.get();
		if (!now || isFrozen(now)) throw new FrozenError();
		if (current.version !== version) throw new StaleVersionError(current);
		const updated = tx
			.update(assessmentSteps)
			.set({
				...change,
				version: version + 1,
				updatedBy: actor.userId,
				updatedAt: new Date().toISOString()
			})
			.where(
				and(
					eq(assessmentSteps.assessmentId, assessment.id),
					eq(assessmentSteps.step, step),
					eq(assessmentSteps.version, version)
				)
			)
			.returning()
			.get();
		if (!updated) throw new StaleVersionError(current);
		return {
			result: updated,
			event: {
				action,
				entity: 'assessment_step',
				entityId: `${assessment.id}/${step}`,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				version: updated.version,
				summary,
				state: {
					step,
					data: updated.data,
					status: updated.status,
					evaluationComment: updated.evaluationComment,
					actionPlanComment: updated.actionPlanComment
				}
			}
		};
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
		'step.save',
		`${step} saved`
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

export function requestReview(
	db: Db,
	actor: Actor & { userId: string },
	assessment: Assessment,
	step: StepKey,
	version: number
) {
	return updateStep(
		db,
		actor,
		assessment,
		step,
		version,
		{ status: 'review_requested' },
		'step.request_review',
		`${step}: review requested`
	);
}

export function evaluate(
	db: Db,
	actor: Actor & { userId: string },
	assessment: Assessment,
	step: StepKey,
	version: number,
	evaluation: { status: Evaluation; evaluationComment: string; actionPlanComment: string }
) {
	return updateStep(
		db,
		actor,
		assessment,
		step,
		version,
		{
			status: evaluation.status,
			evaluationComment: evaluation.evaluationComment || null,
			actionPlanComment:
				evaluation.status === 'improvable' ? evaluation.actionPlanComment || null : null
		},
		'step.evaluate',
		`${step} evaluated: ${evaluation.status}`
	);
}
