import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs, newBookingAssessment, postForm, saveStep, seriousViolations } from './helpers';

/**
 * The consultation-reasons step. Each test works on its own assessment created from the
 * booking template (same 14 demo motifs), so the shared demo assessment stays untouched.
 */

const HEADER =
	'service,reason,practitioner,visit,duration_min,flags,reason_collected,decision,rationale';
const IVG = 'Interruption volontaire de grossesse (IVG) (Médecin)';

/** Opens the step and waits for hydration, so that live warnings react to changes. */
async function openMotifs(page: Page, id: string) {
	await page.goto(`/assessments/${id}/motifs`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Motifs de consultation');
	await page.waitForLoadState('networkidle');
}

async function contributorWithAssessment(page: Page): Promise<string> {
	await loginAs(page, 'contributor');
	const id = await newBookingAssessment(page, 'Motifs');
	await openMotifs(page, id);
	return id;
}

const rowIds = (page: Page) =>
	page
		.locator('input[name^="rows."][name$=".id"]')
		.evaluateAll((inputs) =>
			inputs.map((input) => (input as HTMLInputElement).value).filter((value) => value !== '')
		);

async function importCsv(page: Page, name: string, content: string) {
	await page.getByLabel('Fichier CSV à importer').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(content, 'utf8')
	});
	const response = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'Importer et remplacer le tableau' }).click();
	const status = (await response).status();
	await page.waitForLoadState('networkidle');
	return status;
}

