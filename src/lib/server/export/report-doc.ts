/**
 * A small document model that every generated document (DPIA report, patient notice,
 * record-of-processing entry) is built into, and that the PDF and Word renderers both
 * walk: the two formats can then never say different things.
 */
import type { Locale } from '$lib/domain/knowledge/localized';
import type { Scale } from '$lib/domain/knowledge/risks/scales';

export interface Field {
	label: string;
	value: string;
}

export interface MapCell {
	severity: Scale;
	likelihood: Scale;
	level: Scale;
	/** The level's name, written in the cell so the map never relies on colour alone. */
	label: string;
}

export interface MapMarker {
	label: string;
	/** Likelihood axis, 1–4 (cell centres at whole numbers). */
	x: number;
	/** Severity axis, 1–4. */
	y: number;
	residual: boolean;
}

export type Block =
	| { kind: 'heading'; text: string }
	| { kind: 'paragraph'; text: string; tone?: 'muted' | 'strong' | 'warning' | 'mono' }
	| { kind: 'fields'; rows: Field[] }
	| { kind: 'list'; items: string[] }
	| {
			kind: 'table';
			caption: string;
			headers: string[];
			rows: string[][];
			/** Relative column widths; equal when absent. */
			widths?: number[];
	  }
	| {
			kind: 'riskMap';
			caption: string;
			severityAxis: string;
			likelihoodAxis: string;
			cells: MapCell[];
			markers: MapMarker[];
			legend: string;
	  };

export interface Section {
	/** Stable identifier (tests and anchors), never shown. */
	id: string;
	title: string;
	blocks: Block[];
	/** Start the section on a new page (PDF) / after a page break (Word). */
	newPage?: boolean;
}

export interface Cover {
	kicker: string;
	title: string;
	fields: Field[];
	note?: string;
	/** A heading block on the first page instead of a page of its own (short documents). */
	compact?: boolean;
}

export interface DocModel {
	locale: Locale;
	/** Document title (PDF metadata, Word core properties). */
	title: string;
	subject: string;
	author: string;
	cover: Cover | null;
	sections: Section[];
	/** Printed at the foot of every page, before the page number. */
	footer: string;
}

/** Every text of the document, in reading order: what a reader (or a test) finds in it. */
export function plainText(doc: DocModel): string {
	const out: string[] = [];
	if (doc.cover) {
		out.push(doc.cover.kicker, doc.cover.title);
		for (const f of doc.cover.fields) out.push(`${f.label}: ${f.value}`);
		if (doc.cover.note) out.push(doc.cover.note);
	}
	for (const s of doc.sections) {
		out.push(s.title);
		for (const b of s.blocks) {
			if (b.kind === 'heading' || b.kind === 'paragraph') out.push(b.text);
			else if (b.kind === 'fields') for (const f of b.rows) out.push(`${f.label}: ${f.value}`);
			else if (b.kind === 'list') out.push(...b.items);
			else if (b.kind === 'table') out.push(b.caption, ...b.headers, ...b.rows.flat());
			else out.push(b.caption, b.legend);
		}
	}
	return out.join('\n');
}

// Intl formatters are costly to build and cheap to use: one per locale and style.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
	const key = `${locale}:${withTime}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
			dateStyle: 'long',
			...(withTime ? { timeStyle: 'short' } : {}),
			timeZone: 'UTC'
		});
		formats.set(key, format);
	}
	return format;
}

/** `2026-11-23T15:44:42Z` → "23 novembre 2026, 15:44 UTC"; anything unparsable is kept as is. */
export function formatDateTime(value: string | Date, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(value) : value;
	if (Number.isNaN(date.getTime())) return String(value);
	const text = formatter(locale, true).format(date);
	return `${text} UTC`;
}

/** `2027-03-31` → "31 mars 2027"; empty stays empty. */
export function formatDate(value: string, locale: Locale): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	const date = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return value;
	return formatter(locale, false).format(date);
}
