import { expect, test } from '@playwright/test';
import { loginAs } from './helpers';

// A signed-in page is sent `no-store`: no cache keeps it, so hashing it into an ETag is
// wasted work (issue 13; vite/no-store-etag.ts). Anonymous pages keep theirs.
test('a no-store page carries no ETag; an anonymous page keeps its ETag and its 304', async ({
	page,
	baseURL
}) => {
	// SvelteKit does hash server-rendered pages: the login page shows it.
	const login = await fetch(`${baseURL}/login`);
	expect(login.status).toBe(200);
	expect(login.headers.get('cache-control')).toBeNull();
	const etag = login.headers.get('etag');
	expect(etag).toMatch(/^"[0-9a-z]+"$/);
	const again = await fetch(`${baseURL}/login`, { headers: { 'if-none-match': etag! } });
	expect(again.status).toBe(304);

	await loginAs(page, 'dpo');
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	for (const path of ['/assessments', '/login']) {
		const res = await fetch(`${baseURL}${path}`, { headers: { cookie }, redirect: 'manual' });
		expect([200, 303], path).toContain(res.status);
		expect(res.headers.get('cache-control'), path).toBe('no-store');
		expect(res.headers.get('etag'), path).toBeNull();
	}
	// The list page itself, in full.
	const list = await fetch(`${baseURL}/assessments`, { headers: { cookie } });
	expect(list.status).toBe(200);
	expect(await list.text()).toContain('<table');
});
