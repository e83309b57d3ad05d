import { expect, test } from '@playwright/test';
import { askReviewOfNewAssessment, loginAs, seriousViolations, unique } from './helpers';

test('a step the contributor sends for review waits on the DPO’s to-do page, which opens that step', async ({
	page,
	browser
}) => {
	const title = unique('À évaluer');
	// The contributor in a page of its own; the DPO in the test's page (axe scans it).
	const contributor = await browser.newPage();
	await loginAs(contributor, 'contributor');
	const overview = await askReviewOfNewAssessment(contributor, title);

	// Signing in lands on the to-do page, linked from the navigation.
	await loginAs(page, 'dpo');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('À faire');
	await expect(page.getByRole('navigation').getByRole('link', { name: 'À faire' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Étapes à évaluer \(\d+\)$/ })).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: title });
	await expect(row).toHaveCount(1);
	expect(await seriousViolations(page)).toEqual([]);
	await row.getByRole('link', { name: 'Évaluer l’étape « Contexte du traitement »' }).click();
	await expect(page).toHaveURL(new RegExp(`${overview}/context$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contexte du traitement');

	// Evaluated: it leaves the DPO's list and, sent back to correct, waits on the contributor's.
	await page.getByLabel('À corriger').check();
	await page.getByLabel("Commentaire d'évaluation").fill('Finalités à préciser.');
	await page.getByRole('button', { name: "Évaluer l'étape" }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Évaluation enregistrée' })
	).toBeVisible();
	await page.goto('/tasks');
	await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);

	await contributor.goto('/tasks');
	await contributor
		.getByRole('row')
		.filter({ hasText: title })
		.getByRole('link', { name: 'Corriger l’étape « Contexte du traitement »' })
		.click();
	await expect(contributor).toHaveURL(new RegExp(`${overview}/context$`));
	await contributor.close();
});

test('an auditor, asked for nothing, sees the empty to-do page without serious accessibility violation', async ({
	page
}) => {
	await loginAs(page, 'auditor');
	await expect(page.getByText('Rien ne vous attend pour le moment.')).toBeVisible();
	await expect(page.getByRole('navigation').getByRole('link', { name: 'À faire' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
