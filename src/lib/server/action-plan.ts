import { eq } from 'drizzle-orm';
import { buildActionPlan, type ActionPlanItem } from '$lib/domain/action-plan';
import { risksSchema } from '$lib/domain/method/risks';
import { assessmentSteps } from './db/schema';
import type { Db } from './db';

/** Today in UTC as `YYYY-MM-DD`, the same clock as the risks step's due-date check. */
export function todayIso(): string {
	return new Date().toISOString().slice(0, 10);
}

/**
 * The action plan of an assessment, read from its step rows: the planned measures of the
 * risks step and the action-plan comments of the "improvable" steps. Risks content that no
 * longer matches the schema contributes no measure rather than failing the whole page.
 */
export function actionPlanOf(db: Db, assessmentId: string, today = todayIso()): ActionPlanItem[] {
	const rows = db
		.select({
			step: assessmentSteps.step,
			data: assessmentSteps.data,
			status: assessmentSteps.status,
			actionPlanComment: assessmentSteps.actionPlanComment
		})
		.from(assessmentSteps)
		.where(eq(assessmentSteps.assessmentId, assessmentId))
		.all();
	const risksRow = rows.find((row) => row.step === 'risks');
	const parsed = risksRow?.data == null ? null : risksSchema.safeParse(risksRow.data);
	return buildActionPlan({
		risks: parsed?.success ? parsed.data : null,
		steps: rows.map((row) => ({
			key: row.step,
			status: row.status,
			actionPlanComment: row.actionPlanComment
		})),
		today
	});
}
