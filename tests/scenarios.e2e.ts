import { expect, test, type Page } from '@playwright/test';
import {
	loginAs,
	newBookingAssessment,
	postForm,
	saveStep,
	seriousViolations,
	unique
} from './helpers';

/**
 * The scenarios step: option choices turned into explicit rules and compared side by side.
 * Each test works on its own assessment created from the booking template (three scenarios:
 * the vendor's offer, the minimal one, and the minimal one keeping sensitive reasons with the
 * secretaries), so the shared demo stays untouched.
 */

const SAVE = "Enregistrer l'étape";
const IMPORT_RISK = /^Transfert de l’historique/;
const FIRST = 'Import 2 ans + SMS';
const SECOND = 'Sans import + SMS neutre';
const THIRD = 'Sans import + SMS neutre + motifs sensibles au secrétariat';

async function openScenarios(page: Page, id: string) {
	await page.goto(`/assessments/${id}/scenarios`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scénarios');
}

const comparison = (page: Page) => page.getByRole('region', { name: 'Comparaison des scénarios' });
const comparisonTable = (page: Page) =>
	comparison(page).getByRole('table', {
		name: 'Valeurs de chaque scénario après application de ses règles'
	});
const chartTable = (page: Page) =>
	page.getByRole('table', {
		name: 'Données du graphique : bénéfices et risques résiduels de chaque scénario'
	});

/** The cells of one criterion row of the comparison, one per scenario. */
async function comparisonRow(page: Page, criterion: string): Promise<string[]> {
	const row = comparisonTable(page)
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: criterion, exact: true }) });
	return (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
}

test('the DPO compares the two template scenarios and sees the rule behind each difference', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Scénarios');
	await openScenarios(page, id);
	const table = comparisonTable(page);
	await expect(table.getByRole('columnheader')).toHaveText(['Critère', FIRST, SECOND, THIRD]);
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
		table.getByRole('row').filter({ hasText: 'Total pondéré des bénéfices pour les patients' })
	).toBeVisible();

	const differences = comparison(page).getByTestId('differences');
	// One list of differences per scenario after the first: the second one is read here.
	await expect(differences.getByRole('heading').first()).toHaveText(
		`${SECOND} : écarts avec « ${FIRST} »`
	);
	await expect(
		differences
			.getByText(
				/^Transfert de l’historique.*\(vraisemblance\) −3 : Rien n’est transmis : le transfert d’historique n’a plus lieu\.$/
			)
			.first()
	).toBeVisible();
	// The reminder difference comes from the neutral wording alone (both send SMS).
	const reminder = differences
		.getByRole('listitem')
		.filter({ hasText: /^Confidentialité des rappels/ })
		.first();
	await expect(reminder).toContainText(
		'Confidentialité des rappels par SMS et courriel : Importante (3) — gravité 3 × vraisemblance 2 → Limitée (2) — gravité 2 × vraisemblance 2'
	);
	await expect(reminder).toContainText(
		'(gravité) −1 : Un rappel lu par un tiers ne révèle plus la spécialité consultée.'
	);
	await expect(reminder).not.toContainText('Règle du premier scénario');
});

