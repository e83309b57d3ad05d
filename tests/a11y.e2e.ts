import { expect, test } from '@playwright/test';
import { loginAs, openDemoAssessment, seriousViolations } from './helpers';

test('login, list, overview, new and admin pages have no serious accessibility violation', async ({
	page
}) => {
	await page.goto('/login');
	expect(await seriousViolations(page)).toEqual([]);
	await loginAs(page, 'admin');
	await page.goto('/admin');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	// Signing in lands on the to-do page; the list is scanned on its own.
	await loginAs(page, 'dpo');
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto('/assessments');
	expect(await seriousViolations(page)).toEqual([]);
	await openDemoAssessment(page);
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto('/assessments/new');
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto('/account');
	expect(await seriousViolations(page)).toEqual([]);
});
