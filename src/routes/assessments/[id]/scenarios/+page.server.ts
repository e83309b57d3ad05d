import { benefitsSchema } from '$lib/domain/method/benefits';
import { risksSchema } from '$lib/domain/method/risks';
import { compareFromSteps, scenariosSchema } from '$lib/domain/method/scenarios';
import { withThresholds } from '$lib/domain/scoring';
import { requireAssessment, requireUser } from '$lib/server/http/access';
import { getDb } from '$lib/server/db';
import { getOrgSettings } from '$lib/server/org-settings';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import { getStep } from '$lib/server/steps';
import type { Actions, PageServerLoad } from './$types';

const base = stepLoad('scenarios');
const extras = stepExtrasLoad('scenarios');

/**
 * The step, plus the comparison of its SAVED scenarios on the assessment's own residual risk
 * scores and benefits (a draft refused by the schema is shown in the form, never compared).
 * A risks or benefits step that does not parse counts as empty rather than failing the page.
 * Levels are read with the organisation's own risk-level table.
 */
export const load: PageServerLoad = (event) => {
	const page = base(event);
	const db = getDb();
	const risks = risksSchema.safeParse(getStep(db, page.assessment.id, 'risks')?.data);
	const benefits = benefitsSchema.safeParse(getStep(db, page.assessment.id, 'benefits')?.data);
	const stored = scenariosSchema.safeParse(page.step.data);
	const compared = compareFromSteps(
		risks.data,
		benefits.data,
		stored.success ? stored.data.scenarios : []
	);
	const { assessment } = requireAssessment(db, requireUser(event), page.assessment.id);
	const { thresholds } = getOrgSettings(db, assessment.orgId);
	const comparison = compared.ok
		? { ...compared, scenarios: withThresholds(compared.scenarios, thresholds) }
		: compared;
	return { ...page, ...extras(event), comparison };
};

export const actions: Actions = {
	...stepActions('scenarios', scenariosSchema),
	...stepExtrasActions('scenarios')
};
