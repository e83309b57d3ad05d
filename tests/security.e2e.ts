import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DB } from './matrix-helpers';
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
	// The sign-in page ships no script at all (csr = false): no nonce, and never inline code.
	expect(h['content-security-policy']).toMatch(/script-src 'self'( 'nonce-[^']+')?;/);
	expect(h['content-security-policy']).not.toContain('unsafe-inline');
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

test('Open redirect: `/login?redirectTo=%2F%09%2Fevil` gives `Location: /\\t/evil`, which browsers read as `//evil`; `%01` in redirectTo gives a raw 500 without security headers', async ({
	page,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	for (const redirectTo of ['/\t/evil', '/\u0001', '//evil.example', '/\\evil.example']) {
		const res = await page.request.post('/login', {
			form: { email: 'auditor@demo.local', password: DEMO_PASSWORD, redirectTo },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), JSON.stringify(redirectTo)).toBe(303);
		expect(res.headers()['location']).toBe('/tasks');
		expect(res.headers()['x-content-type-options']).toBe('nosniff');
	}
	// Signed in now: the login page itself redirects at once.
	const res = await page.request.get('/login?redirectTo=%01', { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toBe('/tasks');
	expect(res.headers()['x-content-type-options']).toBe('nosniff');
	const lang = await page.request.post('/locale', {
		form: { locale: 'fr', redirectTo: '/%0a/\u0001' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(lang.status()).toBe(303);
	expect(lang.headers()['x-frame-options']).toBe('DENY');
});

test('a read-only database starts "ok" and 500s at first login', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'workbench-ro-'));
	// The running e2e database, opened read-only (as a read-only mount would be): file
	// modes are no test, since these tests may run as root, which ignores them.
	const server = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			ORIGIN: 'http://localhost',
			WORKBENCH_DATA_DIR: dir,
			DATABASE_URL: `file:${E2E_DB}?mode=ro`
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	server.stderr.on('data', (chunk) => (stderr += chunk));
	// A server that starts anyway is stopped: the test then fails on the exit code.
	const stop = setTimeout(() => server.kill(), 30_000);
	const code = await new Promise<number | null>((done) => server.on('exit', done));
	clearTimeout(stop);
	rmSync(dir, { recursive: true, force: true });
	expect(code).toBe(1);
	expect(stderr).toContain('DPIA workbench cannot start');
	expect(stderr).toContain('cannot be written (SQLITE_READONLY)');
});
