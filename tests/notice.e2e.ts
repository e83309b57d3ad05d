import { expect, test, type Page } from '@playwright/test';
import { docxText, pdfText, squash } from './document-text';
import { loginAs, newBookingAssessment, saveStep, unique } from './helpers';

/*
 * The patient information notice (GDPR art. 13) as a publishable document: the analysis
 * team's internal notes never reach it, and it is refused (422, with what to fill in) while
 * the controller, the DPO contact, the retention periods or the transfers are missing or
 * drafting placeholders.
 */

const PURPOSE_NOTE = 'Note interne (jamais imprimée dans la notice patients)';
const RIGHTS_NOTE = 'Note interne sur les droits (jamais imprimée dans la notice patients)';
const retentionNote = (row: number) => `Note interne (jamais imprimée), ligne ${row}`;
/** The booking template's own notes (booking-template-context.ts, -principles.ts). */
const TEMPLATE_PURPOSE_NOTE = 'Base légale contestée : à trancher dans les scénarios.';
const TEMPLATE_RETENTION_NOTE = /^Durée proposée par le modèle/;

const NOTICES = ['notice.pdf', 'notice.docx', 'notice.pdf?audience=adolescent'] as const;

function notice(page: Page, id: string, file: string) {
	return page.request.get(`/assessments/${id}/export/${file}`);
}

/** The text of a notice that must be produced, whatever its format. */
async function noticeText(page: Page, id: string, file: string): Promise<string> {
	const response = await notice(page, id, file);
	expect(response.status(), file).toBe(200);
	return file.startsWith('notice.docx') ? docxText(response) : pdfText(response);
}

type Step = 'context' | 'principles';

async function openStep(page: Page, id: string, step: Step) {
	await page.goto(`/assessments/${id}/${step}`);
	// Let the page hydrate before typing: a fill racing hydration can lose its text.
	await page.waitForLoadState('networkidle');
}

async function save(page: Page) {
	expect(await saveStep(page)).toBe(200);
	await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();
}

/** A step's stored content, as the assessment's JSON export states it. */
async function stored(page: Page, id: string, step: Step): Promise<unknown> {
	const response = await page.request.get(`/assessments/${id}/export/assessment.json`);
	expect(response.status()).toBe(200);
	const json = (await response.json()) as { content: { steps: Record<Step, { data: unknown }> } };
	return json.content.steps[step].data;
}

/** Saves a step page as it was loaded: what is stored must not change (nothing is dropped). */
async function saveUntouched(page: Page, id: string, step: Step) {
	const before = await stored(page, id, step);
	await openStep(page, id, step);
	await save(page);
	expect(await stored(page, id, step)).toEqual(before);
}

async function newBlankAssessment(page: Page, prefix: string): Promise<string> {
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	await page.getByLabel('Titre').fill(unique(prefix));
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	await expect(page).toHaveURL(/\/assessments\/[^/]+$/);
	const id = new URL(page.url()).pathname.split('/')[2];
	if (!id) throw new Error('no assessment id in ' + page.url());
	return id;
}

