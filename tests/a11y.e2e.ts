import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs, openDemoAssessment } from './helpers';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('login, list, overview, new and admin pages have no serious accessibility violation', async ({
	page
}) => {
	await page.goto('/login');
	expect(await seriousViolations(page)).toEqual([]);
	await loginAs(page, 'admin');
	await page.goto('/admin');
	expect(await seriousViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await loginAs(page, 'dpo');
	expect(await seriousViolations(page)).toEqual([]);
	await openDemoAssessment(page);
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto('/assessments/new');
	expect(await seriousViolations(page)).toEqual([]);
	await page.goto('/account');
	expect(await seriousViolations(page)).toEqual([]);
});
