import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	login,
	loginAs,
	newBookingAssessment,
	postForm,
	seriousViolations,
	unique
} from './helpers';

/**
 * The organisation settings page. Every test that changes a setting works in a hospital of
 * its own, created by the demo admin (who then administers several organisations and picks
 * one with `?org=`), so the shared demo organisation is never changed.
 */

const SAVE = 'Enregistrer les paramètres';
const cell = (page: Page, severity: number, likelihood: number) =>
	page.getByLabel(`Niveau pour une gravité ${severity} et une vraisemblance ${likelihood}`, {
		exact: true
	});

/** The demo admin creates a hospital; returns its name. */
async function newHospital(admin: Page): Promise<string> {
	await admin.goto('/admin');
	const name = unique('Hôpital paramètres');
	await admin.getByLabel("Nom de l'établissement ou du groupement").fill(name);
	await admin.getByRole('button', { name: 'Créer un établissement' }).click();
	await expect(admin.getByRole('status')).toHaveText('Établissement créé.');
	return name;
}

/** Opens that hospital's settings through the organisation chooser; returns the page URL. */
async function openSettings(admin: Page, orgName: string): Promise<string> {
	await admin.goto('/admin');
	await admin.getByRole('link', { name: /^Paramètres de l’établissement/ }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText(
		'Paramètres de l’établissement'
	);
	await admin.getByLabel('Établissement', { exact: true }).selectOption({ label: orgName });
	await admin.getByRole('button', { name: 'Afficher ses paramètres' }).click();
	await expect(admin.getByTestId('settings-version')).toContainText(orgName);
	return admin.url();
}

/** A DPO account in that hospital, signed in on a page of its own. */
async function dpoOf(browser: Browser, admin: Page, orgName: string): Promise<Page> {
	await admin.goto('/admin');
	const email = `${unique('dpo-parametres')}@other.local`;
	const password = 'une grille propre en 2026';
	await admin.getByLabel('Adresse électronique').fill(email);
	await admin.getByLabel('Nom et prénom').fill('DPO Paramètres');
	await admin.getByLabel('Établissement', { exact: true }).selectOption({ label: orgName });
	await admin.getByLabel('Rôle', { exact: true }).selectOption('dpo');
	await admin.getByLabel('Mot de passe initial').fill(password);
	await admin.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(admin.getByRole('status')).toHaveText('Compte créé.');
	const page = await browser.newPage();
	await login(page, email, password);
	return page;
}

async function save(page: Page, name = SAVE): Promise<number> {
	const response = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name }).click();
	const status = (await response).status();
	await page.waitForLoadState('networkidle');
	return status;
}

const US_HOSTING_ROW = /^R2 Hébergement chez un fournisseur soumis au droit américain/;

test('a stricter table changes the level shown on the risk map, the risks and the scenarios', async ({
	page,
	browser
}) => {
	await loginAs(page, 'admin');
	const orgName = await newHospital(page);
	const dpo = await dpoOf(browser, page, orgName);
	const id = await newBookingAssessment(dpo, 'Grille');
	// US hosting: residual severity 3 × likelihood 2, "Importante (3)" by default.
	await dpo.goto(`/assessments/${id}/risk-map`);
	const row = dpo
		.getByRole('row')
		.filter({ has: dpo.getByRole('rowheader', { name: US_HOSTING_ROW }) });
	await expect(row.getByRole('cell').nth(5)).toHaveText('3 – Importante');

	await openSettings(page, orgName);
	await cell(page, 3, 2).selectOption('2');
	expect(await save(page)).toBe(200);
	await expect(page.getByRole('status')).toHaveText(/^Paramètres enregistrés \(révision \d+\)\.$/);
	await expect(cell(page, 3, 2)).toHaveValue('2');

	await dpo.reload();
	await expect(row.getByRole('cell').nth(2)).toHaveText('2 – Limitée');
	await expect(row.getByRole('cell').nth(5)).toHaveText('2 – Limitée');
	await dpo.getByText('Comment les niveaux sont calculés', { exact: true }).click();
	await expect(
		dpo.getByText('Grille propre à l’établissement, fixée par son administrateur.')
	).toBeVisible();

	await dpo.goto(`/assessments/${id}/risks`);
	await expect(
		dpo
			.getByRole('region', { name: /^Risque 2 : Hébergement chez un fournisseur/ })
			.getByTestId('risk-level')
	).toContainText('Limitée (2) → Limitée (2)');
	await dpo.goto(`/assessments/${id}/scenarios`);
	const hosting = dpo
		.getByRole('table', { name: 'Valeurs de chaque scénario après application de ses règles' })
		.getByRole('row')
		.filter({ has: dpo.getByRole('rowheader', { name: /^Hébergement chez un fournisseur/ }) });
	await expect(hosting.getByRole('cell').first()).toHaveText(
		'Limitée (2) — gravité 3 × vraisemblance 2'
	);

	// The same table again: "reset to the default" restores the default reading.
	await save(page, 'Rétablir la grille par défaut');
	await expect(page.getByRole('status')).toHaveText(/^Grille par défaut rétablie/);
	await expect(cell(page, 3, 2)).toHaveValue('3');
	await dpo.goto(`/assessments/${id}/risk-map`);
	await expect(row.getByRole('cell').nth(5)).toHaveText('3 – Importante');
	await dpo.close();
});

