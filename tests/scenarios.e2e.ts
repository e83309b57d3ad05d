import { expect, test, type Page } from '@playwright/test';
import { loginAs, newBookingAssessment, postForm, saveStep, unique } from './helpers';

/**
 * The scenarios step: option choices turned into explicit rules and compared side by side.
 * Each test works on its own assessment created from the booking template (two scenarios:
 * the vendor's offer and the minimal one), so the shared demo stays untouched.
 */

const SAVE = "Enregistrer l'étape";
const IMPORT_RISK = /^Transfert de l’historique/;
const FIRST = 'Import 2 ans + SMS';
const SECOND = 'Sans import + SMS neutre';

async function openScenarios(page: Page, id: string) {
	await page.goto(`/assessments/${id}/scenarios`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scénarios');
}

const comparison = (page: Page) => page.getByRole('region', { name: 'Comparaison des scénarios' });

test('the DPO compares the two template scenarios and sees the rule behind each difference', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Scénarios');
	await openScenarios(page, id);
	const table = comparison(page).getByRole('table');
	await expect(table.getByRole('columnheader')).toHaveText(['Critère', FIRST, SECOND]);
	const importRow = table.getByRole('row').filter({
		has: page.getByRole('rowheader', { name: IMPORT_RISK })
	});
	const cells = importRow.getByRole('cell');
	await expect(cells.nth(0)).toHaveText('Importante (3) — gravité 3 × vraisemblance 3');
	await expect(cells.nth(1)).toHaveText('Limitée (2) — gravité 3 × vraisemblance 1');
	await expect(
		table.getByRole('row').filter({ hasText: 'Risques résiduels de niveau Importante ou plus' })
	).toBeVisible();
	await expect(
		table.getByRole('row').filter({ hasText: 'Total pondéré des bénéfices' })
	).toBeVisible();

	const differences = comparison(page).getByTestId('differences');
	await expect(differences.getByRole('heading')).toHaveText(`${SECOND} : écarts avec « ${FIRST} »`);
	await expect(
		differences.getByText(
			/^Transfert de l’historique.*\(vraisemblance\) −3 : Rien n’est transmis : le transfert d’historique n’a plus lieu\.$/
		)
	).toBeVisible();
});

test('renaming a scenario is saved; an empty name is refused and the inputs are kept', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Scénarios');
	await openScenarios(page, id);
	const names = page.getByLabel('Nom du scénario');
	const renamed = unique('Offre éditeur');
	await names.nth(0).fill(renamed);
	expect(await saveStep(page)).toBe(200);
	await expect(page.getByText(/Étape enregistrée \(version \d+\)\./)).toBeVisible();

	await openScenarios(page, id);
	await expect(names.nth(0)).toHaveValue(renamed);
	await expect(comparison(page).getByRole('columnheader', { name: renamed })).toBeVisible();

	const notes = unique('Note conservée');
	await names.nth(1).fill('');
	await page.getByLabel('Notes').nth(1).fill(notes);
	await page.getByLabel('Import de l’historique des rendez-vous').nth(1).selectOption('five_years');
	expect(await saveStep(page)).toBe(400);
	await expect(names.nth(1)).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#scenarios-1-name-error')).toHaveText('Ce champ est obligatoire.');
	await expect(names.nth(1)).toHaveValue('');
	await expect(page.getByLabel('Notes').nth(1)).toHaveValue(notes);
	await expect(page.getByLabel('Import de l’historique des rendez-vous').nth(1)).toHaveValue(
		'five_years'
	);
	// Nothing was stored: the saved comparison still shows the second scenario's name.
	await openScenarios(page, id);
	await expect(comparison(page).getByRole('columnheader', { name: SECOND })).toBeVisible();
});

test('an auditor reads the comparison but a forged save is refused', async ({ page, browser }) => {
	const dpo = await browser.newPage();
	await loginAs(dpo, 'dpo');
	const id = await newBookingAssessment(dpo, 'Scénarios');
	await dpo.close();

	await loginAs(page, 'auditor');
	await openScenarios(page, id);
	await expect(comparison(page).getByRole('columnheader', { name: FIRST })).toBeVisible();
	await expect(page.getByRole('button', { name: SAVE })).toHaveCount(0);
	const res = await postForm(page, `/assessments/${id}/scenarios?/save`, {
		version: '1',
		'scenarios.0.id': 'forged',
		'scenarios.0.name': 'Scénario forgé',
		'scenarios.0.notes': ''
	});
	expect(res.status()).toBe(403);
	await openScenarios(page, id);
	await expect(comparison(page).getByRole('columnheader', { name: 'Scénario forgé' })).toHaveCount(
		0
	);
});
