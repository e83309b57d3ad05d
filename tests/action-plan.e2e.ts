import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { loginAs, newBookingAssessment, unique } from './helpers';

/**
 * The action plan gathers the planned measures of the risk register and the actions asked for
 * by "improvable" evaluations. Each test works on its own assessment created from the booking
 * template, so the shared demo stays untouched.
 */

const US_HOSTING = /^Risque 2 : Hébergement chez un fournisseur soumis au droit américain/;
const SCREENING_ACTION = 'Joindre la liste CNIL en annexe.';

/** Plans measures on the US-hosting risk, one per [title, owner], due in three months. */
async function planMeasures(page: Page, id: string, measures: [string, string][]) {
	await page.goto(`/assessments/${id}/risks?edit=us_hosting_cloud_act`);
	await page.waitForLoadState('networkidle');
	const risk = page.getByRole('group', { name: US_HOSTING });
	const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
	for (const [index, [title, owner]] of measures.entries()) {
		const line = index + 1;
		await risk.getByLabel(`Mesure, ligne ${line}`).fill(title);
		await risk.getByLabel(`Nature, ligne ${line}`).selectOption('technical');
		await risk.getByLabel(`État, ligne ${line}`).selectOption('planned');
		await risk.getByLabel(`Responsable, ligne ${line}`).fill(owner);
		await risk.getByLabel(`Échéance, ligne ${line}`).fill(due);
		await risk.getByLabel(`Avancement, ligne ${line}`).selectOption('todo');
	}
	const response = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: "Enregistrer l'étape" }).click();
	expect((await response).status()).toBe(200);
	await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();
	return due;
}

async function evaluateScreeningImprovable(page: Page, id: string) {
	await page.goto(`/assessments/${id}/screening`);
	// Wait for hydration, which would otherwise reset a radio ticked too early.
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/Action à prévoir/).fill(SCREENING_ACTION);
	await page.getByLabel('Améliorable').check();
	await expect(page.getByLabel('Améliorable')).toBeChecked();
	await page.getByRole('button', { name: "Évaluer l'étape" }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Évaluation enregistrée.' })
	).toBeVisible();
}

async function downloadCsv(page: Page): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: "Télécharger le plan d'action (CSV)" }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^plan-action-[a-z0-9-]+-v\d+-\d{4}-\d{2}-\d{2}\.csv$/);
	return readFile(await file.path(), 'utf8');
}

test('the plan lists planned measures and improvable evaluations, filters by owner, exports CSV', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, "Plan d'action");
	// A title that a spreadsheet would run as a formula: the export must neutralise it.
	const title = `=${unique('Chiffrement')}`;
	const other = unique('Clauses contractuelles');
	const due = await planMeasures(page, id, [
		[title, 'RSSI'],
		[other, 'Direction juridique']
	]);
	await evaluateScreeningImprovable(page, id);

	await page.goto(`/assessments/${id}`);
	await page.getByRole('link', { name: "Plan d'action" }).first().click();
	await expect(page).toHaveURL(new RegExp(`/assessments/${id}/action-plan$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Plan d'action");
	const rows = page.getByTestId('action-item');
	await expect(rows).toHaveCount(3);
	const measure = rows.filter({ hasText: title });
	await expect(measure).toContainText('RSSI');
	await expect(measure).toContainText(due);
	await expect(measure).toContainText('À faire');
	await expect(measure).not.toContainText('En retard');
	await expect(
		measure.getByRole('link', { name: /Hébergement chez un fournisseur/ })
	).toHaveAttribute('href', `/assessments/${id}/risks?edit=us_hosting_cloud_act`);
	const evaluation = rows.filter({ hasText: SCREENING_ACTION });
	await expect(evaluation).toContainText('Non désigné');
	await expect(evaluation.getByRole('link', { name: 'Faut-il une AIPD ?' })).toHaveAttribute(
		'href',
		`/assessments/${id}/screening`
	);
	// Dated items first, the evaluation without a due date last.
	await expect(rows.last()).toContainText(SCREENING_ACTION);
	await expect(page.getByRole('link', { name: /Retour à l'analyse/ })).toHaveAttribute(
		'href',
		`/assessments/${id}`
	);

	// The owner filter keeps only that owner's items.
	await page.getByLabel('Responsable').selectOption('RSSI');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/[?&]owner=RSSI$/);
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText(title);
	await expect(page.getByText(other)).toHaveCount(0);
	await expect(page.getByText(SCREENING_ACTION)).toHaveCount(0);

	// The CSV follows the filter; the formula-like title is prefixed with a quote.
	const csv = await downloadCsv(page);
	expect(csv).toContain(`'${title}`);
	expect(csv).not.toContain(other);
	const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe('Origine;Étape;Risque;Action;Responsable;Échéance;Avancement;En retard');
	expect(lines.filter((line) => line.startsWith('='))).toEqual([]);
	expect(csv).not.toMatch(/(^|;|\r\n)=/);

	// Without a filter the export holds every item.
	await page.getByRole('link', { name: 'Afficher toutes les actions' }).click();
	await expect(rows).toHaveCount(3);
	const all = await downloadCsv(page);
	expect(all).toContain(other);
	expect(all).toContain(SCREENING_ACTION);
});

test('an auditor reads and downloads the plan but has no edit control', async ({
	page,
	browser
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, "Plan d'action");
	const title = unique('Journalisation des accès');
	await planMeasures(page, id, [[title, 'RSSI']]);

	const auditor = await browser.newPage();
	await loginAs(auditor, 'auditor');
	await auditor.goto(`/assessments/${id}/action-plan`);
	await expect(auditor.getByRole('heading', { level: 1 })).toHaveText("Plan d'action");
	await expect(auditor.getByTestId('action-item').filter({ hasText: title })).toHaveCount(1);
	const main = auditor.getByRole('main');
	await expect(main.locator('form[method="post" i]')).toHaveCount(0);
	await expect(main.getByRole('textbox')).toHaveCount(0);
	await expect(main.getByRole('button', { name: /Enregistrer|Évaluer|Supprimer/ })).toHaveCount(0);

	const csv = await downloadCsv(auditor);
	expect(csv).toContain(title);
	const direct = await auditor.request.get(`/assessments/${id}/export/action-plan.csv`);
	expect(direct.status()).toBe(200);
	expect(direct.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(direct.headers()['x-content-type-options']).toBe('nosniff');
	expect(direct.headers()['cache-control']).toBe('no-store');
	await auditor.close();
});
