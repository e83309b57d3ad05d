import type { PageWeight } from './page-weight';

/**
 * First-load budgets (JS + CSS, gzip, kB of 1024 bytes) per page, shared by the bench
 * (`npm run bench:pages`) and the test that fails the build (tests/page-weight.e2e.ts).
 * Issue 13: a page without a chart fits in 83 kB; the two chart pages carry chart.js;
 * the login page, the first one everyone opens, ships (almost) no script.
 */
export const DEFAULT_BUDGET_KB = 83;

export const PAGE_BUDGETS_KB: Readonly<Record<string, number>> = {
	'/login': 40,
	'/assessments/[id]/risk-map': 165,
	'/assessments/[id]/scenarios': 165
};

export interface BudgetLine extends PageWeight {
	budgetKb: number;
	met: boolean;
}

export function budgetOf(route: string): number {
	return PAGE_BUDGETS_KB[route] ?? DEFAULT_BUDGET_KB;
}

/** Every page with its budget, heaviest first. */
export function budgetLines(weights: readonly PageWeight[]): BudgetLine[] {
	return weights
		.map((w) => {
			const budgetKb = budgetOf(w.route);
			return { ...w, budgetKb, met: w.gzipBytes <= budgetKb * 1024 };
		})
		.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
