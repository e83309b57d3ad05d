/**
 * XSS payloads in every kind of free-text field (issue 7, point 6): stored verbatim, shown
 * as text, and inert. Inertness is checked in the DOM itself (no element carries an event
 * handler attribute, no script holds the payload, no javascript: link), not only by the
 * payload not having run: a CSP that blocks the script would hide an escaping bug.
 */
import { expect, test, type Page } from '@playwright/test';
import { motifsToCsv, parseMotifsCsv } from '../src/lib/domain/method/motifs-csv';
import { loginAs, postForm, saveStep, unique } from './helpers';
import { demoIds, readDb } from './matrix-helpers';

/** Each payload tries a script, an event handler, a broken-out attribute and a URL. */
const payload = (n: number) =>
	`<script>window.__xss=${n}</script><img src=x onerror="window.__xss=${n};alert(${n})"> ` +
	`"><svg onload="window.__xss=${n}"> javascript:window.__xss=${n}`;
/** A file name cannot hold a slash: the same attack without `</script>`. */
const FILE_NAME = `"><img src=x onerror="window.__xss=7;alert(7)">.csv`;

function watchDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	return dialogs;
}

async function expectInert(page: Page, dialogs: string[]) {
	const where = page.url();
	expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), where).toBeUndefined();
	expect(await page.locator('[onerror], [onload]').count(), where).toBe(0);
	expect(await page.locator('script', { hasText: '__xss' }).count(), where).toBe(0);
	expect(await page.locator('a[href^="javascript:" i]').count(), where).toBe(0);
	expect(dialogs, where).toEqual([]);
}

/** Shown as typed: in the page's text, or as the value of a field. */
async function expectShown(page: Page, text: string) {
	const found = await page.evaluate(
		(t) =>
			document.body.innerText.includes(t) ||
			[...document.querySelectorAll('input, textarea')].some((e) =>
				(e as HTMLInputElement).value.includes(t)
			),
		text
	);
	expect(found, `${text} on ${page.url()}`).toBe(true);
}

test('XSS payloads in every free-text field are stored verbatim and stay inert', async ({
	page,
	browser
}) => {
	test.setTimeout(360_000);
	const dialogs = watchDialogs(page);
	await loginAs(page, 'dpo');
	const { orgId } = demoIds();

	// 1. Assessment title and description.
	const made = await postForm(page, '/assessments/new', {
		orgId,
		template: 'booking',
		title: payload(1),
		description: `${unique('xss')} ${payload(2)}`
	});
	expect(made.status()).toBe(303);
	const id = made.headers()['location']!.split('/')[2]!;
	const base = `/assessments/${id}`;

	// 2. A step's textarea, through the form.
	await page.goto(`${base}/context`);
	await page.locator('main form textarea').first().fill(payload(3));
	expect(await saveStep(page)).toBe(200);

	// 3. A comment, through the form.
	await page.getByLabel('Nouveau commentaire').fill(payload(4));
	await page.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(page.getByText('Commentaire publié.')).toBeVisible();

	// 4. A custom risk's name, through the form.
	await page.goto(`${base}/risks`);
	const block = page.getByRole('group', { name: 'Ajouter un risque' });
	await block.getByLabel('Risque du catalogue').selectOption('custom');
	await block.getByLabel('Intitulé du risque').fill(payload(5));
	await block.getByLabel('Catégorie').selectOption({ index: 1 });
	for (const scale of ['Gravité', 'Vraisemblance']) {
		await block
			.getByRole('group', { name: scale, exact: true })
			.getByRole('radio', { name: /^1 – / })
			.check();
	}
	expect(await saveStep(page)).toBe(200);

	// 5. A cell of an imported CSV file (the table as exported, one cell changed).
	const exported = await page.request.get(`${base}/motifs/export.csv`);
	const parsed = parseMotifsCsv(await exported.text());
	if (!parsed.ok) throw new Error('the exported motifs do not import');
	parsed.rows[0]!.service = payload(6);
	const version = readDb(
		(db) =>
			db
				.prepare("select version from assessment_steps where assessment_id = ? and step = 'motifs'")
				.get(id) as { version: number }
	).version;
	const origin = new URL(page.url()).origin;
	const imported = await page.request.post(`${base}/motifs?/importCsv`, {
		headers: { origin, accept: 'text/html' },
		multipart: {
			version: String(version),
			file: {
				name: 'motifs.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(motifsToCsv(parsed.rows, { delimiter: ';', bom: true }))
			}
		},
		maxRedirects: 0
	});
	expect(imported.status()).toBe(200);

	// 6. An uploaded file's name.
	const uploaded = await page.request.post(`${base}/context?/upload`, {
		headers: { origin, accept: 'text/html' },
		multipart: {
			file: { name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') }
		},
		maxRedirects: 0
	});
	expect(uploaded.status()).toBe(200);

	// 7. A security finding, by the security officer.
	const security = await browser.newPage();
	const securityDialogs = watchDialogs(security);
	await loginAs(security, 'security');
	const finding = await postForm(security, `${base}/findings?/add`, {
		title: payload(8),
		severity: '2',
		asset: payload(9),
		evidence: payload(10),
		recommendation: payload(11),
		status: 'open'
	});
	expect(finding.status()).toBe(200);
	await security.goto(`${base}/findings`);
	for (const n of [8, 9, 10, 11]) await expectShown(security, payload(n));
	await expectInert(security, securityDialogs);
	await security.close();

	const shown: Record<string, string[]> = {
		'/assessments': [payload(1)],
		[base]: [payload(1), payload(2)],
		[`${base}/context`]: [payload(3), payload(4), FILE_NAME],
		[`${base}/risks`]: [payload(5)],
		[`${base}/motifs`]: [payload(6)],
		[`${base}/risk-map`]: [payload(5)],
		// Pages that show none of these fields: checked for inertness only.
		[`${base}/action-plan`]: [],
		[`${base}/scenarios`]: [],
		[`${base}/screening`]: []
	};
	for (const [path, texts] of Object.entries(shown)) {
		await page.goto(path);
		for (const text of texts) await expectShown(page, text);
		await expectInert(page, dialogs);
	}

	// Downloads are attachments, never rendered in the application's origin.
	await page.goto(`${base}/context`);
	const href = await page
		.getByRole('link', { name: /télécharger/ })
		.first()
		.getAttribute('href');
	for (const path of [href!, `${base}/motifs/export.csv`, `${base}/export/action-plan.csv`]) {
		const res = await page.request.get(path);
		expect(res.status(), path).toBe(200);
		expect(res.headers()['content-disposition'], path).toMatch(/^attachment;/);
		expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
	}
});
