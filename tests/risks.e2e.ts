import { expect, test, type Page } from '@playwright/test';
import {
	loginAs,
	newBookingAssessment,
	postForm,
	saveStep,
	seriousViolations,
	unique
} from './helpers';
import { readDb } from './matrix-helpers';

/**
 * The risk and benefit registers. Each test works on its own assessment created from the
 * booking template (the catalogue's suggested risks), so the shared demo stays untouched.
 */

const SAVE = "Enregistrer l'étape";
const US_HOSTING = /^Risque 2 : Hébergement chez un fournisseur soumis au droit américain/;

async function openRisks(page: Page, id: string) {
	await page.goto(`/assessments/${id}/risks`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risques');
}

/** One risk in its editor; the others stay summaries. */
async function editRisk(page: Page, id: string, riskId: string) {
	await page.goto(`/assessments/${id}/risks?edit=${riskId}`);
	await expect(page.locator('fieldset.risk')).toHaveCount(1);
}

const radio = (page: Page, group: string, name: RegExp) =>
	page
		.getByRole('group', { name: US_HOSTING })
		.getByRole('group', { name: group, exact: true })
		.getByRole('radio', { name });

test('the DPO scores the US-hosting risk and plans a measure', async ({ page }) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	await openRisks(page, id);
	// The risks are summaries, the four named risks first, with the catalogue's suggested
	// scores; none is in an editor until asked for.
	await expect(page.locator('fieldset.risk')).toHaveCount(0);
	await expect(
		page.getByTestId('risk-summary').first().getByRole('heading', { level: 2 })
	).toHaveText(/^Risque 1 : Transfert de l’historique/);
	const summary = page.getByRole('region', { name: US_HOSTING });
	await expect(summary.getByTestId('risk-level')).toContainText('Importante (3) → Importante (3)');
	await summary.getByRole('link', { name: 'Modifier le risque 2' }).click();
	await expect(page).toHaveURL(/\/risks\?edit=us_hosting_cloud_act$/);
	const risk = page.getByRole('group', { name: US_HOSTING });
	// Each level shows its label and its definition.
	await expect(radio(page, 'Gravité', /^4 – Maximale Les personnes subiraient/)).toBeVisible();

	await radio(page, 'Gravité', /^4 – Maximale/).check();
	await radio(page, 'Vraisemblance', /^4 – Maximale/).check();
	const title = unique('Chiffrement, clés hors hébergeur');
	await risk.getByLabel('Mesure, ligne 1').fill(title);
	await risk.getByLabel('Nature, ligne 1').selectOption('technical');
	await risk.getByLabel('État, ligne 1').selectOption('planned');
	await risk.getByLabel('Responsable, ligne 1').fill('RSSI');
	const next = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
	await risk.getByLabel('Échéance, ligne 1').fill(next);
	await risk.getByLabel('Avancement, ligne 1').selectOption('todo');
	expect(await saveStep(page)).toBe(200);
	await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();
	// The save comes back to the same editor.
	await expect(page).toHaveURL(/\/risks\?edit=us_hosting_cloud_act&\/save$/);
	await expect(risk.getByLabel('Mesure, ligne 1')).toHaveValue(title);

	await openRisks(page, id);
	await expect(summary.getByTestId('risk-level')).toContainText('Maximale (4) → Importante (3)');
	await expect(summary.getByRole('listitem').filter({ hasText: title })).toContainText(
		'Technique, Prévue, À faire, Responsable : RSSI'
	);
	await editRisk(page, id, 'us_hosting_cloud_act');
	await expect(risk.getByTestId('risk-level')).toContainText('Maximale (4) → Importante (3)');
	await expect(risk.getByLabel('Mesure, ligne 1')).toHaveValue(title);
	await expect(risk.getByLabel('Échéance, ligne 1')).toHaveValue(next);
	await expect(radio(page, 'Gravité', /^4 – Maximale/)).toBeChecked();
});

