import { expect, test } from '@playwright/test';
import { pageWeights } from '../bench/page-weight';
import { budgetLines, DEFAULT_BUDGET_KB, kb, PAGE_BUDGETS_KB } from '../bench/page-budgets';

// Reads the build's manifest (npm test builds before Playwright runs): sizes, never timings.
// No page is opened, so no browser is started.
test('every page ships its first load (JS + CSS, gzip) within its budget', () => {
	const lines = budgetLines(pageWeights());
	const routes = lines.map((l) => l.route);
	// The manifest was read: the pages with their own budget are among those found.
	for (const route of Object.keys(PAGE_BUDGETS_KB)) expect(routes).toContain(route);
	expect(routes).toContain('/assessments/[id]/decision');

	const over = lines
		.filter((l) => !l.met)
		.map((l) => `${l.route}: ${kb(l.gzipBytes)} kB, budget ${l.budgetKb} kB`);
	expect(
		over,
		`pages over their first-load budget (${DEFAULT_BUDGET_KB} kB unless listed in bench/page-budgets.ts):\n${over.join('\n')}`
	).toEqual([]);
});
