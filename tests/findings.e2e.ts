import { expect, test } from '@playwright/test';
import { loginAs, newBookingAssessment, postForm, unique } from './helpers';

/**
 * Security findings: the security role records them and links them to risks; they show
 * under those risks. Each test works on its own assessment from the booking template.
 */

const US_HOSTING = /^Risque 2 : Hébergement chez un fournisseur soumis au droit américain/;

test('the security role adds a finding linked to the US-hosting risk; it shows under that risk', async ({
	browser
}) => {
	const dpo = await browser.newPage();
	await loginAs(dpo, 'dpo');
	const id = await newBookingAssessment(dpo, 'Constats');
	// The risk's title as the risks step holds it (heading "Risque 2 : <title>").
	await dpo.goto(`/assessments/${id}/risks`);
	const heading = dpo.getByRole('region', { name: US_HOSTING }).getByRole('heading', { level: 2 });
	const riskTitle = (await heading.innerText()).replace(/^Risque 2 : /, '').trim();
	expect(riskTitle).not.toBe('');
	await dpo.close();

	const page = await browser.newPage();
	await loginAs(page, 'security');
	await page.goto(`/assessments/${id}/findings`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Constats de sécurité');
	await expect(page.getByText('Aucun constat de sécurité n’est encore enregistré.')).toBeVisible();

	const title = unique('Sauvegardes répliquées hors UE');
	await page.getByLabel('Intitulé du constat').fill(title);
	await page.getByLabel('Gravité').selectOption('3');
	await page.getByLabel('Actif concerné').fill('Plateforme de prise de rendez-vous');
	await page.getByLabel('Éléments de preuve').fill('Contrat d’hébergement, annexe 4.');
	await page.getByLabel('Recommandation').fill('Chiffrer les sauvegardes, clés hors hébergeur.');
	await page.getByRole('checkbox', { name: riskTitle }).check();
	await page.getByRole('button', { name: 'Ajouter le constat' }).click();
	await expect(page.getByRole('status')).toHaveText('Constat ajouté.');

	const row = page.getByTestId('findings-table').getByRole('row', { name: new RegExp(title) });
	await expect(row).toContainText('3 – Importante');
	await expect(row).toContainText('Plateforme de prise de rendez-vous');
	await expect(row).toContainText(riskTitle);
	await expect(row).toContainText('Ouvert');

	// The status changes with the version the page showed.
	await row.getByLabel(`Nouveau statut de « ${title} »`).selectOption('in_progress');
	await row.getByRole('button', { name: 'Changer le statut' }).click();
	await expect(page.getByRole('status')).toHaveText('Statut mis à jour.');

	await page.goto(`/assessments/${id}/risks`);
	const linked = page.getByRole('region', { name: US_HOSTING }).getByTestId('risk-findings');
	await expect(linked).toContainText('Constats de sécurité liés');
	await expect(linked.getByRole('link', { name: new RegExp(title) })).toContainText(
		'En cours de traitement'
	);
	await page.getByRole('link', { name: 'Voir les constats de sécurité' }).click();
	await expect(page).toHaveURL(new RegExp(`/assessments/${id}/findings$`));
	await page.close();
});

test('an empty title is refused with its error and the rest is kept', async ({ browser }) => {
	const dpo = await browser.newPage();
	await loginAs(dpo, 'dpo');
	const id = await newBookingAssessment(dpo, 'Constats');
	await dpo.close();

	const page = await browser.newPage();
	await loginAs(page, 'security');
	await page.goto(`/assessments/${id}/findings`);
	await page.getByLabel('Gravité').selectOption('2');
	await page.getByLabel('Actif concerné').fill('Annuaire des praticiens');
	await page.getByLabel('Recommandation').fill('Revue trimestrielle des comptes.');
	const firstRisk = page.getByRole('checkbox').first();
	await firstRisk.check();
	await page.getByRole('button', { name: 'Ajouter le constat' }).click();

	await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
	const titleField = page.getByLabel('Intitulé du constat');
	await expect(titleField).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#field-title-error')).toBeVisible();
	await expect(page.getByLabel('Gravité')).toHaveValue('2');
	await expect(page.getByLabel('Actif concerné')).toHaveValue('Annuaire des praticiens');
	await expect(page.getByLabel('Recommandation')).toHaveValue('Revue trimestrielle des comptes.');
	await expect(page.getByRole('checkbox').first()).toBeChecked();
	await expect(page.getByText('Aucun constat de sécurité n’est encore enregistré.')).toBeVisible();
	await page.close();
});

test('a contributor sees the findings but no form, and a forged post is refused', async ({
	browser
}) => {
	const dpo = await browser.newPage();
	await loginAs(dpo, 'dpo');
	const id = await newBookingAssessment(dpo, 'Constats');
	await dpo.close();

	const security = await browser.newPage();
	await loginAs(security, 'security');
	await security.goto(`/assessments/${id}/findings`);
	const title = unique('Journalisation incomplète');
	await security.getByLabel('Intitulé du constat').fill(title);
	await security.getByLabel('Gravité').selectOption('2');
	await security.getByLabel('Actif concerné').fill('Serveur applicatif');
	await security.getByRole('button', { name: 'Ajouter le constat' }).click();
	await expect(security.getByRole('status')).toHaveText('Constat ajouté.');
	await security.close();

	const page = await browser.newPage();
	await loginAs(page, 'contributor');
	await page.goto(`/assessments/${id}/findings`);
	await expect(page.getByTestId('findings-table')).toContainText(title);
	await expect(page.getByRole('button', { name: 'Ajouter le constat' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Changer le statut' })).toHaveCount(0);
	const response = await postForm(page, `/assessments/${id}/findings?/add`, {
		title: 'Constat forgé',
		severity: '1',
		asset: 'Poste',
		evidence: '',
		recommendation: '',
		status: 'open'
	});
	expect(response.status()).toBe(403);
	await page.reload();
	await expect(page.getByTestId('findings-table')).not.toContainText('Constat forgé');
	await page.close();
});