/** The refusal page of a notice: 422, and the list of what to fill in. */
async function refusedGaps(page: Page, id: string, file: string): Promise<string[]> {
	const response = await notice(page, id, file);
	expect(response.status(), file).toBe(422);
	expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
	await page.goto(`/assessments/${id}/export/${file}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'La notice patients ne peut pas encore être produite'
	);
	return page.locator('#notice-gaps li').allInnerTexts();
}

test('internal notes are kept on save and never printed in the notice', async ({ page }) => {
	// Several saves and up to six document renders: minutes on a loaded 2-core machine.
	test.setTimeout(600_000);
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Notice et notes internes');
	const notes = {
		purpose: unique('Arbitrage juridique en cours sur cette finalité'),
		retention: unique('Durée discutée avec les archives'),
		rights: unique('Circuit des demandes à revoir')
	};
	const printed = {
		purpose: unique('Prendre rendez-vous en ligne pour une consultation'),
		access: unique('Écrivez au délégué à la protection des données')
	};

	// Saving the template untouched keeps its notes: the stored content does not change.
	await openStep(page, id, 'principles');
	await expect(page.getByLabel(retentionNote(2), { exact: true })).toHaveValue(
		TEMPLATE_RETENTION_NOTE
	);
	await saveUntouched(page, id, 'principles');
	await openStep(page, id, 'context');
	const fourth = page.getByRole('group', { name: 'Finalité 4', exact: true });
	await expect(fourth.getByLabel(PURPOSE_NOTE)).toHaveValue(TEMPLATE_PURPOSE_NOTE);
	await saveUntouched(page, id, 'context');

	// A note beside patient-facing text, in each place the notice draws from.
	await openStep(page, id, 'context');
	const first = page.getByRole('group', { name: 'Finalité 1', exact: true });
	await first.getByLabel('Finalité', { exact: true }).fill(printed.purpose);
	await first.getByLabel(PURPOSE_NOTE).fill(notes.purpose);
	await expect(first.getByLabel(PURPOSE_NOTE)).toHaveAccessibleDescription(
		/n’apparaît jamais dans la notice d’information des patients/
	);
	await save(page);

	await openStep(page, id, 'principles');
	const retention = page.getByLabel(retentionNote(1), { exact: true });
	await retention.fill(notes.retention);
	await expect(retention).toHaveAccessibleDescription(/n’apparaissent jamais dans la notice/);
	await page.getByLabel('Droit d’accès (art. 15)').fill(printed.access);
	await page.getByLabel(RIGHTS_NOTE).fill(notes.rights);
	await expect(page.getByLabel(RIGHTS_NOTE)).toHaveAccessibleDescription(/ne l’est jamais/);
	await save(page);

	// A fresh GET shows every note, the template's too, and saving again keeps them all.
	await openStep(page, id, 'principles');
	await expect(page.getByLabel(retentionNote(1), { exact: true })).toHaveValue(notes.retention);
	await expect(page.getByLabel(retentionNote(2), { exact: true })).toHaveValue(
		TEMPLATE_RETENTION_NOTE
	);
	await expect(page.getByLabel(RIGHTS_NOTE)).toHaveValue(notes.rights);
	await saveUntouched(page, id, 'principles');
	await openStep(page, id, 'context');
	await expect(first.getByLabel(PURPOSE_NOTE)).toHaveValue(notes.purpose);
	await expect(fourth.getByLabel(PURPOSE_NOTE)).toHaveValue(TEMPLATE_PURPOSE_NOTE);
	await saveUntouched(page, id, 'context');

	for (const file of NOTICES) {
		const text = await noticeText(page, id, file);
		for (const note of [
			...Object.values(notes),
			TEMPLATE_PURPOSE_NOTE,
			'Duréeproposéeparlemodèle'
		]) {
			expect(text, `${file} prints "${note}"`).not.toContain(squash(note));
		}
		// The patient-facing texts written beside the notes are there.
		expect(text, file).toContain('Journauxd’accès:6mois');
		expect(text, file).toContain('dpo@chu-exemple.fr');
		if (!file.includes('adolescent')) {
			expect(text, file).toContain(squash(printed.purpose));
			expect(text, file).toContain(squash(printed.access));
		}
	}
});

test('a blank assessment’s notice is refused with the list of what is missing', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBlankAssessment(page, 'Notice vierge');
	const missing = [
		'le nom du responsable de traitement (étape Contexte, partie prenante « Responsable de traitement »)',
		'le délégué à la protection des données (étape Contexte, partie prenante « Délégué à la protection des données »)',
		'au moins une finalité du traitement (étape Contexte)',
		'les durées de conservation (étape Principes)'
	];
	for (const file of NOTICES) expect(await refusedGaps(page, id, file), file).toEqual(missing);
	await page.getByRole('link', { name: 'Retour à l’étape Contexte de l’analyse' }).click();
	await expect(page).toHaveURL(new RegExp(`/assessments/${id}/context$`));
});

test('placeholders refuse the notice by name; once filled in, the notice is produced', async ({
	page
}) => {
	test.setTimeout(600_000);
	await loginAs(page, 'dpo');
	const id = await newBlankAssessment(page, 'Notice brouillon');
	const names = {
		controller: unique('Centre hospitalier de Valmont'),
		dpoEmail: 'dpo@ch-valmont.example.fr',
		purpose: unique('Prendre rendez-vous en consultation'),
		category: unique('Données de rendez-vous')
	};

	await openStep(page, id, 'context');
	const purpose = page.getByRole('group', { name: 'Nouvelle finalité (1)', exact: true });
	await purpose.getByLabel('Finalité', { exact: true }).fill(names.purpose);
	await purpose.getByLabel('Base légale (art. 6)').selectOption('public_task');
	const actors = [
		['Nouvel acteur (1)', 'Centre hospitalier (à compléter)', 'controller'],
		['Nouvel acteur (2)', 'Délégué à fixer', 'dpo']
	] as const;
	for (const [group, name, role] of actors) {
		const actor = page.getByRole('group', { name: group, exact: true });
		await actor.getByLabel('Nom', { exact: true }).fill(name);
		await actor.getByLabel('Rôle', { exact: true }).selectOption(role);
		await actor.getByLabel(/Certification HDS/).selectOption('unknown');
		await actor.getByLabel('Certification ISO 27001').selectOption('unknown');
	}
	await save(page);

	await openStep(page, id, 'principles');
	const retention = page.locator('#retention');
	await retention.getByLabel('Catégorie de données, ligne 1').fill(names.category);
	await retention.getByLabel('Durée, ligne 1').fill('À fixer avec les archives');
	await save(page);

	const gaps = await refusedGaps(page, id, 'notice.pdf');
	expect(gaps).toEqual([
		'le nom du responsable de traitement (étape Contexte, partie prenante « Responsable de traitement »)',
		'le délégué à la protection des données (étape Contexte, partie prenante « Délégué à la protection des données »)',
		`la durée de conservation de : ${names.category} (étape Principes)`
	]);
	expect(await refusedGaps(page, id, 'notice.docx?audience=adolescent')).toEqual(gaps);

	// Named, the DPO still needs a way to be reached.
	await openStep(page, id, 'context');
	const controller = page.getByRole('group', { name: /^Acteur 1 : / });
	await controller.getByLabel('Nom', { exact: true }).fill(names.controller);
	const dpo = page.getByRole('group', { name: /^Acteur 2 : / });
	await dpo.getByLabel('Nom', { exact: true }).fill('Délégué à la protection des données');
	await save(page);
	expect(await refusedGaps(page, id, 'notice.pdf')).toEqual([
		'un moyen de joindre le délégué à la protection des données : adresse e-mail, adresse web ou téléphone, dans son nom ou ses notes (étape Contexte)',
		`la durée de conservation de : ${names.category} (étape Principes)`
	]);

	await openStep(page, id, 'context');
	await page
		.getByRole('group', { name: /^Acteur 2 : / })
		.getByLabel('Notes', { exact: true })
		.fill(`Joignable par courriel : ${names.dpoEmail}`);
	await save(page);
	await openStep(page, id, 'principles');
	await page.locator('#retention').getByLabel('Durée, ligne 1').fill('3 mois après le rendez-vous');
	await save(page);

	for (const file of NOTICES) {
		const text = await noticeText(page, id, file);
		expect(text, file).toContain(squash(names.controller));
		expect(text, file).toContain(names.dpoEmail);
		expect(text, file).toContain(squash(`${names.category} : 3 mois après le rendez-vous`));
		expect(text, file).not.toMatch(/àfixer|àcompléter/i);
	}
	expect(await noticeText(page, id, 'notice.pdf')).toContain(squash(names.purpose));
	expect(await noticeText(page, id, 'notice.pdf?audience=adolescent')).toContain(
		squash('Tes rendez-vous en ligne à l’hôpital')
	);
});
