import { expect, test } from '@playwright/test';
import { loginAs, openDemoAssessment, postForm } from './helpers';

const STEPS = ['screening', 'context', 'principles', 'motifs'];
const ACTIONS = ['save', 'requestReview', 'evaluate', 'comment', 'upload'];

test('auditor and representative cannot change any method step, whatever they post', async ({
	page
}) => {
	for (const role of ['auditor', 'representative']) {
		await loginAs(page, role);
		const id = await openDemoAssessment(page);
		for (const step of STEPS) {
			await page.goto(`/assessments/${id}/${step}`);
			await expect(page.getByRole('button', { name: "Enregistrer l'étape" })).toHaveCount(0);
			for (const action of ACTIONS) {
				// The representative may comment (art. 35(9) view); every other change is refused.
				if (role === 'representative' && action === 'comment') continue;
				const res = await postForm(page, `/assessments/${id}/${step}?/${action}`, {
					version: '1',
					status: 'acceptable',
					evaluationComment: 'x',
					body: 'x',
					description: 'changé'
				});
				expect(res.status(), `${role} ${step} ${action}`).toBe(403);
			}
		}
		const csv = await postForm(page, `/assessments/${id}/motifs?/importCsv`, { version: '1' });
		expect(csv.status(), `${role} importCsv`).toBe(403);
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
	}
});

test('every method step reads in English', async ({ page }) => {
	await loginAs(page, 'dpo');
	const id = await openDemoAssessment(page);
	await page.getByLabel('Langue').selectOption('en');
	await page.getByRole('button', { name: 'Changer' }).click();
	const titles: Record<string, string> = {
		screening: 'Is a DPIA required?',
		context: 'Context of the processing',
		principles: 'Fundamental principles',
		motifs: 'Consultation reasons'
	};
	for (const [step, title] of Object.entries(titles)) {
		await page.goto(`/assessments/${id}/${step}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByRole('button', { name: 'Save the step' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Review and evaluation' })).toBeVisible();
	}
	await page.getByLabel('Language').selectOption('fr');
	await page.getByRole('button', { name: 'Change' }).click();
});