test('a table where a higher score lowers the level is refused, naming the cell and keeping the input', async ({
	page
}) => {
	await loginAs(page, 'admin');
	const orgName = await newHospital(page);
	const url = await openSettings(page, orgName);
	const version = await page.getByTestId('settings-version').textContent();

	await cell(page, 3, 2).selectOption('1');
	await cell(page, 4, 4).selectOption('4');
	await page.getByLabel('Clé', { exact: true }).fill('cme');
	await page.getByLabel('Intitulé en français').fill('Avis du président de la CME');
	await page.getByLabel('Intitulé en anglais').fill('Medical committee chair');
	expect(await save(page)).toBe(400);

	await expect(page.getByRole('alert')).toContainText('rien n’a été enregistré');
	const message =
		'Gravité 3 × vraisemblance 2 : le niveau 1 est inférieur au niveau 2 de la case gravité 2 × vraisemblance 2. Une gravité plus forte ne peut pas donner un niveau plus faible.';
	await expect(page.getByText(message)).toBeVisible();
	await expect(cell(page, 3, 2)).toHaveAttribute('aria-invalid', 'true');
	await expect(cell(page, 3, 2)).toHaveAccessibleDescription(message);
	await expect(cell(page, 3, 2)).toHaveValue('1');
	await expect(page.getByLabel('Clé', { exact: true }).first()).toHaveValue('cme');
	await expect(page.getByLabel('Intitulé en français').first()).toHaveValue(
		'Avis du président de la CME'
	);
	expect(await seriousViolations(page)).toEqual([]);

	// Nothing was stored.
	await page.goto(url);
	await expect(page.getByTestId('settings-version')).toHaveText(version ?? '');
	await expect(cell(page, 3, 2)).toHaveValue('3');
	await expect(page.getByText('Aucun avis supplémentaire n’est demandé.')).toBeVisible();
});

test('a save from a stale version is refused with 409 and the newer values', async ({
	page,
	browser
}) => {
	await loginAs(page, 'admin');
	const orgName = await newHospital(page);
	const url = await openSettings(page, orgName);
	const other = await browser.newPage();
	await loginAs(other, 'admin');
	await other.goto(url);

	await page.getByLabel('Clé', { exact: true }).fill('cme');
	await page.getByLabel('Intitulé en français').fill('Président de la CME');
	await page.getByLabel('Intitulé en anglais').fill('Medical committee chair');
	expect(await save(page)).toBe(200);

	await cell(other, 1, 4).selectOption('3');
	expect(await save(other)).toBe(409);
	const conflict = other.getByTestId('settings-conflict');
	await expect(conflict).toContainText('Un autre administrateur a modifié ces paramètres');
	await expect(conflict).toContainText('Avis supplémentaires : Président de la CME (cme)');
	// The stale input is still in the form, not saved.
	await expect(cell(other, 1, 4)).toHaveValue('3');
	await page.goto(url);
	await expect(cell(page, 1, 4)).toHaveValue('2');
	await expect(page.getByLabel('Clé', { exact: true }).first()).toHaveValue('cme');
	await other.close();
});

test('only an admin of the organisation opens or saves its settings', async ({ page }) => {
	await loginAs(page, 'dpo');
	const response = await page.goto('/admin/organisation');
	expect(response?.status()).toBe(403);
	const forged = await postForm(page, '/admin/organisation?/save', {
		version: '1',
		'levels.1.1': '4'
	});
	expect(forged.status()).toBe(403);

	await page.context().clearCookies();
	await loginAs(page, 'admin');
	const unknown = await page.goto('/admin/organisation?org=not-an-organisation');
	expect(unknown?.status()).toBe(403);
	const own = await page.goto('/admin/organisation');
	expect(own?.status()).toBe(200);
	await expect(
		page.getByRole('table', { name: /^Niveau de risque selon la gravité/ })
	).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
