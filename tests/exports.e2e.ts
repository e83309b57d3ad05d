import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { DEMO_TITLE, historyRow, loginAs, openDemoAssessment, signInOutsider } from './helpers';

/** The demo's decided assessment (src/lib/server/seed-decided.ts, DECIDED_DEMO_TITLE). */
const DECIDED_DEMO_TITLE =
	'Exemple décidé — rendez-vous en ligne des consultations externes de pédiatrie';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function pdfText(response: APIResponse): Promise<string> {
	const body = await response.body();
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), {
		mergePages: true
	});
	// Extraction may break a line anywhere: compare without whitespace.
	return text.replace(/\s+/g, '');
}

function expectAttachment(response: APIResponse, type: string, extension: string) {
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe(type);
	expect(response.headers()['content-disposition']).toMatch(
		new RegExp(
			`^attachment; filename="[a-z-]+-[a-z0-9-]+-v\\d+-\\d{4}-\\d{2}-\\d{2}\\.${extension}"`
		)
	);
	expect(response.headers()['cache-control']).toBe('no-store');
}

async function get(page: Page, id: string, file: string) {
	return page.request.get(`/assessments/${id}/export/${file}`);
}

test.describe('document exports of the demo assessment', () => {
	test('the DPO downloads the report, notice, record entry and action plan', async ({ page }) => {
		await loginAs(page, 'dpo');
		const id = await openDemoAssessment(page);

		const report = await get(page, id, 'report.pdf');
		expectAttachment(report, PDF, 'pdf');
		expect((await report.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const text = await pdfText(report);
		expect(text).toContain(DEMO_TITLE.replace(/\s+/g, ''));
		expect(text).toContain('Centrehospitalierdedémonstration');
		expect(text).toMatch(/[0-9a-f]{64}/);

		const docx = await get(page, id, 'report.docx');
		expectAttachment(docx, DOCX, 'docx');
		expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

		const notice = await get(page, id, 'notice.pdf');
		expectAttachment(notice, PDF, 'pdf');
		const noticeText = await pdfText(notice);
		expect(noticeText).toContain('RéclamationauprèsdelaCNIL');

		const ropa = await get(page, id, 'record-of-processing.docx');
		expectAttachment(ropa, DOCX, 'docx');
		expect((await ropa.body()).subarray(0, 2).toString('latin1')).toBe('PK');

		const csv = await get(page, id, 'action-plan.csv');
		expectAttachment(csv, 'text/csv; charset=utf-8', 'csv');
		expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
			'Origine;Étape;Risque;Action;Responsable;Échéance;Avancement;En retard'
		);
	});

	test('the decided example’s report names the decision, every signer and the content hash', async ({
		page
	}) => {
		await loginAs(page, 'auditor');
		await page.goto('/assessments');
		await page.getByRole('link', { name: DECIDED_DEMO_TITLE }).first().click();
		await expect(page).toHaveURL(/\/assessments\/[^/]+$/);
		const id = new URL(page.url()).pathname.split('/')[2]!;
		// The facts as the JSON export states them, to be found again in the PDF's text.
		const json = (await (await get(page, id, 'assessment.json')).json()) as {
			contentHash: string;
			signatures: Array<{ signerName: string; contentHash: string }>;
			decision: { outcome: string } | null;
		};
		expect(json.decision?.outcome).toBe('approve_with_conditions');
		const report = await get(page, id, 'report.pdf');
		expectAttachment(report, PDF, 'pdf');
		const text = await pdfText(report);
		// One wording for each outcome in the UI, the record and the PDF (issue 11).
		expect(text).toContain('Validésousconditions');
		expect(text).toContain(json.contentHash);
		expect(json.signatures.length).toBeGreaterThanOrEqual(4);
		for (const s of json.signatures) {
			expect(text).toContain(s.signerName.replace(/\s+/g, ''));
			expect(text).toContain(s.contentHash);
		}
		// Done-when of issue 11: every risk lists its measures, and the documents handed to
		// patients and to the CNIL carry no drafting placeholder.
		expect(text).not.toContain('Aucunemesuren’estenregistréepourcerisque');
		for (const doc of ['notice.pdf', 'record-of-processing.pdf']) {
			const published = await pdfText(await get(page, id, doc));
			expect(published.length, doc).toBeGreaterThan(500);
			for (const marker of ['àcompléter', 'àfixer', 'àtrancher', 'àdéfinir'])
				expect(published, `${doc}: ${marker}`).not.toContain(marker);
		}
	});

	test('documents follow the reader’s language', async ({ page }) => {
		await loginAs(page, 'dpo');
		const id = await openDemoAssessment(page);
		await page
			.context()
			.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(page.url()).origin }]);
		const report = await get(page, id, 'record-of-processing.pdf');
		expectAttachment(report, PDF, 'pdf');
		expect(await pdfText(report)).toContain('Recordofprocessingactivities');
	});

	test('a bad or unknown version is refused, not guessed', async ({ page }) => {
		await loginAs(page, 'dpo');
		const id = await openDemoAssessment(page);
		expect((await get(page, id, 'report.pdf?version=abc')).status()).toBe(400);
		expect((await get(page, id, 'notice.docx?version=999')).status()).toBe(404);
	});

	test('an auditor (read-only) may export', async ({ page }) => {
		await loginAs(page, 'auditor');
		const id = await openDemoAssessment(page);
		expectAttachment(await get(page, id, 'report.pdf'), PDF, 'pdf');
		expectAttachment(await get(page, id, 'notice.docx'), DOCX, 'docx');
	});

	test('another hospital’s account gets 404 on every export', async ({ page, browser }) => {
		await loginAs(page, 'dpo');
		const id = await openDemoAssessment(page);
		const outsider = await signInOutsider(browser, 'dpo');
		for (const file of [
			'report.pdf',
			'report.docx',
			'notice.pdf',
			'notice.docx',
			'record-of-processing.pdf',
			'record-of-processing.docx',
			'action-plan.csv'
		]) {
			expect((await get(outsider, id, file)).status(), file).toBe(404);
		}
		await outsider.close();
	});

	test('each export is written to the assessment’s history', async ({ page }) => {
		await loginAs(page, 'auditor');
		const id = await openDemoAssessment(page);
		expect((await get(page, id, 'record-of-processing.pdf')).status()).toBe(200);
		// The record's history, paged: the overview's 20 can be filled by other files' exports.
		const row = await historyRow(page, id, (p) =>
			p
				.getByRole('row')
				.filter({ hasText: 'Export d’un document' })
				.filter({ hasText: 'fiche du registre des traitements' })
				.filter({ hasText: 'auditor@demo.local' })
		);
		await expect(row).toBeVisible();
	});
});
