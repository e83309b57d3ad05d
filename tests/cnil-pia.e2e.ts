import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { htmlToText } from '../src/lib/domain/interop/html-text';
import { loginAs, seriousViolations, signInOutsider, unique } from './helpers';

const SAMPLE_PATH = resolve(process.cwd(), 'tests/fixtures/cnil-pia/2018-02-21-pia-example.json');
const SAMPLE = JSON.parse(readFileSync(SAMPLE_PATH, 'utf8'));

type PiaFile = {
	pia: Record<string, unknown>;
	answers: Array<{
		reference_to: number;
		data: { text: string | null; gauge: number | null; list: string[] | null };
	}>;
	measures: Array<{ title: string; content: string }>;
	evaluations: Array<{
		reference_to: string;
		status: number;
		evaluation_comment?: string | null;
		action_plan_comment?: string | null;
	}>;
	comments: Array<{ reference_to: number; description: string }>;
};

/** Every text, list, gauge and verdict of a file, independent of ids, dates and markup. */
function contentOf(file: PiaFile) {
	return {
		answers: Object.fromEntries(
			[...file.answers]
				.sort((a, b) => a.reference_to - b.reference_to)
				.map((a) => [
					a.reference_to,
					{ text: htmlToText(a.data.text), list: a.data.list ?? [], gauge: a.data.gauge || 0 }
				])
		),
		measures: file.measures.map((m) => `${m.title} :: ${htmlToText(m.content)}`).sort(),
		evaluations: file.evaluations
			.map(
				(e) =>
					`${e.reference_to} ${e.status} ${htmlToText(e.evaluation_comment)} | ${htmlToText(e.action_plan_comment)}`
			)
			.sort(),
		comments: file.comments.map((c) => `${c.reference_to} ${htmlToText(c.description)}`).sort()
	};
}

async function importFile(page: Page, name: string, json: unknown) {
	await page.goto('/assessments/import');
	await page.getByLabel('Fichier PIA (JSON)').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json))
	});
	await page.getByRole('button', { name: 'Importer et créer l’analyse' }).click();
}

async function importAndOpen(page: Page, name: string, json: unknown): Promise<string> {
	await importFile(page, name, json);
	// After an import, its report; the assessment is one link away.
	await expect(page).toHaveURL(/\/assessments\/[a-z0-9]+\/import-report$/);
	const id = new URL(page.url()).pathname.split('/')[2];
	if (!id) throw new Error('no assessment id in ' + page.url());
	await page.getByRole('link', { name: 'Retour à l’analyse' }).click();
	await expect(page).toHaveURL(new RegExp(`/assessments/${id}$`));
	return id;
}

async function exportOf(page: Page, id: string): Promise<PiaFile> {
	const res = await page.request.get(`/assessments/${id}/export/cnil-pia.json`);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('application/json');
	expect(res.headers()['content-disposition']).toMatch(
		/^attachment; filename="[a-z0-9-]+\.pia\.json"$/
	);
	return (await res.json()) as PiaFile;
}

test.describe.configure({ mode: 'serial' });

let importedId = '';

test('the import page is reachable from the list and passes axe', async ({ page }) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments');
	await page.getByRole('link', { name: 'Importer un fichier du logiciel PIA de la CNIL' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Importer une analyse du logiciel PIA de la CNIL'
	);
	expect(await seriousViolations(page)).toEqual([]);
	// Refused file: the error is announced and tied to the field, and still passes axe.
	await importFile(page, 'vide.json', '{}');
	await expect(page.getByRole('alert')).toContainText('il y manque pia, answers');
	await expect(page.getByLabel('Fichier PIA (JSON)')).toHaveAttribute('aria-invalid', 'true');
	expect(await seriousViolations(page)).toEqual([]);
});

