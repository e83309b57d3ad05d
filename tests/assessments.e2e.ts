import { expect, test } from '@playwright/test';
import {
	DEMO_TITLE,
	loginAs,
	openDemoAssessment,
	postForm,
	signInOutsider,
	unique
} from './helpers';

test('a DPO creates an assessment from the booking template', async ({ page }) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments');
	await page.getByRole('link', { name: 'Nouvelle analyse' }).click();
	await page.getByLabel(/Modèle « Déploiement/).check();
	const title = unique('Prise de RDV — cardiologie');
	await page.getByLabel('Titre').fill(title);
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	// The template filled the method steps: they are drafts, not blank.
	const steps = page.getByRole('navigation', { name: 'Étapes de la méthode' });
	await expect(steps.getByRole('link', { name: 'Faut-il une AIPD ?' })).toBeVisible();
	await expect(steps.getByText('En cours').first()).toBeVisible();
	await expect(page.getByText('Avancement : 0 étape(s) validée(s) sur')).toBeVisible();
	// And the creation is in the assessment's own history.
	await expect(page.getByRole('cell', { name: 'Création de l’analyse' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Créée à partir du modèle' })).toBeVisible();
	// It appears in the list and the search finds it.
	await page.goto('/assessments?q=' + encodeURIComponent(title));
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expect(page.getByRole('link', { name: DEMO_TITLE })).toHaveCount(0);
});

test('a blank assessment needs a title, and the form keeps what was typed', async ({ page }) => {
	await loginAs(page, 'contributor');
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	await page.getByLabel('Description').fill('Texte à ne pas perdre');
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	await expect(page.getByText('Donnez un titre à une analyse vierge.')).toBeVisible();
	await expect(page.getByLabel('Description')).toHaveValue('Texte à ne pas perdre');
	await expect(page.getByLabel('Analyse vierge')).toBeChecked();
});

test('an auditor sees the assessment but cannot edit it', async ({ page }) => {
	await loginAs(page, 'auditor');
	const id = await openDemoAssessment(page);
	await expect(page.getByRole('status')).toContainText(
		'permet de consulter cette analyse, pas de la modifier'
	);
	await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Nouvelle analyse' })).toHaveCount(0);
	// The server refuses even a hand-made request.
	const res = await postForm(page, `/assessments/${id}?/update`, {
		title: 'Modifié par un auditeur',
		description: '',
		version: '1'
	});
	expect(res.status()).toBe(403);
	const archive = await postForm(page, `/assessments/${id}?/archive`, { version: '1' });
	expect(archive.status()).toBe(403);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Prise de rendez-vous/);
});

test('a save based on an old version is refused with 409 and the newer values', async ({
	page,
	browser
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	await page.getByLabel('Titre').fill(unique('Concurrence'));
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	const url = page.url();

	const colleague = await browser.newPage();
	await loginAs(colleague, 'contributor');
	await colleague.goto(url);
	// Both have version 1 on screen; the colleague saves first.
	await colleague.getByLabel('Titre').fill('Titre du collègue');
	await colleague.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(colleague.getByRole('status')).toContainText('Enregistré (révision 2)');

	await page.getByLabel('Description').fill('Ma description, à ne pas perdre');
	const response = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	expect((await response).status()).toBe(409);
	await expect(page.getByRole('alert')).toContainText(
		"Quelqu'un a enregistré une révision plus récente"
	);
	await expect(page.getByRole('alert')).toContainText('Titre du collègue');
	await expect(page.getByLabel('Description')).toHaveValue('Ma description, à ne pas perdre');
	// Saving again, now on top of version 2, works.
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toContainText('Enregistré (révision 3)');
	await colleague.close();
});

test('a user of another organisation gets 404 on a demo assessment', async ({ page, browser }) => {
	await loginAs(page, 'dpo');
	const id = await openDemoAssessment(page);

	const outsider = await signInOutsider(browser, 'dpo');
	await outsider.goto('/assessments');
	await expect(outsider.getByText('Aucune analyse ne correspond.')).toBeVisible();
	const res = await outsider.goto(`/assessments/${id}`);
	expect(res?.status()).toBe(404);
	const step = await outsider.goto(`/assessments/${id}/steps/screening`);
	expect(step?.status()).toBe(404);
	const post = await postForm(outsider, `/assessments/${id}?/update`, {
		title: 'x',
		description: '',
		version: '1'
	});
	expect(post.status()).toBe(404);
	await outsider.close();
});

test('the project lead is recorded apart from the DPO; an auditor cannot be named', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	await page.getByLabel('Titre').fill(unique('Porteur du projet'));
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	const lead = page.getByLabel('Porteur du projet (pour le responsable de traitement)');
	// Whoever starts the analysis leads it until someone else is named.
	await expect(lead).toHaveValue(/.+/);
	await expect(lead.locator('option:checked')).toHaveText('Dominique Delorme (DPO)');
	// Only the controller's side is offered: no auditor, no patients' representative.
	await expect(lead.locator('option', { hasText: 'Annie Auditrice' })).toHaveCount(0);
	await expect(lead.locator('option', { hasText: 'Rémi Représentant' })).toHaveCount(0);
	await lead.selectOption({ label: 'Claire Contributrice' });
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toContainText('Enregistré (révision 2)');
	await expect(page.locator('dd', { hasText: 'Claire Contributrice' })).toBeVisible();
	// A hand-made request naming someone who may not lead is refused, nothing saved.
	const res = await postForm(page, `${new URL(page.url()).pathname}?/update`, {
		title: 'Porteur refusé',
		description: '',
		projectLeadId: 'not-a-member',
		version: '2'
	});
	expect(res.status()).toBe(400);
	await page.reload();
	await expect(lead.locator('option:checked')).toHaveText('Claire Contributrice');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Porteur refusé');
});
