/**
 * E-mail notifications (issue 14, point 2) against a real SMTP server (smtp-server) that
 * this file starts on the port the e2e app sends to (tests/ports.ts, playwright.config.ts).
 * Nothing listens there outside these tests: the app's other mails wait and retry, as
 * they would with a mail server down. Mails are told apart by the assessment's unique title.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startSmtpSink, type SmtpSink } from '../src/lib/server/testing/smtp-sink';
import { askReviewOfNewAssessment, loginAs, postForm, seriousViolations, unique } from './helpers';
import { smtpPort } from './ports';

/** The contributor creates an analysis and asks the DPO to review its context step. */
async function requestReview(browser: Browser, title: string): Promise<string> {
	const contributor = await browser.newPage();
	await loginAs(contributor, 'contributor');
	const overview = await askReviewOfNewAssessment(contributor, title);
	await contributor.close();
	return overview;
}

function mailsAbout(sink: SmtpSink, title: string) {
	return sink.messages.filter((mail) => mail.subject.includes(title));
}

test('a review request waits on the DPO’s to-do page and one e-mail reaches the DPO', async ({
	page,
	browser
}) => {
	const sink = await startSmtpSink(smtpPort);
	try {
		const title = unique('Courriel relecture');
		const overview = await requestReview(browser, title);

		await loginAs(page, 'dpo');
		await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(1);

		await expect.poll(() => mailsAbout(sink, title).length, { timeout: 60_000 }).toBe(1);
		const [mail] = mailsAbout(sink, title);
		expect(mail!.to).toEqual(['dpo@demo.local']);
		expect(mail!.subject).toBe(`[AIPD] Relecture demandée : ${title}`);
		// A link to the exact page, and nothing of the analysis but its title.
		expect(mail!.text).toContain(`${new URL(page.url()).origin}${overview}/context`);
		expect(mail!.text).not.toMatch(/gynécolog|pédiatr|motif/i);

		// The delivery view is the administrator's: a DPO can neither read it nor retry.
		expect((await page.goto('/admin/notifications'))!.status()).toBe(403);
		expect((await postForm(page, '/admin/notifications?/retry', {})).status()).toBe(403);
	} finally {
		await sink.close();
	}
});

/** The admin's view of the mails in trouble, reloaded until `row` shows (the sender works apart). */
async function outboxRow(page: Page, title: string, state: string) {
	const row = page.getByRole('row').filter({ hasText: title });
	await expect(async () => {
		await page.goto('/admin/notifications');
		await expect(row.filter({ hasText: state })).toHaveCount(1, { timeout: 1_000 });
	}).toPass({ timeout: 120_000 });
	return row;
}

test('with the mail server down the request still succeeds, the admin sees the retry, and the mail leaves once the server is back', async ({
	page,
	browser
}) => {
	const title = unique('Courriel en panne');
	// Nothing listens on the SMTP port: the action must not notice.
	await requestReview(browser, title);

	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Suivi des e-mails de notification' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mails de notification');
	const row = await outboxRow(page, title, 'nouvelle tentative prévue');
	await expect(row).toContainText('dpo@demo.local');
	await expect(row).toContainText('Relecture demandée');
	// The connection error, as the sender met it.
	await expect(row.locator('code')).toContainText(/ECONNREFUSED|connect/i);
	expect(await seriousViolations(page)).toEqual([]);

	const sink = await startSmtpSink(smtpPort);
	try {
		// The next retry (doubling from 1 s in the e2e server) finds the server back.
		await expect.poll(() => mailsAbout(sink, title).length, { timeout: 150_000 }).toBe(1);
		expect(mailsAbout(sink, title)[0]!.to).toEqual(['dpo@demo.local']);
	} finally {
		await sink.close();
	}
	await page.goto('/admin/notifications');
	await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
});

test('each user chooses immediate mails, a daily digest or none, and the mails’ language', async ({
	page
}) => {
	await loginAs(page, 'auditor');
	await page.goto('/account');
	const settings = page.getByRole('group', { name: 'Recevoir' });
	await expect(settings.getByLabel('Un e-mail à chaque demande')).toBeChecked();
	await settings.getByLabel('Un récapitulatif par jour').check();
	await page.getByLabel('Langue des e-mails').selectOption('en');
	await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Préférences de notification enregistrées.' })
	).toBeVisible();
	await page.reload();
	await expect(settings.getByLabel('Un récapitulatif par jour')).toBeChecked();
	await expect(page.getByLabel('Langue des e-mails')).toHaveValue('en');
	expect(await seriousViolations(page)).toEqual([]);

	// A forged choice: refused by name, and nothing changes.
	const forged = await postForm(page, '/account?/notify', { mode: 'hourly', mailLocale: 'de' });
	expect(forged.status()).toBe(400);
	await page.reload();
	await expect(settings.getByLabel('Un récapitulatif par jour')).toBeChecked();
	await expect(page.getByLabel('Langue des e-mails')).toHaveValue('en');

	// Back to the defaults, for the other files' runs.
	await settings.getByLabel('Un e-mail à chaque demande').check();
	await page.getByLabel('Langue des e-mails').selectOption('fr');
	await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Préférences de notification enregistrées.' })
	).toBeVisible();
});
