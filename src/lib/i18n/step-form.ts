/** Helpers shared by the method-step forms: rows with blanks, field ids, error texts and ARIA wiring. */
import { countryOptions } from '$lib/domain/knowledge/countries';
import { escapeHtml } from '$lib/domain/interop/html-text';
import type { Locale } from '$lib/domain/knowledge/localized';
import { fieldErrorText, type FieldError } from '$lib/i18n/field-errors';

/** Field errors of a refused save, keyed by the zod path joined with dots. */
export type Errors = Record<string, FieldError>;

/** Empty rows offered under the existing ones to add items (blank rows are dropped on save). */
const BLANK_ROWS = 2;

/** The rows of a stored step or of a refused draft, whatever shape the draft has. */
export function rowsOf<T>(value: unknown): Partial<T>[] {
	if (!Array.isArray(value)) return [];
	return value.filter((v): v is Partial<T> => typeof v === 'object' && v !== null);
}

/** The strings of a stored or drafted list, whatever else the list holds. */
export function textsOf(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A list as its one-per-line text field shows it (read back by the `l:` form prefix). */
export function linesOf(value: unknown): string {
	return textsOf(value).join('\n');
}

/** The catalogue boxes ticked in a refused draft (CatalogueMultiAdd), to show them ticked again. */
export function ticked(draft: unknown): string[] {
	return textsOf((draft as { addFromCatalogue?: unknown } | null)?.addFromCatalogue);
}

export function withBlanks<T>(rows: Partial<T>[], more = 0): Partial<T>[] {
	return [...rows, ...Array.from({ length: BLANK_ROWS + more }, () => ({}) as Partial<T>)];
}

export function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** Element id for a form path (`purposes.0.text` → `purposes-0-text`). */
export function idOf(path: string): string {
	return path.replaceAll('.', '-');
}

/** The error of a field, or of one of its items (`dataInventory.0.fields.3`). */
export function errorText(errors: Errors, path: string): string | undefined {
	const key = path in errors ? path : Object.keys(errors).find((k) => k.startsWith(`${path}.`));
	return key ? fieldErrorText(errors[key]) : undefined;
}

/** aria-invalid / aria-describedby of a field, pointing at its hint and its error. */
export function ariaFor(errors: Errors, path: string, hintId?: string) {
	const invalid = errorText(errors, path) !== undefined;
	const describedBy = [hintId, invalid ? `${idOf(path)}-error` : undefined]
		.filter(Boolean)
		.join(' ');
	return {
		'aria-invalid': invalid ? ('true' as const) : undefined,
		'aria-describedby': describedBy || undefined
	};
}

const datalistCache = new Map<Locale, string>();

/**
 * The suggestions of every country field of a page, as one HTML string of `<option>`s for
 * a single `<datalist>` (CountryList.svelte). A select per field repeated 250 options
 * each time: on the context page, one per actor, they were half of its 188 kB of HTML.
 * Built once per language; names are escaped.
 */
export function countryDatalistHtml(locale: Locale): string {
	let html = datalistCache.get(locale);
	if (!html) {
		html = countryOptions(locale)
			.map((c) => `<option value="${escapeHtml(c.name)}"></option>`)
			.join('');
		datalistCache.set(locale, html);
	}
	return html;
}
