import { expect, test } from '@playwright/test';
import { loginAs } from './helpers';

// Pages are mostly markup and repeat themselves: compressed, the risks page is a tenth
// of its size on a hospital's congested network (issue 13).
test('dynamic pages are compressed as the browser asks, with their security headers', async ({
	page,
	baseURL
}) => {
	for (const [asked, expected] of [
		['gzip', 'gzip'],
		['br', 'br'],
		['identity', null]
	] as const) {
		const res = await fetch(`${baseURL}/login`, { headers: { 'accept-encoding': asked } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-encoding')).toBe(expected);
		expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
		// Security headers survive the middleware.
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(await res.text()).toContain('<form');
	}
	await loginAs(page, 'dpo');
	const cookies = await page.context().cookies();
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const list = await fetch(`${baseURL}/assessments`, {
		headers: { 'accept-encoding': 'gzip', cookie }
	});
	expect(list.headers.get('content-encoding')).toBe('gzip');
	expect(list.headers.get('cache-control')).toBe('no-store');
});
