/**
 * Reads a method-step form into the nested object its zod schema expects, so every
 * step works as a plain HTML form (no JavaScript needed).
 *
 * Field names are dotted paths (`purposes.0.legalBasis`); a numeric segment is an
 * array index. A one-letter prefix says how to read the value:
 *   (none)  string
 *   `o:`    optional string: empty means absent (optional selects)
 *   `b:`    boolean: true when any submitted value is "on"/"true" (pair a hidden ""
 *           with the checkbox, so that an unticked box still reads as false)
 *   `n:`    number; a value that is not a number is kept as typed, for zod to refuse
 *   `a:`    array of the submitted values (multiple checkboxes), empty values dropped
 *   `l:`    list typed in one text field, split on new lines or semicolons
 *   `c:`    country typed or picked from the suggestions: its ISO code when the text names
 *           one (countryCodeOf), else the text as typed, for zod to refuse and the form
 *           to show again; empty stays ""
 * An array item with `_remove` ticked is dropped, and so is an item whose fields are
 * all empty: forms offer blank rows to add items.
 */
import { countryCodeOf } from '$lib/domain/knowledge/countries';

type Nested = { [key: string]: unknown } | unknown[];

const PREFIXES = ['o', 'b', 'n', 'a', 'l', 'c'] as const;
type Kind = (typeof PREFIXES)[number] | 's';

export const MAX_FIELDS = 20_000;

export class FormShapeError extends Error {}

export function parseNestedForm(data: FormData): Record<string, unknown> {
	const grouped = new Map<string, { kind: Kind; values: string[] }>();
	let count = 0;
	for (const [rawKey, value] of data) {
		if (++count > MAX_FIELDS) throw new FormShapeError('too many fields');
		if (typeof value !== 'string') continue;
		const [kind, key] = splitPrefix(rawKey);
		if (!key || key.startsWith('_') || key === 'version' || key === 'intent') continue;
		const entry = grouped.get(key) ?? { kind, values: [] };
		entry.values.push(value);
		grouped.set(key, entry);
	}
	const root: Record<string, unknown> = {};
	for (const [key, { kind, values }] of grouped) {
		setPath(root, key.split('.'), convert(kind, values));
	}
	const removed = new Set(data.getAll('_remove').map(String));
	return compact(root, '', removed) as Record<string, unknown>;
}

function splitPrefix(raw: string): [Kind, string] {
	const match = /^([a-z]):(.+)$/.exec(raw);
	if (match && (PREFIXES as readonly string[]).includes(match[1]!))
		return [match[1] as Kind, match[2]!];
	return ['s', raw];
}

function convert(kind: Kind, values: string[]): unknown {
	const last = values[values.length - 1] ?? '';
	switch (kind) {
		case 'b':
			return values.some((v) => v === 'on' || v === 'true');
		case 'n': {
			const trimmed = last.trim();
			if (trimmed === '') return undefined;
			const n = Number(trimmed.replace(',', '.'));
			return Number.isFinite(n) ? n : last;
		}
		case 'a':
			return values.filter((v) => v !== '');
		case 'l':
			return last
				.split(/[\n;]/)
				.map((v) => v.trim())
				.filter(Boolean);
		case 'o':
			return last.trim() === '' ? undefined : last;
		case 'c':
			return countryCodeOf(last) ?? last.trim();
		default:
			return last;
	}
}

const SAFE_SEGMENT = /^[A-Za-z0-9_]+$/;

function setPath(root: Record<string, unknown>, path: string[], value: unknown): void {
	let node: Record<string, unknown> = root;
	path.forEach((segment, i) => {
		// Refuse __proto__, constructor… and anything odd: field names come from the client.
		if (!SAFE_SEGMENT.test(segment) || segment === 'constructor' || segment.startsWith('__')) {
			throw new FormShapeError(`bad field name ${path.join('.')}`);
		}
		if (/^\d+$/.test(segment) && Number(segment) > 10_000)
			throw new FormShapeError('index too large');
		if (i === path.length - 1) {
			node[segment] = value;
			return;
		}
		const next = node[segment];
		if (next === undefined) node[segment] = Object.create(null) as Record<string, unknown>;
		else if (typeof next !== 'object' || next === null)
			throw new FormShapeError('conflicting field names');
		node = node[segment] as Record<string, unknown>;
	});
}

/** Turns index-keyed objects into arrays, dropping removed and blank rows. */
function compact(node: unknown, path: string, removed: Set<string>): unknown {
	if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
	const entries = Object.entries(node);
	const isArray = entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k));
	if (!isArray) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of entries) out[k] = compact(v, path ? `${path}.${k}` : k, removed);
		return out;
	}
	return entries
		.sort(([a], [b]) => Number(a) - Number(b))
		.filter(([k]) => !removed.has(`${path}.${k}`))
		.map(([k, v]) => compact(v, `${path}.${k}`, removed))
		.filter((item) => !isBlank(item));
}

function isBlank(value: unknown): boolean {
	if (value === undefined || value === '' || value === false) return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object' && value !== null) return Object.values(value).every(isBlank);
	return false;
}

export type { Nested };
