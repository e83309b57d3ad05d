import { expect, test } from '@playwright/test';
import { loginAs, openDemoAssessment, postForm } from './helpers';

test('screening: the result follows the criteria and "not required" needs a justification', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	await page.getByLabel('Titre').fill('Dépistage ' + Date.now());
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	await page.getByRole('link', { name: 'Faut-il une AIPD ?' }).click();

	// One criterion only, no justification: refused, and the ticked box is kept.
	await page.getByLabel('Données sensibles ou à caractère hautement personnel').check();
	await page.getByRole('button', { name: "Enregistrer l'étape" }).click();
	await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
	await expect(
		page.getByLabel('Données sensibles ou à caractère hautement personnel')
	).toBeChecked();
	await expect(page.locator('#justification-error')).toHaveText('Ce champ est obligatoire.');

	// Two criteria: required, no justification needed.
	await page.getByLabel('Traitement à grande échelle').check();
	await page.getByRole('button', { name: "Enregistrer l'étape" }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Étape enregistrée' })).toContainText(
		'révision 2'
	);
	await expect(page.locator('.result')).toContainText('AIPD requise');
	await expect(page.locator('.result')).toContainText('2 critères remplis');
});

test('contributor asks for review; the DPO marks one step improvable and another acceptable; progress updates', async ({
	page,
	browser
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/new');
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	const overview = page.url();
	await expect(page.getByText('Avancement : 0 étape(s) validée(s) sur 7')).toBeVisible();

	const contributor = await browser.newPage();
	await loginAs(contributor, 'contributor');
	for (const step of ['screening', 'context']) {
		await contributor.goto(`${overview}/${step}`);
		await contributor.getByRole('button', { name: 'Demander la relecture du DPO' }).click();
		await expect(
			contributor.getByRole('status').filter({ hasText: 'Relecture demandée.' })
		).toBeVisible();
		// A contributor cannot evaluate, and the server says so too.
		await expect(contributor.getByRole('button', { name: "Évaluer l'étape" })).toHaveCount(0);
	}
	const forged = await postForm(contributor, `${new URL(overview).pathname}/screening?/evaluate`, {
		status: 'acceptable',
		evaluationComment: '',
		actionPlanComment: '',
		version: '2'
	});
	expect(forged.status()).toBe(403);
	await contributor.close();

	await page.goto(overview);
	await expect(page.getByText('Évaluation demandée').first()).toBeVisible();
	await page.goto(`${overview}/screening`);
	await page.getByLabel('Améliorable').check();
	await page.getByLabel("Commentaire d'évaluation").fill('Critères justes, à sourcer.');
	await page.getByRole('button', { name: "Évaluer l'étape" }).click();
	// "Improvable" without an action plan is refused, the comment is kept.
	await expect(page.locator('#actionPlanComment-error')).toHaveText(
		"Indiquez l'action à prévoir pour une étape améliorable."
	);
	await expect(page.getByLabel("Commentaire d'évaluation")).toHaveValue(
		'Critères justes, à sourcer.'
	);
	await page.getByLabel(/Action à prévoir/).fill('Joindre la liste CNIL en annexe.');
	await page.getByRole('button', { name: "Évaluer l'étape" }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Évaluation enregistrée.' })
	).toBeVisible();
	await expect(page.getByText('Joindre la liste CNIL en annexe.').first()).toBeVisible();

	await page.goto(`${overview}/context`);
	await page.getByLabel('Acceptable').check();
	await page.getByRole('button', { name: "Évaluer l'étape" }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Évaluation enregistrée.' })
	).toBeVisible();

	await page.goto(overview);
	await expect(page.getByText('Avancement : 2 étape(s) validée(s) sur 7')).toBeVisible();
	const steps = page.getByRole('navigation', { name: 'Étapes de la méthode' });
	await expect(steps.getByRole('listitem').filter({ hasText: 'Faut-il une AIPD ?' })).toContainText(
		'Améliorable'
	);
	await expect(
		steps.getByRole('listitem').filter({ hasText: 'Contexte du traitement' })
	).toContainText('Acceptable');
});

test('auditor and representative cannot change the screening step', async ({ page }) => {
	for (const role of ['auditor', 'representative']) {
		await loginAs(page, role);
		const id = await openDemoAssessment(page);
		await page.goto(`/assessments/${id}/screening`);
		await expect(page.getByRole('button', { name: "Enregistrer l'étape" })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Demander la relecture du DPO' })).toHaveCount(0);
		for (const action of ['save', 'requestReview', 'evaluate']) {
			const res = await postForm(page, `/assessments/${id}/screening?/${action}`, {
				'a:criteria': 'large_scale',
				status: 'acceptable',
				evaluationComment: '',
				version: '1'
			});
			expect(res.status(), `${role} ${action}`).toBe(403);
		}
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
	}
});
