import { expect, test, type Page } from '@playwright/test';
import { loginAs, openDemoAssessment, postForm, seriousViolations } from './helpers';

const SAVE = "Enregistrer l'étape";
const EVIDENCE = 'Preuve (article, annexe, page)';
const SUB_PROCESSORS = 'Sous-traitants ultérieurs autorisés par écrit';
const AUDITS = 'Audits et inspections';

async function openPrinciples(page: Page, role: string): Promise<string> {
	await loginAs(page, role);
	const id = await openDemoAssessment(page);
	await page.goto(`/assessments/${id}/principles`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Principes fondamentaux');
	// Let the page hydrate before typing: a fill racing hydration can lose its selection.
	await page.waitForLoadState('networkidle');
	return id;
}

/** "N clause(s) sur 10 à traiter." in the gaps summary, or 0 when there is none. */
async function gapCount(page: Page): Promise<number> {
	const text = await page.locator('#contract-gaps').innerText();
	const match = /(\d+) clause\(s\) sur 10/.exec(text);
	return match ? Number(match[1]) : 0;
}

test('principles: the demo content renders, a clause marked present with evidence persists and leaves the gaps', async ({
	page
}) => {
	const id = await openPrinciples(page, 'dpo');
	// The template's content is all there.
	await expect(page.getByRole('cell').getByRole('textbox').first()).toHaveValue('IPP');
	await expect(page.getByText('Dossier médical : 20 ans après la dernière venue')).toBeVisible();
	await expect(page.getByLabel('Droit d’accès (art. 15)')).toHaveValue(/sous 8 jours/);
	await expect(page.locator('#transfers')).toContainText('Maison mère américaine de l’hébergeur');
	await expect(page.getByLabel("Pays (lieu d'accès ou droit applicable)").first()).toHaveValue(
		'États-Unis (US)'
	);

	const gaps = page.locator('#contract-gaps');
	await expect(gaps).toContainText(SUB_PROCESSORS);
	const before = await gapCount(page);
	expect(before).toBeGreaterThan(0);

	const clause = page.getByRole('group', { name: SUB_PROCESSORS });
	await clause.getByLabel('Présente').check();
	await clause.getByLabel(EVIDENCE).fill('art. 7.2');
	await page.getByRole('button', { name: SAVE }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Étape enregistrée' })).toContainText(
		/révision \d+/
	);
	await expect(gaps).not.toContainText(SUB_PROCESSORS);
	expect(await gapCount(page)).toBe(before - 1);

	// A fresh GET (reloading would post the form again).
	await page.goto(`/assessments/${id}/principles`);
	await expect(clause.getByLabel('Présente')).toBeChecked();
	await expect(clause.getByLabel(EVIDENCE)).toHaveValue('art. 7.2');
	expect(await gapCount(page)).toBe(before - 1);
});

test('principles: a clause present without evidence is refused, and what was typed is kept', async ({
	page
}) => {
	const id = await openPrinciples(page, 'dpo');
	const audits = page.getByRole('group', { name: AUDITS });
	await audits.getByLabel('Présente').check();
	await audits.getByLabel(EVIDENCE).fill('');
	const accuracy = page.getByLabel("Mesures qui garantissent l'exactitude");
	await accuracy.fill('Texte saisi puis refusé');
	await page.getByRole('button', { name: SAVE }).click();

	await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
	await expect(page.locator('#clause-audits-evidence-error')).toHaveText(
		'Ce champ est obligatoire.'
	);
	await expect(audits.getByLabel(EVIDENCE)).toHaveAttribute('aria-invalid', 'true');
	await expect(audits.getByLabel('Présente')).toBeChecked();
	await expect(accuracy).toHaveValue('Texte saisi puis refusé');
	await expect(page.getByLabel('Droit d’accès (art. 15)')).toHaveValue(/sous 8 jours/);
	expect(await seriousViolations(page)).toEqual([]);

	// Nothing was stored.
	await page.goto(`/assessments/${id}/principles`);
	await expect(page.getByRole('group', { name: AUDITS }).getByLabel('Présente')).not.toBeChecked();
	await expect(page.getByLabel("Mesures qui garantissent l'exactitude")).not.toHaveValue(
		'Texte saisi puis refusé'
	);
});

test('principles: an auditor reads the step but cannot change it', async ({ page }) => {
	const id = await openPrinciples(page, 'auditor');
	await expect(page.getByRole('button', { name: SAVE })).toHaveCount(0);
	await expect(
		page.getByRole('group', { name: SUB_PROCESSORS }).getByLabel('Présente')
	).toBeDisabled();
	await expect(page.locator('#transfers')).toContainText('Maison mère américaine de l’hébergeur');
	const res = await postForm(page, `/assessments/${id}/principles?/save`, {
		version: '1',
		accuracy: 'forged',
		'processorContract.audits.status': 'present',
		'processorContract.audits.evidence': 'art. 1'
	});
	expect(res.status()).toBe(403);
});

test('principles page has no serious accessibility violation', async ({ page }) => {
	await openPrinciples(page, 'dpo');
	expect(await seriousViolations(page)).toEqual([]);
});
