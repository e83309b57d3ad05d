import { benefitsSchema } from '$lib/domain/method/benefits';
import { risksSchema } from '$lib/domain/method/risks';
import { compareFromSteps, scenariosSchema } from '$lib/domain/method/scenarios';
import { scenariosContent } from '$lib/domain/method/step-defs';
import { withThresholds } from '$lib/domain/scenario-comparison';
import { getOrgSettings } from '../../org-settings';
import { getStep } from '../../steps';
import { defineStep } from '../step-page';

/**
 * Scenarios, plus the comparison of their SAVED version on the assessment's own residual risk
 * scores and benefits (a draft refused by the schema is shown in the form, never compared).
 * A risks or benefits step that does not parse counts as empty rather than failing the page.
 * Levels are read with the organisation's own risk-level table.
 */
export const scenariosStep = defineStep({
	...scenariosContent,
	load: ({ db, assessment }, page) => {
		const risks = risksSchema.safeParse(getStep(db, assessment.id, 'risks')?.data);
		const benefits = benefitsSchema.safeParse(getStep(db, assessment.id, 'benefits')?.data);
		const stored = scenariosSchema.safeParse(page.step.data);
		const compared = compareFromSteps(
			risks.data,
			benefits.data,
			stored.success ? stored.data.scenarios : []
		);
		const { thresholds } = getOrgSettings(db, assessment.orgId);
		const comparison = compared.ok
			? { ...compared, scenarios: withThresholds(compared.scenarios, thresholds) }
			: compared;
		return { comparison };
	}
});
