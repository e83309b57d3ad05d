import { buildActionPlan, type ActionPlanItem } from '$lib/domain/action-plan';
import { risksSchema } from '$lib/domain/method/risks';
import { CONTENT_STEPS } from '$lib/server/content';
import type { AssessmentRecord } from '$lib/server/record';

/**
 * The action plan of one version, built from its content (so a frozen version gives the
 * plan that was decided) by the same `buildActionPlan` the action-plan page uses.
 */
export function recordActionPlan(record: AssessmentRecord, today: string): ActionPlanItem[] {
	const risks = risksSchema.safeParse(record.content.steps.risks?.data);
	return buildActionPlan({
		risks: risks.success ? risks.data : null,
		steps: CONTENT_STEPS.map((key) => ({
			key,
			status: record.content.steps[key]?.status ?? 'not_started',
			actionPlanComment: record.content.steps[key]?.actionPlanComment ?? null
		})),
		today
	});
}