test('the comparison chart and its table show the same figures as the comparison', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Scénarios');
	await openScenarios(page, id);
	const counts = await comparisonRow(page, 'Risques résiduels de niveau Importante ou plus');
	const totals = await comparisonRow(page, 'Total pondéré des bénéfices pour les patients');
	const highest = await comparisonRow(page, 'Risque résiduel le plus élevé');
	expect(counts).toHaveLength(3);
	// The neutral scenario leaves fewer significant residual risks than the vendor's offer.
	expect(Number(counts[1])).toBeLessThan(Number(counts[0]));

	const rows = chartTable(page).locator('tbody tr');
	await expect(rows).toHaveCount(3);
	for (const [i, name] of [FIRST, SECOND, THIRD].entries()) {
		await expect(rows.nth(i).getByRole('rowheader')).toHaveText(name);
		const [count, top, total] = (await rows.nth(i).getByRole('cell').allTextContents()).map((c) =>
			c.trim()
		);
		expect([count, top, total]).toEqual([counts[i], highest[i], totals[i]]);
	}

	// The chart is drawn after the comparison table and says the table holds its data.
	const canvas = page.getByRole('img', { name: /un point par scénario/ });
	await expect(canvas).toBeVisible();
	await expect
		.poll(() =>
			canvas.evaluate((el) => {
				const c = el as HTMLCanvasElement;
				const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
				return data ? data.some((v, i) => i % 4 === 3 && v > 0) : false;
			})
		)
		.toBe(true);
	expect(await seriousViolations(page)).toEqual([]);

	// After a save the chart's table follows: the second scenario now imports five years.
	await page.getByLabel('Import de l’historique des rendez-vous').nth(1).selectOption('five_years');
	expect(await saveStep(page)).toBe(200);
	await openScenarios(page, id);
	const afterHighest = await comparisonRow(page, 'Risque résiduel le plus élevé');
	expect(afterHighest[1]).toMatch(/^Transfert de l’historique.* — Maximale \(4\)$/);
	const afterCounts = await comparisonRow(page, 'Risques résiduels de niveau Importante ou plus');
	const afterTotals = await comparisonRow(page, 'Total pondéré des bénéfices pour les patients');
	await expect(rows.nth(1).getByRole('cell')).toHaveText([
		afterCounts[1] ?? '',
		afterHighest[1] ?? '',
		afterTotals[1] ?? ''
	]);
});

test('a rule aimed at a deleted risk is named, and the scenarios still save without loss', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Scénarios');
	await page.goto(`/assessments/${id}/risks`);
	await page.getByLabel('Supprimer le risque 1', { exact: true }).check();
	expect(await saveStep(page)).toBe(200);
	await expect(
		page.getByTestId('risk-summary').filter({ hasText: 'Transfert de l’historique' })
	).toHaveCount(0);

	await openScenarios(page, id);
	const notice = comparison(page).getByTestId('orphan-rules');
	await expect(notice.getByRole('heading')).toHaveText('Règles sans objet');
	// Both scenarios without import carry the orphaned rule.
	await expect(notice.getByRole('listitem')).toHaveCount(2);
	await expect(notice.getByRole('listitem').first()).toContainText(
		`Scénario « ${SECOND} », option « Import de l’historique des rendez-vous : Aucun import » : la règle « Transfert de l’historique des rendez-vous au prestataire (vraisemblance) −3 : Rien n’est transmis`
	);
	await expect(notice.getByRole('listitem').first()).toContainText(
		'vise le risque « Transfert de l’historique des rendez-vous au prestataire », qui n’est plus dans le registre des risques. Elle n’est pas appliquée.'
	);
	const importRow = comparisonTable(page)
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: IMPORT_RISK }) });
	await expect(importRow.getByRole('cell')).toHaveText([
		'Absent de l’analyse',
		'Absent de l’analyse',
		'Absent de l’analyse'
	]);

	// Saving the scenarios as they are works, and the choice carrying the rule is kept.
	const notes = unique('Rétablir le risque 1 ?');
	await page.getByLabel('Notes').nth(1).fill(notes);
	expect(await saveStep(page)).toBe(200);
	await openScenarios(page, id);
	await expect(page.getByLabel('Import de l’historique des rendez-vous').nth(1)).toHaveValue(
		'none'
	);
	await expect(page.getByLabel('Notes').nth(1)).toHaveValue(notes);
	await expect(comparison(page).getByTestId('orphan-rules')).toBeVisible();
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
	await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();

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
	await expect(
		comparison(page).getByRole('columnheader', { name: SECOND, exact: true })
	).toBeVisible();
});

test('an auditor reads the comparison but a forged save is refused', async ({ page, browser }) => {
	const dpo = await browser.newPage();
	await loginAs(dpo, 'dpo');
	const id = await newBookingAssessment(dpo, 'Scénarios');
	await dpo.close();

	await loginAs(page, 'auditor');
	await openScenarios(page, id);
	await expect(
		comparison(page).getByRole('columnheader', { name: FIRST, exact: true })
	).toBeVisible();
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