test('imports the CNIL example: answers, measures, gauges, evaluations and comments arrive', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	importedId = await importAndOpen(page, '2018-02-21-pia-example.json', SAMPLE);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Captoo');

	await page.goto(`/assessments/${importedId}/context`);
	await expect(page.locator('textarea[name="description"]')).toHaveValue(
		/^Le PIA porte sur le moniteur de sommeil Captoo/
	);
	await expect(page.getByText("État de l'étape : Acceptable").first()).toBeVisible();
	await expect(
		page.getByText('Importé du logiciel PIA de la CNIL — question 112 :', { exact: false }).first()
	).toBeVisible();

	await page.goto(`/assessments/${importedId}/principles`);
	await expect(page.getByText("État de l'étape : Améliorable").first()).toBeVisible();
	await expect(page.getByText('[2.1.211 · Améliorable]', { exact: false }).first()).toBeVisible();
	await expect(
		page
			.getByText('Importé du logiciel PIA de la CNIL — commentaire, question 212', {
				exact: false
			})
			.first()
	).toBeVisible();

	await page.goto(`/assessments/${importedId}/risks`);
	// The risks' summaries carry their scores as the fields a save sends back.
	const score = (risk: number, field: string, value: number) =>
		expect(page.locator(`input[name="n:risks.${risk}.${field}"]`)).toHaveValue(String(value));
	// 3.2 illegitimate access: severity 3, likelihood 4; the evaluator's gauges 3 / 1 are the residual.
	await score(0, 'severity', 3);
	await score(0, 'likelihood', 4);
	await score(0, 'residualSeverity', 3);
	await score(0, 'residualLikelihood', 1);
	await score(1, 'severity', 2);
	await score(1, 'likelihood', 2);
	await score(2, 'severity', 2);
	await score(2, 'likelihood', 2);
	const titles = await page
		.locator('input[name^="risks.0.measures."][name$=".title"]')
		.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	expect(titles).toEqual(
		expect.arrayContaining(['Chiffrement', 'Contrôle des accès logiques', 'Traçabilité'])
	);
	await expect(
		page
			.getByText('Importé du logiciel PIA de la CNIL — mesure 101 « Chiffrement »', {
				exact: false
			})
			.first()
	).toBeVisible();
	await expect(page.getByText('[3.1.101]', { exact: false }).first()).toBeVisible();
});

test('round trip: export, import again, export again loses no text', async ({ page }) => {
	await loginAs(page, 'dpo');
	const first = await exportOf(page, importedId);
	expect(first.answers).toHaveLength(36);
	expect(first.measures).toHaveLength(23);

	// Every answer of the CNIL example is in the export, text for text.
	const sample = contentOf(SAMPLE as PiaFile);
	const exported = contentOf(first);
	expect(exported.answers).toEqual(sample.answers);
	expect(exported.measures).toEqual(sample.measures);
	expect(exported.evaluations).toEqual(sample.evaluations);

	const againId = await importAndOpen(page, 'captoo.pia.json', first);
	expect(againId).not.toBe(importedId);
	const second = await exportOf(page, againId);
	expect(contentOf(second)).toEqual(contentOf(first));
});

test('refused files leave no assessment behind', async ({ browser }) => {
	// A fresh organisation: its list holds only what this test creates.
	const outsider = await signInOutsider(browser, 'dpo');
	const rows = async () => {
		await outsider.goto('/assessments');
		return outsider.locator('table tbody tr').count();
	};
	const before = await rows();

	await importFile(outsider, 'notes.json', { hello: 'world', items: [1, 2, 3] });
	await expect(outsider.getByRole('alert')).toContainText(
		'Ce fichier JSON n’est pas un export du logiciel PIA de la CNIL : il y manque pia, answers.'
	);
	await expect(outsider.getByRole('alert')).toContainText('aucune analyse n’a été créée');

	const unknown = structuredClone(SAMPLE);
	unknown.pia.name = unique('PIA refusé');
	unknown.answers.push({ ...unknown.answers[0], reference_to: 999 });
	unknown.answers.push({ ...unknown.answers[0], reference_to: 118 });
	await importFile(outsider, 'inconnu.json', unknown);
	await expect(outsider.getByRole('alert')).toContainText(
		'questions inconnues de la structure par défaut du logiciel PIA (111 à 346) : 999, 118.'
	);

	await importFile(outsider, 'pas-du-json.json', 'pia: oui');
	await expect(outsider.getByRole('alert')).toContainText('pas un fichier JSON lisible');

	expect(await rows()).toBe(before);

	// Another organisation's assessment: not found, like an unknown id.
	const res = await outsider.request.get(`/assessments/${importedId}/export/cnil-pia.json`);
	expect(res.status()).toBe(404);
	await outsider.close();
});