test('a residual above the initial needs a reason; a new measure cannot be due in the past', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	await editRisk(page, id, 'us_hosting_cloud_act');
	const risk = page.getByRole('group', { name: US_HOSTING });
	const justification = unique('Justification à conserver');
	await radio(page, 'Gravité', /^2 – Limitée/).check();
	await radio(page, 'Gravité résiduelle', /^4 – Maximale/).check();
	await risk.getByLabel('Justification des cotes').fill(justification);
	expect(await saveStep(page)).toBe(400);

	await expect(page.getByRole('alert')).toContainText('Le formulaire contient des erreurs');
	const reason = risk.getByLabel(/^Raison d.un risque résiduel/);
	await expect(reason).toHaveAttribute('aria-invalid', 'true');
	await expect(reason).toHaveAccessibleDescription(/expliquez pourquoi/);
	// What was typed is still there.
	await expect(risk.getByLabel('Justification des cotes')).toHaveValue(justification);
	await expect(radio(page, 'Gravité', /^2 – Limitée/)).toBeChecked();
	await expect(radio(page, 'Gravité résiduelle', /^4 – Maximale/)).toBeChecked();

	// With a reason it is accepted.
	await reason.fill('Le nouvel hébergeur relève aussi du droit américain.');
	expect(await saveStep(page)).toBe(200);

	await risk.getByLabel('Mesure, ligne 1').fill('Clauses de transfert');
	await risk.getByLabel('Nature, ligne 1').selectOption('legal');
	await risk.getByLabel('État, ligne 1').selectOption('planned');
	await risk.getByLabel('Responsable, ligne 1').fill('DPO');
	await risk.getByLabel('Échéance, ligne 1').fill('2020-01-31');
	await risk.getByLabel('Avancement, ligne 1').selectOption('todo');
	expect(await saveStep(page)).toBe(400);
	await expect(
		risk.getByText("L'échéance d'une nouvelle mesure prévue ne peut pas être passée.")
	).toBeVisible();
	await expect(risk.getByLabel('Mesure, ligne 1')).toHaveValue('Clauses de transfert');
});

test('an auditor reads the risks but cannot save them', async ({ page }) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	await page.context().clearCookies();
	await loginAs(page, 'auditor');
	await openRisks(page, id);
	await expect(page.getByRole('button', { name: SAVE })).toHaveCount(0);
	const res = await postForm(page, `/assessments/${id}/risks?/save`, {
		version: '1',
		'risks.0.title': 'Modifié par un auditeur'
	});
	expect(res.status()).toBe(403);
	const benefits = await postForm(page, `/assessments/${id}/benefits?/save`, { version: '1' });
	expect(benefits.status()).toBe(403);
});

test('several catalogue risks ticked together are added in one save, with their texts', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	await openRisks(page, id);
	const summaries = page.getByTestId('risk-summary');
	const count = await summaries.count();
	const several = page.getByRole('group', { name: 'Ajouter plusieurs risques du catalogue' });
	const boxes = several.getByRole('checkbox');
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await several.getByLabel(/^Dépendance à un prestataire dominant/).check();
	expect(await saveStep(page)).toBe(200);
	await expect(summaries).toHaveCount(count + 3);
	await expect(summaries.last().getByRole('heading', { level: 2 })).toHaveText(
		/Dépendance à un prestataire dominant/
	);
	await expect(several.getByRole('checkbox', { checked: true })).toHaveCount(0);
});