/** RFC 4180 cells of a `;`-separated export (quoted cells may hold `;`, quotes, newlines). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			row.push(cell);
			cell = '';
		} else if (c === '\r') continue;
		else if (c === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) rows.push([...row, cell]);
	return rows;
}

test('a contributor adds motifs; a new sensitive motif stays with the secretaries', async ({
	page
}) => {
	await contributorWithAssessment(page);
	await expect(page.getByRole('rowheader', { name: 'Pédiatrie (5 motifs)' })).toBeVisible();

	await page.getByLabel('Service — nouveau motif 1', { exact: true }).fill('Pédiatrie');
	await page.getByLabel('Motif — nouveau motif 1', { exact: true }).fill('Vaccination');
	await page.getByLabel('Praticien — nouveau motif 1', { exact: true }).selectOption('nurse');
	await page
		.getByLabel('Type de consultation — nouveau motif 1', { exact: true })
		.selectOption('follow_up');
	await page.getByLabel('Durée (min) — nouveau motif 1', { exact: true }).fill('15');

	await page.getByLabel('Service — nouveau motif 2', { exact: true }).fill('Cancérologie');
	await page.getByLabel('Motif — nouveau motif 2', { exact: true }).fill('Annonce du diagnostic');
	await page.getByLabel('Praticien — nouveau motif 2', { exact: true }).selectOption('doctor');
	await page
		.getByLabel('Type de consultation — nouveau motif 2', { exact: true })
		.selectOption('first');
	await page.getByLabel('Durée (min) — nouveau motif 2', { exact: true }).fill('45');
	await page
		.getByRole('group', { name: 'Sensibilité — nouveau motif 2' })
		.getByLabel('Cancérologie')
		.check();
	// The default decision is announced before saving.
	await expect(page.locator('#m15-decision-hint')).toContainText('Gardé au secrétariat');

	expect(await saveStep(page)).toBe(200);
	await expect(page.getByRole('status').filter({ hasText: 'Étape enregistrée' })).toContainText(
		'révision 2'
	);
	await expect(page.getByRole('rowheader', { name: 'Pédiatrie (6 motifs)' })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Cancérologie (1 motif)' })).toBeVisible();
	await expect(page.getByLabel('Motif — Vaccination (Infirmier·e)', { exact: true })).toHaveValue(
		'Vaccination'
	);
	await expect(
		page.getByLabel('Décision — Vaccination (Infirmier·e)', { exact: true })
	).toHaveValue('online');
	await expect(
		page.getByLabel('Décision — Annonce du diagnostic (Médecin)', { exact: true })
	).toHaveValue('kept');
	const ids = await rowIds(page);
	expect(ids).toHaveLength(16);
	expect(new Set(ids).size).toBe(16);

	// A refused save keeps what was typed and says what is missing.
	await page.getByLabel('Motif — nouveau motif 1', { exact: true }).fill('Sans praticien');
	expect(await saveStep(page)).toBe(400);
	await expect(page.getByRole('alert').first()).toContainText('Le formulaire contient des erreurs');
	await expect(page.getByLabel('Motif — Sans praticien', { exact: true })).toHaveValue(
		'Sans praticien'
	);
	await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();
});

test('setting a sensitive motif online shows the risk, live and once saved', async ({ page }) => {
	await contributorWithAssessment(page);
	await expect(page.locator('#sensitive-online')).toHaveCount(0);

	await page.getByLabel(`Décision — ${IVG}`, { exact: true }).selectOption('online');
	await expect(page.locator('.row-warning')).toContainText('CSP L.2212-7');
	await expect(page.locator('#sensitive-online')).toContainText('1 motif sensible ouvert en ligne');

	expect(await saveStep(page)).toBe(200);
	await expect(page.getByLabel(`Décision — ${IVG}`, { exact: true })).toHaveValue('online');
	const summary = page.locator('#sensitive-online');
	await expect(summary).toContainText('1 motif sensible ouvert en ligne');
	await expect(summary).toContainText('Interruption volontaire de grossesse (IVG)');
	await expect(summary).toContainText('IVG, Mineur (confidentialité)');
	const warning = page.locator('.row-warning');
	await expect(warning).toHaveCount(1);
	await expect(warning).toContainText('IVG en ligne');
	await expect(warning).toContainText('Mineur en ligne');
	// The decision control points to the warning for screen-reader users.
	const describedBy = await page
		.getByLabel(`Décision — ${IVG}`, { exact: true })
		.getAttribute('aria-describedby');
	expect(describedBy).toContain(await warning.getAttribute('id'));

	// Opened online without a rationale: refused, the rationale is then required.
	await page.getByLabel(`Justification — ${IVG}`, { exact: true }).fill('');
	expect(await saveStep(page)).toBe(400);
	await expect(page.getByLabel(`Justification — ${IVG}`, { exact: true })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
});

test('the CSV export holds the motifs and neutralises formula cells', async ({ page }) => {
	const id = await contributorWithAssessment(page);
	const reason = 'Suivi gynécologique (contraception, dépistage) (Médecin)';
	await page
		.getByLabel(`Justification — ${reason}`, { exact: true })
		.fill('=HYPERLINK("http://evil.example";"clic")');
	await page.getByLabel(`Motif — ${reason}`, { exact: true }).fill('+33 rappel; suivi "annuel"');
	expect(await saveStep(page)).toBe(200);

	const res = await page.request.get(`/assessments/${id}/motifs/export.csv`);
	expect(res.status()).toBe(200);
	const headers = res.headers();
	expect(headers['content-type']).toBe('text/csv; charset=utf-8');
	expect(headers['content-disposition']).toBe('attachment; filename="motifs.csv"');
	expect(headers['x-content-type-options']).toBe('nosniff');

	const rows = parseCsv(await res.text());
	expect(rows[0]?.join(',')).toBe(HEADER);
	expect(rows).toHaveLength(15);
	const reasons = rows.map((r) => r[1]);
	expect(reasons).toContain('Interruption volontaire de grossesse (IVG)');
	expect(reasons).toContain('\'+33 rappel; suivi "annuel"');
	for (const row of rows) {
		for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@]/);
	}
	const rationales = rows.map((r) => r[8]);
	expect(rationales).toContain('\'=HYPERLINK("http://evil.example";"clic")');

	// The download link serves the same file.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Télécharger le tableau (motifs.csv)' }).click();
	expect((await download).suggestedFilename()).toBe('motifs.csv');
});

test('a CSV with wrong columns or a formula cell is refused and changes nothing', async ({
	page
}) => {
	await contributorWithAssessment(page);
	const before = await rowIds(page);

	const wrong = 'service;motif;durée\nPédiatrie;Vaccination;15\n';
	expect(await importCsv(page, 'motifs-wrong.csv', wrong)).toBe(400);
	const alert = page.locator('#import-result');
	await expect(alert).toContainText("Import refusé : rien n'a été modifié.");
	await expect(alert).toContainText('les colonnes ne sont pas celles attendues');
	await expect(alert).toContainText(
		'service, reason, practitioner, visit, duration_min, flags, reason_collected, decision, rationale'
	);
	await expect(alert).toContainText('Colonnes trouvées : service, motif, durée');
	expect(await rowIds(page)).toEqual(before);

	const formula = `${HEADER}\nPédiatrie,Vaccination,nurse,follow_up,15,,no,online,\nPédiatrie,=cmd()|' /C calc'!A0,doctor,first,30,,no,kept,\n`;
	expect(await importCsv(page, 'motifs-formula.csv', formula)).toBe(400);
	await expect(alert).toContainText('Ligne 3, colonne « reason »');
	await expect(alert).toContainText('formule');
	expect(await rowIds(page)).toEqual(before);

	const invalid = `${HEADER}\nPédiatrie,Vaccination,surgeon,follow_up,300,,peut-être,online,\n`;
	expect(await importCsv(page, 'motifs-invalid.csv', invalid)).toBe(400);
	await expect(alert).toContainText('Ligne 2, colonne « practitioner »');
	await expect(alert).toContainText('doctor, midwife, nurse, other');
	await expect(alert).toContainText('Ligne 2, colonne « duration_min »');

	expect(await importCsv(page, 'motifs.xlsx', HEADER)).toBe(400);
	await expect(alert).toContainText('extension .csv');

	// Still revision 1: nothing was saved by any of these attempts.
	await expect(page.getByText('Révision 1', { exact: false }).first()).toBeVisible();
	expect(await rowIds(page)).toEqual(before);
	expect(await seriousViolations(page)).toEqual([]);
});

test('a valid CSV import replaces the table', async ({ page }) => {
	const id = await contributorWithAssessment(page);
	const csv =
		'\uFEFFservice;reason;practitioner;visit;duration_min;flags;reason_collected;decision;rationale\r\n' +
		'Cardiologie;Bilan annuel;doctor;follow_up;30;;non;online;Sans préparation.\r\n' +
		'Psychiatrie;"Première consultation; adulte";doctor;first;60;psychiatry|needs_triage;oui;kept;"Tri ""indispensable"""\r\n';
	expect(await importCsv(page, 'motifs-valid.csv', csv)).toBe(200);
	await expect(page.locator('#import-result')).toContainText(
		'2 motifs importés depuis « motifs-valid.csv »'
	);
	expect(await rowIds(page)).toHaveLength(2);
	await expect(page.getByRole('rowheader', { name: 'Cardiologie (1 motif)' })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Psychiatrie (1 motif)' })).toBeVisible();
	await expect(
		page.getByLabel('Motif — Première consultation; adulte (Médecin)', { exact: true })
	).toBeVisible();
	await expect(page.getByRole('rowheader', { name: /Gynécologie/ })).toHaveCount(0);

	const exported = parseCsv(
		await (await page.request.get(`/assessments/${id}/motifs/export.csv`)).text()
	);
	expect(exported.slice(1)).toEqual([
		[
			'Cardiologie',
			'Bilan annuel',
			'doctor',
			'follow_up',
			'30',
			'',
			'no',
			'online',
			'Sans préparation.'
		],
		[
			'Psychiatrie',
			'Première consultation; adulte',
			'doctor',
			'first',
			'60',
			'psychiatry|needs_triage',
			'yes',
			'kept',
			'Tri "indispensable"'
		]
	]);
});

test('the auditor reads and exports but cannot save or import', async ({ page, browser }) => {
	const id = await createAsContributor(browser);
	await loginAs(page, 'auditor');
	await openMotifs(page, id);
	await expect(page.getByRole('button', { name: "Enregistrer l'étape" })).toHaveCount(0);
	await expect(page.getByLabel('Fichier CSV à importer')).toHaveCount(0);
	await expect(page.getByLabel(`Décision — ${IVG}`, { exact: true })).toBeDisabled();

	const saveRes = await postForm(page, `/assessments/${id}/motifs?/save`, {
		version: '1',
		'rows.0.id': 'forged',
		'rows.0.service': 'Pédiatrie',
		'rows.0.reason': 'Forgé',
		'o:rows.0.practitioner': 'doctor',
		'o:rows.0.visit': 'first',
		'n:rows.0.durationMin': '30',
		'o:rows.0.decision': 'online'
	});
	expect(saveRes.status()).toBe(403);

	const origin = new URL(page.url()).origin;
	const importRes = await page.request.post(`/assessments/${id}/motifs?/importCsv`, {
		multipart: {
			version: '1',
			file: {
				name: 'motifs.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(`${HEADER}\nPédiatrie,Forgé,doctor,first,30,,no,online,\n`)
			}
		},
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(importRes.status()).toBe(403);

	const exported = await page.request.get(`/assessments/${id}/motifs/export.csv`);
	expect(exported.status()).toBe(200);
	expect(await exported.text()).not.toContain('Forgé');
	await openMotifs(page, id);
	expect(await rowIds(page)).toHaveLength(14);
});

test('the motifs page has no serious accessibility violation', async ({ page }) => {
	await contributorWithAssessment(page);
	await page.getByLabel(`Décision — ${IVG}`, { exact: true }).selectOption('online');
	expect(await saveStep(page)).toBe(200);
	await page.getByText('Comment remplir ce tableau').click();
	expect(await seriousViolations(page)).toEqual([]);
});

async function createAsContributor(browser: Browser): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, 'contributor');
	const id = await newBookingAssessment(page, 'Motifs');
	await context.close();
	return id;
}

test('"add a row" offers one more blank motif without a save, focused, and it is saved', async ({
	page
}) => {
	await contributorWithAssessment(page);
	const reasons = page.locator('[name^="rows."][name$=".reason"]');
	const before = await reasons.count();
	await page
		.getByRole('button', {
			name: "Ajouter une ligne (Motifs de consultation et décision d'ouverture en ligne)"
		})
		.click();
	await expect(reasons).toHaveCount(before + 1);
	// The third new motif: the form offers two blank ones; focus lands in the added one.
	const service = page.getByLabel('Service — nouveau motif 3', { exact: true });
	await expect(service).toBeFocused();
	await service.fill('Pédiatrie');
	await page.getByLabel('Motif — nouveau motif 3', { exact: true }).fill('Bilan de croissance');
	await page.getByLabel('Praticien — nouveau motif 3', { exact: true }).selectOption('doctor');
	await page
		.getByLabel('Type de consultation — nouveau motif 3', { exact: true })
		.selectOption('follow_up');
	await page.getByLabel('Durée (min) — nouveau motif 3', { exact: true }).fill('30');
	expect(await saveStep(page)).toBe(200);
	await expect(page.getByRole('rowheader', { name: 'Pédiatrie (6 motifs)' })).toBeVisible();
	await expect(
		page.getByLabel('Motif — Bilan de croissance (Médecin)', { exact: true })
	).toHaveValue('Bilan de croissance');
	expect(await seriousViolations(page)).toEqual([]);
});
