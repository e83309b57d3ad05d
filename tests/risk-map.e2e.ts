import { expect, test, type Page } from '@playwright/test';
import { loginAs, openDemoAssessment, seriousViolations } from './helpers';

/**
 * The risk map of the demo assessment (read only): its table holds exactly the scores stored
 * by the risks step, its chart renders, and the page passes the accessibility check.
 */

type Scores = [string, string, string, string];

/** The scores every risk's summary on the risks page carries: initial then residual. */
async function storedScores(page: Page, id: string): Promise<Scores[]> {
	await page.goto(`/assessments/${id}/risks`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Risques');
	const count = await page.getByTestId('risk-level').count();
	const scores: Scores[] = [];
	for (let i = 0; i < count; i++) {
		const value = (field: string) =>
			page.locator(`input[type="hidden"][name="n:risks.${i}.${field}"]`).inputValue();
		scores.push([
			await value('severity'),
			await value('likelihood'),
			await value('residualSeverity'),
			await value('residualLikelihood')
		]);
	}
	return scores;
}

test('the risk map shows the stored scores in a table, then a chart', async ({ page }) => {
	await loginAs(page, 'dpo');
	const id = await openDemoAssessment(page);
	const stored = await storedScores(page, id);
	expect(stored.length).toBeGreaterThan(0);
	const levels = await page.getByTestId('risk-level').allTextContents();

	await page.getByRole('link', { name: 'Voir la cartographie des risques' }).click();
	await expect(page).toHaveURL(new RegExp(`/assessments/${id}/risk-map$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cartographie des risques');

	const table = page.getByRole('table', {
		name: 'Position initiale et résiduelle de chaque risque'
	});
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(stored.length);
	for (const [i, scores] of stored.entries()) {
		const cells = await rows.nth(i).locator('td').allTextContents();
		const [severity, likelihood, level, rSeverity, rLikelihood, rLevel] = cells.map((c) =>
			c.trim()
		);
		await expect(rows.nth(i).locator('th')).toHaveText(new RegExp(`^R${i + 1} `));
		expect([severity, likelihood, rSeverity, rLikelihood].map((c) => c?.split(' ')[0])).toEqual(
			scores
		);
		// Same levels as the risks page ("Importante (3) → Importante (3)").
		const match = /(\S+) \((\d)\) → (\S+) \((\d)\)/.exec(levels[i] ?? '');
		expect(match, levels[i]).not.toBeNull();
		expect(level).toBe(`${match?.[2]} – ${match?.[1]}`);
		expect(rLevel).toBe(`${match?.[4]} – ${match?.[3]}`);
	}

	// The table comes first; the chart after it says so and renders.
	const canvas = page.getByRole('img', { name: /Le tableau ci-dessus contient les mêmes données/ });
	await expect(canvas).toBeVisible();
	const tableBox = await table.boundingBox();
	const canvasBox = await canvas.boundingBox();
	expect(canvasBox?.width ?? 0).toBeGreaterThan(0);
	expect(canvasBox?.y ?? 0).toBeGreaterThan(tableBox?.y ?? Infinity);
	// chart.js has drawn: the canvas was resized and holds coloured pixels.
	await expect
		.poll(() =>
			canvas.evaluate((el) => {
				const c = el as HTMLCanvasElement;
				const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
				return data ? data.some((v, i) => i % 4 === 3 && v > 0) : false;
			})
		)
		.toBe(true);

	expect(await seriousViolations(page)).toEqual([]);
});

test('the risk map reads without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginAs(page, 'dpo');
	const id = await openDemoAssessment(page);
	await page.goto(`/assessments/${id}/risk-map`);
	await expect(
		page
			.getByRole('table', { name: 'Position initiale et résiduelle de chaque risque' })
			.locator('tbody tr')
			.first()
	).toContainText('R1');
	await context.close();
});

test('an auditor opens the risk map', async ({ page }) => {
	await loginAs(page, 'auditor');
	const id = await openDemoAssessment(page);
	const response = await page.goto(`/assessments/${id}/risk-map`);
	expect(response?.status()).toBe(200);
	await expect(
		page.getByRole('table', { name: 'Position initiale et résiduelle de chaque risque' })
	).toBeVisible();
});

test('the risk map explains how levels are computed, with the organisation’s table', async ({
	page
}) => {
	await loginAs(page, 'auditor');
	const id = await openDemoAssessment(page);
	await page.goto(`/assessments/${id}/risk-map`);
	const summary = page.getByText('Comment les niveaux sont calculés', { exact: true });
	const matrix = page.getByRole('table', {
		name: 'Grille de l’établissement : niveau de risque selon la gravité (lignes) et la vraisemblance (colonnes)'
	});
	await expect(matrix).toBeHidden();
	await summary.click();
	await expect(matrix).toBeVisible();
	// Severity 4 at the top, as on the map; each cell names its level.
	const top = matrix.locator('tbody tr').first();
	await expect(top.getByRole('rowheader')).toHaveText('4 – Maximale');
	await expect(top.getByRole('cell')).toHaveCount(4);
	await expect(top.getByRole('cell').last()).toHaveText(/^[1-4] – \S+$/);
	await expect(
		page.getByText(/^Total pondéré des bénéfices pour les patients : somme des ampleurs/)
	).toBeVisible();
	await expect(page.getByText(/^Scénarios : chaque option retenue porte des règles/)).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