test('the benefits show their total and a catalogue benefit can be added', async ({ page }) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	await page.goto(`/assessments/${id}/benefits`);
	const total = page.getByTestId('benefit-total');
	await expect(total).toContainText(/Total pondéré des bénéfices pour les patients : \d/);
	const before = (await total.textContent()) ?? '';
	const count = await page.locator('fieldset.benefit').count();
	// An organisation benefit is recorded with the catalogue's texts but never counted
	// beside the risks (art. 35(7)(b): benefits support necessity, they offset nothing).
	await page.getByLabel('Bénéfice du catalogue').selectOption('visibility');
	expect(await saveStep(page)).toBe(200);
	await expect(page.locator('fieldset.benefit')).toHaveCount(count + 1);
	await expect(page.locator('fieldset.benefit > legend').nth(count - 1)).toHaveText(
		/^Bénéfice \d+ : \S/
	);
	await expect(total).toHaveText(before);
	// Two patients' benefits ticked together are added in one save, and count in the total.
	const several = page.getByRole('group', { name: 'Ajouter plusieurs bénéfices du catalogue' });
	await several.getByLabel(/^Moins de rendez-vous non honorés/).check();
	await several.getByLabel(/^Libre choix du praticien/).check();
	expect(await saveStep(page)).toBe(200);
	await expect(page.locator('fieldset.benefit')).toHaveCount(count + 3);
	await expect(total).not.toHaveText(before);
	await expect(several.getByRole('checkbox', { checked: true })).toHaveCount(0);
	await expect(several.locator('label', { hasText: 'Libre choix du praticien' })).toContainText(
		"déjà dans l'analyse"
	);
	expect(await seriousViolations(page)).toEqual([]);
});

/** The four named risks: initial then residual scores, and the levels they give by default. */
const NAMED = [
	{
		key: 'historical_import',
		title: /^Risque 1 : Transfert de l’historique/,
		scores: [4, 3, 3, 1],
		levels: 'Maximale (4) → Limitée (2)',
		measure: 'Aucun import : comptes créés à la première réservation'
	},
	{
		key: 'us_hosting_cloud_act',
		title: US_HOSTING,
		scores: [3, 4, 3, 2],
		levels: 'Importante (3) → Importante (3)',
		measure: 'Hébergeur HDS de droit européen exigé au contrat'
	},
	{
		key: 'reminder_confidentiality',
		title: /^Risque 3 : Confidentialité des rappels/,
		scores: [3, 3, 2, 2],
		levels: 'Importante (3) → Limitée (2)',
		measure: 'Rappels au libellé neutre'
	},
	{
		key: 'vendor_lockin',
		title: /^Risque 4 : Dépendance à un prestataire dominant/,
		scores: [2, 4, 2, 3],
		levels: 'Importante (3) → Limitée (2)',
		measure: 'Clause de réversibilité et export complet annuel'
	}
] as const;
const AXES = ['Gravité', 'Vraisemblance', 'Gravité résiduelle', 'Vraisemblance résiduelle'];
const SCALE = ['1 – Négligeable', '2 – Limitée', '3 – Importante', '4 – Maximale'];

