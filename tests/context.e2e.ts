import { expect, test, type Page } from '@playwright/test';
import {
	loginAs,
	newBookingAssessment,
	openDemoAssessment,
	postForm,
	seriousViolations,
	unique
} from './helpers';

const SAVE = "Enregistrer l'étape";

async function openContext(page: Page, role: string): Promise<string> {
	await loginAs(page, role);
	const id = await openDemoAssessment(page);
	await page.goto(`/assessments/${id}/context`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contexte du traitement');
	return id;
}

/** Values of the purposes' text areas, in order. */
function purposeTexts(page: Page): Promise<string[]> {
	return page
		.locator('textarea[name^="purposes."][name$=".text"]')
		.evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
}

test('the context step shows the demo template', async ({ page }) => {
	await openContext(page, 'contributor');
	// The description is rendered by the server (no blank field before hydration).
	await expect(page.getByLabel('Description du traitement', { exact: true })).not.toHaveValue('');
	const first = page.getByRole('group', { name: 'Finalité 1', exact: true });
	await expect(first.getByLabel('Base légale (art. 6)')).toHaveValue('public_task');
	await expect(first.getByLabel('Base légale (art. 6)').locator('option:checked')).toHaveText(
		'Mission d’intérêt public (art. 6.1.e)'
	);
	await expect(first.getByLabel('Données de santé')).toBeChecked();
	await expect(first.getByLabel('Exception (art. 9.2)')).toHaveValue('h_health_care');
	const identity = page.getByRole('group', { name: /^Catégorie de données 1 : / });
	await expect(identity.getByLabel('Champs (un par ligne)')).toHaveValue(/IPP\nNom/);
	await expect(page.getByRole('checkbox', { name: 'Patients mineurs' })).toBeChecked();
	const host = page.getByRole('group', { name: /^Acteur \d+ : Hébergeur cloud/ });
	await expect(host.getByLabel('Pays')).toHaveValue('');
	await expect(host.getByLabel('Pays')).toHaveAttribute('placeholder', 'À confirmer');
	await expect(host.getByLabel(/Certification HDS/)).toHaveValue('yes');
	await expect(page.getByLabel('Stockage', { exact: true })).toHaveValue(/HDS/);
	await expect(page.getByLabel('Support, ligne 1', { exact: true })).not.toHaveValue('');
});

test('a contributor edits the context, adds a purpose and saves', async ({ page }) => {
	const id = await openContext(page, 'contributor');
	const description = unique('Description modifiée');
	const purpose = unique('Statistiques de fréquentation anonymisées');
	await page.getByLabel('Description du traitement', { exact: true }).fill(description);
	const added = page.getByRole('group', { name: /^Nouvelle finalité/ }).first();
	await added.getByLabel('Finalité', { exact: true }).fill(purpose);
	await added.getByLabel('Base légale (art. 6)').selectOption('public_task');
	// A new actor's country, typed by its name: the suggestions (one datalist for the page)
	// are a help, the server reads the name back as its ISO code.
	const actor = unique('Sous-traitant de messagerie');
	const newActor = page.getByRole('group', { name: /^Nouvel acteur/ }).first();
	await newActor.getByLabel('Nom', { exact: true }).fill(actor);
	await newActor.getByLabel('Rôle').selectOption('processor');
	await newActor.getByLabel('Pays').fill('irlande');
	await newActor.getByLabel(/Certification HDS/).selectOption('no');
	await newActor.getByLabel('Certification ISO 27001').selectOption('unknown');
	await page.getByRole('button', { name: SAVE }).click();
	await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();

	await page.goto(`/assessments/${id}/context`);
	await expect(page.getByLabel('Description du traitement', { exact: true })).toHaveValue(
		description
	);
	expect(await purposeTexts(page)).toContain(purpose);
	// The demo purposes are still there, before the new one.
	expect((await purposeTexts(page))[0]).toMatch(/réserver, annuler et déplacer/);
	const saved = page.getByRole('group', { name: new RegExp(`^Acteur \\d+ : ${actor}`) });
	// Only a stored ISO code is shown with its name and code: "irlande" was stored as IE.
	await expect(saved.getByLabel('Pays')).toHaveValue('Irlande (IE)');
});

test('an emptied required field is refused and the other inputs are kept', async ({ page }) => {
	const id = await openContext(page, 'contributor');
	const description = unique('Saisie à conserver');
	await page.getByLabel('Description du traitement', { exact: true }).fill(description);
	const first = page.getByRole('group', { name: 'Finalité 1', exact: true });
	await first.getByLabel('Finalité', { exact: true }).fill('');
	// A purpose on health data needs an art. 9(2) exception.
	const second = page.getByRole('group', { name: 'Finalité 2', exact: true });
	await expect(second.getByLabel('Données de santé')).toBeChecked();
	await second.getByLabel('Exception (art. 9.2)').selectOption('');
	await page.getByRole('button', { name: SAVE }).click();

	await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
	const text = first.getByLabel('Finalité', { exact: true });
	await expect(text).toHaveAttribute('aria-invalid', 'true');
	await expect(text).toHaveAccessibleDescription(/Ce champ est obligatoire\./);
	await expect(first.getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(second.getByText('Ce champ est obligatoire.')).toBeVisible();
	await expect(second.getByLabel('Exception (art. 9.2)')).toHaveValue('');
	// What was typed elsewhere is still there, and the rest of the row too.
	await expect(page.getByLabel('Description du traitement', { exact: true })).toHaveValue(
		description
	);
	await expect(first.getByLabel('Base légale (art. 6)')).toHaveValue('public_task');
	await expect(second.getByLabel('Finalité', { exact: true })).toHaveValue(/rappels/);
	expect(await seriousViolations(page)).toEqual([]);

	// Nothing was saved.
	await page.goto(`/assessments/${id}/context`);
	await expect(page.getByLabel('Description du traitement', { exact: true })).not.toHaveValue(
		description
	);
	await expect(
		page.getByRole('group', { name: 'Finalité 1', exact: true }).getByLabel('Finalité', {
			exact: true
		})
	).not.toHaveValue('');
});

test('a country that names no country is refused with its own message, as typed, and nothing is saved', async ({
	page
}) => {
	const id = await openContext(page, 'contributor');
	const host = page.getByRole('group', { name: /^Acteur \d+ : Hébergeur cloud/ });
	const description = unique('Saisie à conserver');
	await page.getByLabel('Description du traitement', { exact: true }).fill(description);
	await host.getByLabel('Pays').fill('Narnia');
	await page.getByRole('button', { name: SAVE }).click();

	await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
	const country = page
		.getByRole('group', { name: /^Acteur \d+ : Hébergeur cloud/ })
		.getByLabel('Pays');
	await expect(country).toHaveValue('Narnia');
	await expect(country).toHaveAttribute('aria-invalid', 'true');
	await expect(country).toHaveAccessibleDescription(/Pays non reconnu/);
	await expect(page.getByLabel('Description du traitement', { exact: true })).toHaveValue(
		description
	);
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto(`/assessments/${id}/context`);
	await expect(page.getByLabel('Description du traitement', { exact: true })).not.toHaveValue(
		description
	);
	await expect(host.getByLabel('Pays')).toHaveValue('');
});

test('the representative reads the context but cannot change it', async ({ page }) => {
	const id = await openContext(page, 'representative');
	await expect(
		page.getByText('Votre rôle permet de consulter cette étape, pas de la modifier.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: SAVE })).toHaveCount(0);
	await expect(page.getByLabel('Description du traitement', { exact: true })).toBeDisabled();
	const fields = page.locator('form.step-form :is(input:not([type="hidden"]), select, textarea)');
	expect(await fields.count()).toBeGreaterThan(50);
	await expect(
		page.locator('form.step-form :is(input:not([type="hidden"]), select, textarea):enabled')
	).toHaveCount(0);
	// A hand-made request is refused by the server too.
	const res = await postForm(page, `/assessments/${id}/context?/save`, {
		version: '1',
		description: 'Modifié par le représentant des usagers'
	});
	expect(res.status()).toBe(403);
});

test('the context page has no serious accessibility violation', async ({ page }) => {
	await openContext(page, 'contributor');
	expect(await seriousViolations(page)).toEqual([]);
});

test('"add a row" offers one more blank row without a save, focused, and its content is saved', async ({
	page
}) => {
	await loginAs(page, 'contributor');
	const id = await newBookingAssessment(page, 'Lignes');
	await page.goto(`/assessments/${id}/context`);
	const names = page.locator('input[name^="assets."][name$=".name"]');
	const before = await names.count();
	await page.getByRole('button', { name: 'Ajouter une ligne (Supports des données)' }).click();
	await expect(names).toHaveCount(before + 1);
	// Focus lands in the new row, where the user will type.
	const added = page.getByLabel(`Support, ligne ${before + 1}`, { exact: true });
	await expect(added).toBeFocused();
	const name = unique('Serveur de secours');
	await added.fill(name);
	await page.getByLabel(`Type, ligne ${before + 1}`, { exact: true }).selectOption({ index: 1 });
	await page.getByRole('button', { name: SAVE }).click();
	await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();
	await page.goto(`/assessments/${id}/context`);
	// Saved after the stored rows (the blank rows before it were left empty, so dropped).
	await expect(names.nth(before - 2)).toHaveValue(name);
	expect(await seriousViolations(page)).toEqual([]);
});
