import { expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_PASSWORD, loginAs } from './helpers';

/**
 * No lost updates (Jepsen-style): 50 clients each do 20 read-modify-write cycles on one
 * step over HTTP. Every answer must be 2xx or 409, never 5xx; no two successes may share
 * a base version; the final version must be the initial one plus the number of successes.
 */
const CLIENTS = 50;
const CYCLES = 20;

test('50 concurrent clients x 20 read-modify-write cycles lose no update', async ({
	page,
	baseURL
}) => {
	test.setTimeout(600_000);
	await loginAs(page, 'dpo');
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	await page.getByLabel('Titre').fill('Concurrence ' + Date.now());
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	const stepPath = new URL(page.url()).pathname + '/screening';

	const readVersion = async (ctx: Awaited<ReturnType<typeof playwrightRequest.newContext>>) => {
		// A read is idempotent: one retry if the keep-alive socket was closed under us.
		const get = () => ctx.get(stepPath);
		const html = await (await get().catch(get)).text();
		const match =
			/action="\?\/save"[^>]*>\s*<input type="hidden" name="version" value="(\d+)"/.exec(html);
		if (!match) throw new Error('no version in the step page');
		return Number(match[1]);
	};

	const clients = await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			const ctx = await playwrightRequest.newContext({
				baseURL,
				extraHTTPHeaders: { origin: baseURL! }
			});
			const res = await ctx.post('/login', {
				form: { email: 'contributor@demo.local', password: DEMO_PASSWORD },
				maxRedirects: 0,
				headers: { accept: 'text/html' }
			});
			expect(res.status()).toBe(303);
			return ctx;
		})
	);
	const initial = await readVersion(clients[0]!);

	const successes: number[] = [];
	const statuses = new Map<number, number>();
	await Promise.all(
		clients.map(async (ctx, c) => {
			for (let i = 0; i < CYCLES; i++) {
				const base = await readVersion(ctx);
				const res = await ctx.post(`${stepPath}?/save`, {
					form: {
						version: String(base),
						'a:criteria': 'large_scale',
						'b:cnilListItem': 'on',
						// Unique content: a resubmission of identical content is not counted as a write.
						justification: `client ${c} cycle ${i}`
					},
					headers: { accept: 'text/html' },
					maxRedirects: 0
				});
				statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
				if (res.status() === 200) successes.push(base);
			}
		})
	);
	await Promise.all(clients.map((ctx) => ctx.dispose()));

	const unexpected = [...statuses.keys()].filter((s) => s !== 200 && s !== 409);
	expect(unexpected, JSON.stringify(Object.fromEntries(statuses))).toEqual([]);
	expect(new Set(successes).size).toBe(successes.length);
	const final = await readVersion(
		await playwrightRequest.newContext({
			baseURL,
			storageState: await page.context().storageState()
		})
	);
	expect(final).toBe(initial + successes.length);
	expect(successes.length).toBeGreaterThan(0);
});
