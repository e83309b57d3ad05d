import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The direction of imports (routes -> lib/server -> lib/domain) is enforced by the lint
 * (eslint.config.js): these tests prove the rules fire, so that a refactoring of the
 * config cannot switch them off unnoticed.
 */
const eslint = new ESLint();

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

describe('import boundaries', { timeout: 180_000 }, () => {
	it('refuses the database, SvelteKit and the UI messages in lib/domain', async () => {
		const errors = await restrictedImports(
			[
				"import { getDb } from '$lib/server/db';",
				"import { error } from '@sveltejs/kit';",
				"import { m } from '$lib/paraglide/messages';",
				"import { dev } from '$app/environment';",
				"import { audit } from '../server/audit';",
				'export const x = [getDb, error, m, dev, audit];',
				''
			].join('\n'),
			'src/lib/domain/violation.ts'
		);
		expect(errors).toHaveLength(5);
	});

	it('accepts a domain module that imports only the domain and libraries', async () => {
		const errors = await restrictedImports(
			[
				"import { z } from 'zod';",
				"import { canonicalize } from '$lib/domain/canonical';",
				"import { riskLevel } from '../scoring';",
				'export const x = [z, canonicalize, riskLevel];',
				''
			].join('\n'),
			'src/lib/domain/method/legal.ts'
		);
		expect(errors).toEqual([]);
	});

	it('keeps SvelteKit out of data modules but lets the HTTP adapters use it', async () => {
		const code = "import { error } from '@sveltejs/kit';\nexport const x = error;\n";
		expect(await restrictedImports(code, 'src/lib/server/data-module.ts')).toHaveLength(1);
		expect(await restrictedImports(code, 'src/lib/server/http/adapter.ts')).toEqual([]);
		expect(await restrictedImports(code, 'src/routes/page/+page.server.ts')).toEqual([]);
	});
});
