/**
 * The PDF's embedded font (Roboto, shipped with pdfmake) has no glyph for a few characters
 * the app's texts use (arrows, check marks, narrow no-break space): pdfmake would print
 * nothing in their place. They are replaced by characters the font has before rendering;
 * report-glyphs.test.ts checks every character of a rendered report against the font.
 */
const REPLACEMENTS: Record<string, string> = {
	'→': '>',
	'←': '<',
	'↑': '^',
	'↓': 'v',
	'⇒': '=>',
	'⇐': '<=',
	'⟶': '>',
	'✓': '•',
	'✔': '•',
	'✗': 'x',
	'✘': 'x',
	'\u202f': '\u00a0', // narrow no-break space (French typography) -> no-break space
	'\u2009': ' ', // thin space
	'\u200b': '' // zero-width space
};

const PATTERN = new RegExp(`[${Object.keys(REPLACEMENTS).join('')}]`, 'gu');

export function pdfSafeText(text: string): string {
	return text.replace(PATTERN, (c) => REPLACEMENTS[c] ?? c);
}

/** A copy of a document model with every string made printable by the embedded font. */
export function pdfSafe<T>(value: T): T {
	if (typeof value === 'string') return pdfSafeText(value) as T;
	if (Array.isArray(value)) return value.map((v) => pdfSafe(v)) as T;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pdfSafe(v)])) as T;
	}
	return value;
}
