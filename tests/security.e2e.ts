import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, loginAs } from './helpers';

test('a cross-origin form POST is refused', async ({ request }) => {
	const res = await request.post('/login', {
		form: { email: 'dpo@demo.local', password: DEMO_PASSWORD },
		headers: { origin: 'http://evil.example' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(403);
	expect(res.headers()['set-cookie'] ?? '').not.toContain('session=');
});

test('security headers are on every response', async ({ request }) => {
	const res = await request.get('/login');
	const h = res.headers();
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toContain("object-src 'none'");
	expect(h['content-security-policy']).toContain("base-uri 'none'");
	expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
	expect(h['strict-transport-security']).toContain('max-age=');
});

test('authenticated pages are not cached and the session cookie is locked down', async ({
	page,
	context
}) => {
	await loginAs(page, 'dpo');
	const res = await page.goto('/assessments');
	expect(res?.headers()['cache-control']).toBe('no-store');
	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	expect(cookie?.secure).toBe(true);
	expect(cookie?.value.length).toBeGreaterThanOrEqual(26);
});

test('healthz checks the database', async ({ request }) => {
	const res = await request.get('/healthz');
	expect(res.status()).toBe(200);
	expect(await res.json()).toEqual({ status: 'ok' });
});

test('an unknown route and a malformed form never give a 500', async ({ page }) => {
	await loginAs(page, 'dpo');
	const missing = await page.goto('/assessments/does-not-exist');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erreur 404');
	const origin = new URL(page.url()).origin;
	const res = await page.request.post('/assessments/new', {
		multipart: { orgId: 'x'.repeat(100000), template: 'nope', title: '\u0000\ud800' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(400);
});
