/**
 * The /audit page's integrity check (issue 13: "never blocks other requests and shows
 * progress"): with JavaScript the form starts a job in a worker thread and the page
 * follows it; without, the form's answer is the verdict. Only its owner follows a job.
 */
import { expect, test } from '@playwright/test';
import { login, seriousViolations, signedInAs } from './helpers';
import { readDb, signIn } from './matrix-helpers';

const VERIFY = 'Vérifier la chaîne maintenant';

/** The last audit.verify entry by `email`'s account. */
const lastVerifyBy = (email: string) =>
	readDb(
		(db) =>
			db
				.prepare(
					`SELECT seq, summary FROM audit_log WHERE action = 'audit.verify'
					   AND actor_id = (SELECT id FROM users WHERE email = ?) ORDER BY seq DESC LIMIT 1`
				)
				.get(email) as { seq: number; summary: string } | undefined
	);

test('the audit verifier page follows the check as it runs, then shows the verdict', async ({
	browser
}) => {
	const auditor = await signedInAs(browser, 'auditor');
	await auditor.goto('/audit');
	// Hydrated: the click goes through the page's script, not a plain form post.
	await auditor.waitForLoadState('networkidle');
	const before = lastVerifyBy('auditor@demo.local')?.seq ?? 0;
	const followed = auditor.waitForResponse((r) => r.url().includes('/audit/progress?job='));
	await auditor.getByRole('button', { name: VERIFY }).click();
	expect((await followed).status()).toBe(200);
	await expect(auditor.getByRole('status')).toContainText('Journal intact');
	await expect(auditor.getByTestId('audit-progress')).toHaveCount(0);
	await expect(auditor.getByRole('button', { name: VERIFY })).toBeEnabled();
	// The check itself is on the record, once.
	const entry = lastVerifyBy('auditor@demo.local');
	expect(entry?.seq).toBeGreaterThan(before);
	expect(entry?.summary).toMatch(/^intact: \d+ entries/);
	expect(await seriousViolations(auditor)).toEqual([]);

	const contributor = await signedInAs(browser, 'contributor');
	const res = await contributor.goto('/audit');
	expect(res?.status()).toBe(403);
});

test('without JavaScript the form answers with the verdict itself', async ({ browser }) => {
	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await login(page, 'dpo@demo.local');
	await page.goto('/audit');
	await page.getByLabel('Tête de chaîne connue (facultatif)').fill('not a head');
	await page.getByRole('button', { name: VERIFY }).click();
	await expect(page.getByRole('alert')).toContainText('Tête de chaîne illisible');
	await expect(page.getByLabel('Tête de chaîne connue (facultatif)')).toHaveValue('not a head');
	await page.getByLabel('Tête de chaîne connue (facultatif)').fill('');
	await page.getByRole('button', { name: VERIFY }).click();
	await expect(page.getByRole('status')).toContainText('Journal intact');
	await expect(page.getByTestId('current-head')).toHaveText(/^\d+:[0-9a-f]{64}$/);
});

test('a verification is followed only by the one who started it', async ({
	playwright,
	baseURL
}) => {
	const auditor = await signIn(playwright, baseURL!, 'auditor@demo.local');
	const dpo = await signIn(playwright, baseURL!, 'dpo@demo.local');
	const contributor = await signIn(playwright, baseURL!, 'contributor@demo.local');

	const bad = await auditor.api.post('/audit?/start', { form: { head: '12:abc' } });
	expect(bad.status()).toBe(400);
	const started = await auditor.api.post('/audit?/start', { form: { head: '' } });
	expect(started.status()).toBe(200);
	const job = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(
		await started.text()
	)?.[0];
	expect(job).toBeDefined();
	const progress = `/audit/progress?job=${job}`;

	// Another verifier reads it as unknown; a role without the check is refused.
	expect(await (await dpo.api.get(progress)).json()).toEqual({ state: 'unknown' });
	expect((await contributor.api.get(progress, { maxRedirects: 0 })).status()).toBe(403);

	// Its owner follows it to the verdict (polled on its state, not on a clock).
	await expect
		.poll(
			async () => ((await (await auditor.api.get(progress)).json()) as { state: string }).state,
			{
				timeout: 120_000
			}
		)
		.toBe('done');
	const done = (await (await auditor.api.get(progress)).json()) as {
		verdict: { chain: { ok: boolean }; states: { ok: boolean } };
	};
	expect(done.verdict.chain.ok).toBe(true);
	expect(done.verdict.states.ok).toBe(true);
	for (const s of [auditor, dpo, contributor]) await s.api.dispose();
});
