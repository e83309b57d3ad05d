import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_MESSAGES, fieldErrorText } from './field-errors';

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : files(path);
		return /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Every message key of the French catalogue (the base locale). */
function messageKeys(): Set<string> {
	const keys = new Set<string>();
	for (const area of readdirSync('messages')) {
		const json = JSON.parse(readFileSync(join('messages', area, 'fr.json'), 'utf8'));
		for (const key of Object.keys(json)) keys.add(key);
	}
	return keys;
}

// Where the code names an error for a field: `code: 'x'`, `message: 'x'`, or a zod check
// with its message (`.min(12, 'password_too_short')`, `.refine(fn, 'x')`).
const CODE =
	/(?:(?:message|code|rowError): |rowFail\([^()']*|\.(?:min|max|regex|refine|email|length|nonempty|startsWith|endsWith|includes)\([^()]*?,? *)'([a-z][a-z0-9_]+)'/g;

describe('field error sentences', () => {
	it('has a named sentence for every error code the code base sends that is a message key', () => {
		const keys = messageKeys();
		const sent = new Set<string>();
		for (const file of files('src')) {
			for (const match of readFileSync(file, 'utf8').matchAll(CODE)) sent.add(match[1]!);
		}
		// A code built from a prefix (`signoff_refused_${reason}`) may be any key with it.
		const prefixes = new Set<string>();
		for (const file of files('src')) {
			for (const match of readFileSync(file, 'utf8').matchAll(/code: `([a-z_]+)\$\{/g))
				prefixes.add(match[1]!);
		}
		for (const key of keys) if ([...prefixes].some((p) => key.startsWith(p))) sent.add(key);
		expect(prefixes.size).toBeGreaterThan(0);
		const missing = [...sent].filter((code) => keys.has(code) && !(code in FIELD_ERROR_MESSAGES));
		expect(missing).toEqual([]);
		expect(sent.size).toBeGreaterThan(20);
	});

	it('names only messages that exist, and falls back to generic sentences', () => {
		for (const [code, message] of Object.entries(FIELD_ERROR_MESSAGES)) {
			expect(typeof message, code).toBe('function');
			expect(message().length, code).toBeGreaterThan(3);
		}
		expect(fieldErrorText({ code: 'password_too_short' })).toBe(
			FIELD_ERROR_MESSAGES.password_too_short!()
		);
		expect(fieldErrorText({ code: 'no_such_code' })).toBe(FIELD_ERROR_MESSAGES.field_invalid!());
		expect(fieldErrorText({ code: 'too_long', max: 12 })).toContain('12');
		expect(fieldErrorText(undefined)).toBeUndefined();
	});
});
