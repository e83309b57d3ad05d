import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeRedirect } from './redirect';

const ORIGIN = 'https://aipd.chu-exemple.fr';

/** Where a browser would land, following the Location header from this origin. */
function landing(location: string): URL {
	// Browsers strip tabs and newlines from URLs before parsing (WHATWG URL standard).
	return new URL(location.replace(/[\t\n\r]/g, ''), ORIGIN);
}

describe('safeRedirect', () => {
	it('keeps a path with its query', () => {
		expect(safeRedirect('/assessments/a1/risks?tab=2')).toBe('/assessments/a1/risks?tab=2');
	});

	it('Open redirect: `/login?redirectTo=%2F%09%2Fevil` gives `Location: /\\t/evil`, which browsers read as `//evil`; `%01` in redirectTo gives a raw 500', () => {
		expect(safeRedirect('/\t/evil')).toBe('/');
		expect(safeRedirect('/\u0001')).toBe('/');
		for (const evil of ['//evil', '/\\evil', '/..//evil', 'https://evil', '/\n/evil', ' /x']) {
			expect(safeRedirect(evil, '/assessments')).toBe('/assessments');
		}
	});

	it('never leads off the origin, never returns a control character (property)', () => {
		const pieces = fc.constantFrom(
			'/',
			'\\',
			'.',
			'..',
			'\t',
			'\n',
			'\r',
			'\u0001',
			'\u007f',
			':',
			'@',
			'?',
			'#',
			'%2F',
			'%09',
			'evil.example',
			'https:',
			'a',
			' '
		);
		const target = fc.oneof(
			fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
			fc.string({ unit: 'grapheme-composite', maxLength: 20 }).map((s) => '/' + s),
			fc.webUrl()
		);
		fc.assert(
			fc.property(target, (t) => {
				const out = safeRedirect(t, '/fallback');
				// eslint-disable-next-line no-control-regex
				expect(out).not.toMatch(/[\u0000-\u001f\u007f\\]/);
				expect(out.startsWith('/') && !out.startsWith('//')).toBe(true);
				expect(landing(out).origin).toBe(ORIGIN);
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps every plain same-origin path as the browser would read it (property)', () => {
		const segment = fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/);
		fc.assert(
			fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
				const path = '/' + segments.join('/');
				expect(safeRedirect(path)).toBe(path);
			})
		);
	});
});
