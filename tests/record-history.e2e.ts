import { expect, test } from '@playwright/test';
import { loginAs, newBookingAssessment, seriousViolations } from './helpers';

test('the decision record pages its audit trail, 50 entries a page, newest first', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	const id = await newBookingAssessment(page, 'Journal paginé');
	// Every export is an audited entry: 55 of them make a trail longer than one page.
	for (let i = 0; i < 55; i++) {
		const response = await page.request.get(`/assessments/${id}/export/assessment.json`);
		expect(response.status()).toBe(200);
	}
	await page.goto(`/assessments/${id}/record`);
	const pages = page.getByRole('navigation', { name: 'Pages du journal d’audit' });
	await expect(pages).toContainText(/page 1 sur 2 \(\d+ entrées\)/);
	await expect(pages.getByRole('link', { name: 'Entrées plus récentes' })).toHaveCount(0);
	const audit = page.locator('#section-history table').last();
	await expect(audit.locator('tbody tr')).toHaveCount(50);
	expect(await seriousViolations(page)).toEqual([]);

	await pages.getByRole('link', { name: 'Entrées plus anciennes' }).click();
	await expect(page).toHaveURL(/\?history=2#section-history$/);
	await expect(pages).toContainText('page 2 sur 2');
	await expect(audit.locator('caption')).toContainText(/entrées 51 à (\d+) sur \1/);
	await expect(pages.getByRole('link', { name: 'Entrées plus anciennes' })).toHaveCount(0);
	await pages.getByRole('link', { name: 'Entrées plus récentes' }).click();
	await expect(page).toHaveURL(/\/record\?#section-history$/);
	await expect(pages).toContainText('page 1 sur 2');

	// A page that does not exist is not guessed.
	for (const bad of ['3', '0', 'abc', '1.5', '-1']) {
		const response = await page.request.get(`/assessments/${id}/record?history=${bad}`);
		expect(response.status(), bad).toBe(404);
	}
});
