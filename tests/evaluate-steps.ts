import { expect, type Page } from '@playwright/test';
import { act, newBookingAssessment, postForm } from './helpers';

const EVALUATED = [
	'screening',
	'context',
	'principles',
	'motifs',
	'risks',
	'benefits',
	'scenarios'
];

/**
 * The DPO evaluates method steps "acceptable" (the decision can only be asked for once every
 * step is evaluated), each through the step's own evaluate action.
 */
export async function evaluateSteps(dpo: Page, id: string, steps = EVALUATED) {
	for (const step of steps) {
		await dpo.goto(`/assessments/${id}/${step}`);
		const version = await dpo.locator('input[name="version"]').first().inputValue();
		const res = await postForm(dpo, `/assessments/${id}/${step}?/evaluate`, {
			status: 'acceptable',
			evaluationComment: '',
			actionPlanComment: '',
			version
		});
		expect(res.status(), step).toBeLessThan(400);
	}
}

/**
 * A new booking assessment brought to the opinions: the contributor creates and submits
 * it, the DPO evaluates every step (the decision gate) and opens the opinions.
 */
export async function assessmentCollectingOpinions(
	contributor: Page,
	dpo: Page,
	titlePrefix: string
): Promise<string> {
	const id = await newBookingAssessment(contributor, titlePrefix);
	await act(contributor, id, 'Soumettre à la relecture du DPO');
	await evaluateSteps(dpo, id);
	await act(dpo, id, 'Ouvrir le recueil des avis');
	return id;
}
