import { createHash } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs, openDemoAssessment, postForm, signInOutsider, unique } from './helpers';

/** A minimal but well-formed PDF 1.4 (one empty page), with a correct xref table. */
function minimalPdf(): Buffer {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

const PDF = minimalPdf();
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function openScreening(page: Page, role: string): Promise<string> {
	await loginAs(page, role);
	const id = await openDemoAssessment(page);
	await page.goto(`/assessments/${id}/screening`);
	return id;
}

async function attach(page: Page, name: string, buffer: Buffer, mimeType = 'application/pdf') {
	await page.getByLabel('Fichier à joindre').setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: 'Joindre le fichier' }).click();
}

/** The contributor attaches a fresh PDF to the demo screening step; returns its download path. */
async function contributorAttaches(browser: Browser): Promise<{ id: string; href: string }> {
	const page = await browser.newPage();
	const id = await openScreening(page, 'contributor');
	const name = `${unique('piece')}.pdf`;
	await attach(page, name, PDF);
	await expect(page.getByRole('status').filter({ hasText: 'joint.' })).toBeVisible();
	const href = await page.getByRole('link', { name: new RegExp(name) }).getAttribute('href');
	await page.close();
	if (!href) throw new Error('no download link');
	return { id, href };
}

test('a contributor attaches a PDF to the screening step, sees it listed and downloads the same bytes', async ({
	page
}) => {
	await openScreening(page, 'contributor');
	const name = `${unique('Contrat éditeur')}.pdf`;
	await attach(page, name, PDF);
	await expect(
		page.getByRole('status').filter({ hasText: `Fichier « ${name} » joint.` })
	).toBeVisible();

	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('PDF');
	await expect(row).toContainText(sha256(PDF).slice(0, 12));
	await expect(row).toContainText('Claire Contributrice');

	const link = row.getByRole('link');
	const href = await link.getAttribute('href');
	const res = await page.request.get(href!);
	expect(res.status()).toBe(200);
	const h = res.headers();
	expect(h['content-type']).toBe('application/pdf');
	expect(h['content-disposition']).toMatch(/^attachment;/);
	expect(h['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['cache-control']).toBe('no-store');
	expect(Buffer.from(await res.body()).equals(PDF)).toBe(true);

	// In the browser, the link downloads (it does not open the file in the application).
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe(name);
});

test('an HTML page renamed .pdf, an oversized file and a missing file are refused precisely', async ({
	page
}) => {
	const id = await openScreening(page, 'contributor');
	const name = `${unique('faux')}.pdf`;
	await attach(page, name, HTML);
	await expect(page.getByRole('alert')).toHaveText(
		`Le contenu de « ${name} » n'est pas un PDF (contenu reconnu : page HTML ou script). Rien n'a été enregistré.`
	);
	await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveCount(0);

	// Said in the browser before sending 21 MB…
	const big = Buffer.alloc(21 * 1024 * 1024, 0x20);
	PDF.copy(big);
	await attach(page, 'gros.pdf', big);
	await expect(page.getByRole('alert')).toContainText(
		'Le fichier « gros.pdf » fait 21 Mo : la limite est de 20 Mo par fichier.'
	);
	// …and by the server to a client that sends it anyway.
	const origin = new URL(page.url()).origin;
	const res = await page.request.post(`/assessments/${id}/screening?/upload`, {
		multipart: { file: { name: 'gros.pdf', mimeType: 'application/pdf', buffer: big } },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(413);
	expect(await res.text()).toContain('plus de 20 Mo');

	await page.getByLabel('Fichier à joindre').setInputFiles([]);
	await page.getByRole('button', { name: 'Joindre le fichier' }).click();
	await expect(page.getByRole('alert')).toHaveText('Choisissez un fichier à joindre.');
});

test('a comment is added to the step and listed with its author', async ({ page }) => {
	await openScreening(page, 'contributor');
	const text = unique('Les critères sont à confirmer avec le DPO');
	await page.getByLabel('Nouveau commentaire').fill(text);
	await page.getByRole('button', { name: 'Publier le commentaire' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Commentaire publié.' })).toBeVisible();
	const item = page.getByRole('listitem').filter({ hasText: text });
	await expect(item).toContainText('Claire Contributrice');
	// The form is empty again: a reload does not post it twice by accident.
	await expect(page.getByLabel('Nouveau commentaire')).toHaveValue('');
});

test('an auditor sees attachments and comments but cannot add any, even with a forged POST', async ({
	page,
	browser
}) => {
	const { id, href } = await contributorAttaches(browser);
	await openScreening(page, 'auditor');
	await expect(page.getByRole('heading', { name: 'Pièces jointes' })).toBeVisible();
	await expect(page.locator(`a[href="${href}"]`)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Commentaires' })).toBeVisible();
	await expect(page.getByLabel('Fichier à joindre')).toHaveCount(0);
	await expect(page.getByLabel('Nouveau commentaire')).toHaveCount(0);

	const origin = new URL(page.url()).origin;
	const upload = await page.request.post(`/assessments/${id}/screening?/upload`, {
		multipart: { file: { name: 'forge.pdf', mimeType: 'application/pdf', buffer: PDF } },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(upload.status()).toBe(403);
	const comment = await postForm(page, `/assessments/${id}/screening?/comment`, { body: 'forgé' });
	expect(comment.status()).toBe(403);
	// Reading is allowed to every member, downloading too.
	expect((await page.request.get(href)).status()).toBe(200);
});

test('the security officer may comment but not upload', async ({ page }) => {
	await openScreening(page, 'security');
	await expect(page.getByLabel('Nouveau commentaire')).toBeVisible();
	await expect(page.getByLabel('Fichier à joindre')).toHaveCount(0);
});

test('a user of another organisation cannot download an attachment (404)', async ({ browser }) => {
	const { href } = await contributorAttaches(browser);

	const outsider = await signInOutsider(browser, 'contributor');
	const res = await outsider.request.get(href);
	expect(res.status()).toBe(404);
	expect(res.headers()['content-disposition']).toBeUndefined();
	await outsider.close();

	// Signed out: sent to the login page, never the file.
	const anonymous = await browser.newPage();
	const anon = await anonymous.request.get(href, { maxRedirects: 0 });
	expect([302, 303]).toContain(anon.status());
	await anonymous.close();
});