test('the DPO scores the four named risks and adds measures', async ({ page }) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	const due = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
	const measures = NAMED.map((n) => unique(n.measure));
	for (const [i, named] of NAMED.entries()) {
		// One risk at a time, each in its editor and saved on its own.
		await editRisk(page, id, named.key);
		const risk = page.getByRole('group', { name: named.title });
		for (const [a, axis] of AXES.entries()) {
			const value = named.scores[a] ?? 1;
			await risk
				.getByRole('group', { name: axis, exact: true })
				.getByRole('radio', { name: new RegExp(`^${value} – `) })
				.check();
		}
		await risk.getByLabel('Justification des cotes').fill(`Cotation revue par le DPO (${i + 1}).`);
		await risk.getByLabel('Mesure, ligne 1').fill(measures[i] ?? '');
		await risk.getByLabel('Nature, ligne 1').selectOption(i === 1 ? 'legal' : 'organisational');
		await risk.getByLabel('État, ligne 1').selectOption('planned');
		await risk.getByLabel('Responsable, ligne 1').fill(i === 1 ? 'Direction des achats' : 'DPO');
		await risk.getByLabel('Échéance, ligne 1').fill(due);
		await risk.getByLabel('Avancement, ligne 1').selectOption('todo');
		expect(await saveStep(page)).toBe(200);
		await expect(page.getByText(/Étape enregistrée \(révision \d+\)\./)).toBeVisible();
	}

	await openRisks(page, id);
	for (const named of NAMED)
		await expect(
			page.getByRole('region', { name: named.title }).getByTestId('risk-level')
		).toContainText(named.levels);
	for (const [i, named] of NAMED.entries()) {
		await editRisk(page, id, named.key);
		const risk = page.getByRole('group', { name: named.title });
		await expect(risk.getByTestId('risk-level')).toContainText(named.levels);
		await expect(risk.getByLabel('Mesure, ligne 1')).toHaveValue(measures[i] ?? '');
		await expect(risk.getByLabel('Responsable, ligne 1')).not.toHaveValue('');
		await expect(risk.getByLabel('Échéance, ligne 1')).toHaveValue(due);
	}

	// The risk map's table shows the same scores and levels, R1 to R4.
	await page.goto(`/assessments/${id}/risk-map`);
	const rows = page
		.getByRole('table', { name: 'Position initiale et résiduelle de chaque risque' })
		.locator('tbody tr');
	for (const [i, named] of NAMED.entries()) {
		const [s, l, rs, rl] = named.scores.map((v) => SCALE[v - 1] ?? '');
		const [initial, residual] = named.levels.split(' → ').map((text) => {
			const [, label, value] = /^(\S+) \((\d)\)$/.exec(text) ?? [];
			return `${value} – ${label}`;
		});
		await expect(rows.nth(i).getByRole('rowheader')).toHaveText(new RegExp(`^R${i + 1} `));
		await expect(rows.nth(i).getByRole('cell')).toHaveText([
			s ?? '',
			l ?? '',
			initial ?? '',
			rs ?? '',
			rl ?? '',
			residual ?? ''
		]);
	}

	// The planned measures reach the action plan.
	await page.goto(`/assessments/${id}/action-plan`);
	for (const title of measures) await expect(page.getByText(title).first()).toBeVisible();
});

test('the summaries carry every risk unchanged through a save; one is removed from them', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Risques');
	await openRisks(page, id);
	const summaries = page.getByTestId('risk-summary');
	const count = await summaries.count();
	expect(count).toBeGreaterThan(4);
	// Saved untouched, the risks read back from the summaries' hidden fields are the same.
	const stored = () =>
		readDb(
			(db) =>
				db
					.prepare(
						"select version, data from assessment_steps where assessment_id = ? and step = 'risks'"
					)
					.get(id) as { version: number; data: string }
		);
	const before = stored();
	expect(await saveStep(page)).toBe(200);
	await expect(page.getByRole('status')).toHaveText(/^Étape enregistrée/);
	const after = stored();
	expect(after.version).toBe(before.version + 1);
	expect(JSON.parse(after.data)).toEqual(JSON.parse(before.data));
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByLabel('Supprimer le risque 4').check();
	expect(await saveStep(page)).toBe(200);
	await expect(summaries).toHaveCount(count - 1);
	// A link to the removed risk's editor says so and shows the list.
	await page.goto(`/assessments/${id}/risks?edit=vendor_lockin`);
	await expect(page.getByTestId('risk-not-found')).toContainText("n'est pas dans cette analyse");
	await expect(page.locator('fieldset.risk')).toHaveCount(0);
	await expect(
		page.getByRole('region', { name: /Dépendance à un prestataire dominant/ })
	).toHaveCount(0);

	// A reader sees the same summaries, with a link to each risk's details instead.
	await page.context().clearCookies();
	await loginAs(page, 'director');
	await openRisks(page, id);
	await expect(page.getByRole('link', { name: 'Voir le risque 2 en détail' })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /^Supprimer le risque/ })).toHaveCount(0);
	await editRisk(page, id, 'us_hosting_cloud_act');
	await expect(
		page.getByRole('group', { name: US_HOSTING }).getByLabel('Intitulé du risque')
	).toBeDisabled();
	expect(await seriousViolations(page)).toEqual([]);
});