test('a role that cannot create assessments cannot import', async ({ page }) => {
	await loginAs(page, 'auditor');
	const res = await page.request.get('/assessments/import');
	expect(res.status()).toBe(403);
});

test('an upload over the limit is refused with the page’s message, not a server error', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/import');
	const orgId = (await page.locator('input[name="orgId"]').getAttribute('value')) ?? '';
	const origin = new URL(page.url()).origin;
	// 11 MB is over the import limit (10 MB); 30 MB is over the server's own body limit (25 MB).
	for (const size of [11, 30]) {
		const res = await page.request.post('/assessments/import', {
			multipart: {
				orgId,
				file: {
					name: 'gros.json',
					mimeType: 'application/json',
					buffer: Buffer.alloc(size * 1024 * 1024, 0x20)
				}
			},
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(413);
		expect(await res.text()).toContain('Ce fichier dépasse la taille maximale de 10 Mo.');
	}
});

test('A real CNIL PIA file is refused whole: a dangling evaluation is imported and reported', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const file = structuredClone(SAMPLE);
	file.pia.name = unique('PIA du test CNIL');
	// As in the CNIL tool's own test file.
	file.evaluations.push({ ...file.evaluations[0], reference_to: '3.1.[object Object]' });
	await importFile(page, 'cnil-test.json', file);
	await expect(page).toHaveURL(/\/import-report$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapport d’import');
	await expect(page.getByRole('heading', { name: 'Références introuvables (1)' })).toBeVisible();
	await expect(
		page.getByText('référence introuvable, évaluation « 3.1.[object Object] »').first()
	).toBeVisible();
	await expect(page.getByText('Question 111 → Description du traitement')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('Import is quadratic: a 10 MB hostile file is refused in seconds while /healthz answers', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/import');
	const orgId = (await page.locator('input[name="orgId"]').getAttribute('value')) ?? '';
	const origin = new URL(page.url()).origin;
	const file = structuredClone(SAMPLE);
	// `<a "` × 2 M (5 bytes each once JSON-escaped): 10 MB in one answer (the old parser:
	// 20 s per 290 KB).
	file.answers[0].data.text = '<a "'.repeat(2_000_000);
	const body = Buffer.from(JSON.stringify(file));
	expect(body.byteLength).toBeLessThan(10 * 1024 * 1024);

	let importing = true;
	const health: number[] = [];
	const probe = (async () => {
		while (importing) {
			const started = Date.now();
			const res = await page.request.get('/healthz');
			expect(res.status()).toBe(200);
			health.push(Date.now() - started);
		}
	})();
	const started = Date.now();
	const res = await page.request.post('/assessments/import', {
		multipart: {
			orgId,
			file: { name: 'hostile.json', mimeType: 'application/json', buffer: body }
		},
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	const took = Date.now() - started;
	importing = false;
	await probe;
	expect(res.status()).toBe(400);
	expect(await res.text()).toContain('Un texte du fichier dépasse 100000 caractères');
	expect(took).toBeLessThan(5_000);
	// The server kept answering during the import.
	expect(health.length).toBeGreaterThan(0);
	expect(Math.max(...health)).toBeLessThan(5_000);
});
