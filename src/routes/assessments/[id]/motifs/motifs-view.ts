import { m } from '$lib/paraglide/messages';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import {
	MOTIF_DECISIONS,
	PRACTITIONER_LABELS,
	PRACTITIONER_TYPES,
	SENSITIVITY_FLAGS,
	VISIT_KINDS,
	type MotifDecision,
	type PractitionerType,
	type SensitivityFlag
} from '$lib/domain/knowledge/motif-vocabulary';
import { defaultDecision, MOTIF_LIMITS, type Motif } from '$lib/domain/method/motifs';
import { MOTIF_CSV_COLUMNS } from '$lib/domain/method/motifs-csv';
import type { FieldError } from '$lib/i18n/field-errors';

export type Errors = Record<string, FieldError>;

/** What the motifs actions may send back besides the common step results. */
export interface ImportError {
	line: number;
	column?: string;
	code: string;
	expected?: string[];
	received?: string[];
}
export interface MotifsForm {
	errors?: Errors;
	draft?: unknown;
	importErrors?: ImportError[];
	importFile?: string;
	imported?: number;
	importedFile?: string;
	importConflict?: boolean;
	conflict?: { version: number; who: string };
	importFrozen?: boolean;
}

/** A row as the form shows it: a stored motif, or what the user typed in a refused save. */
export interface RowView {
	id: string;
	service: string;
	reason: string;
	practitioner: string;
	visit: string;
	durationMin: string;
	flags: string[];
	reasonCollected: boolean;
	decision: string;
	rationale: string;
}

/** Flags and decision of a row as currently ticked in the form (before saving). */
export interface LiveState {
	flags: SensitivityFlag[];
	decision: string;
}

/** A sensitive motif set online, with its index in the form. */
export interface FlaggedMotif {
	motif: Motif;
	index: number;
}

export const BLANK_ROWS = 2;
export const COLUMNS = 10;
export const BLANK: RowView = {
	id: '',
	service: '',
	reason: '',
	practitioner: '',
	visit: '',
	durationMin: '',
	flags: [],
	reasonCollected: false,
	decision: '',
	rationale: ''
};
export const DURATION_RANGE = { min: MOTIF_LIMITS.durationMin, max: MOTIF_LIMITS.durationMax };

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
export const isFlag = (v: unknown): v is SensitivityFlag =>
	typeof v === 'string' && (SENSITIVITY_FLAGS as readonly string[]).includes(v);

export function toView(raw: unknown): RowView {
	const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
	return {
		id: text(r.id),
		service: text(r.service),
		reason: text(r.reason),
		practitioner: text(r.practitioner),
		visit: text(r.visit),
		durationMin: text(r.durationMin),
		flags: Array.isArray(r.flags) ? r.flags.map(text) : [],
		reasonCollected: r.reasonCollected === true,
		decision: text(r.decision),
		rationale: text(r.rationale)
	};
}

/** The decision the row will have once saved: blank rows follow the default rule. */
export function effectiveDecision(state: LiveState | undefined): MotifDecision | '' {
	if (!state) return '';
	if ((MOTIF_DECISIONS as readonly string[]).includes(state.decision))
		return state.decision as MotifDecision;
	return state.decision === '' ? defaultDecision(state.flags) : '';
}

/** Existing rows grouped by service, in order of first appearance. */
export function groupByService(rows: readonly RowView[]): { service: string; indices: number[] }[] {
	const byService: Record<string, number[]> = {};
	const order: string[] = [];
	rows.forEach((r, i) => {
		const key = r.service.trim();
		if (!byService[key]) {
			byService[key] = [];
			order.push(key);
		}
		byService[key].push(i);
	});
	return order.map((service) => ({ service, indices: byService[service] ?? [] }));
}

/** How a row is named in labels and warnings; `existing` is the number of stored rows. */
export function rowName(r: RowView, index: number, existing: number, locale: Locale): string {
	if (index >= existing) return m.motifs_new_row({ n: index - existing + 1 });
	const practitioner = (PRACTITIONER_TYPES as readonly string[]).includes(r.practitioner)
		? localize(PRACTITIONER_LABELS[r.practitioner as PractitionerType], locale)
		: '';
	const reason = r.reason.trim() || m.motifs_unnamed_row({ n: index + 1 });
	return practitioner ? `${reason} (${practitioner})` : reason;
}

/** Flags may fail as a whole or on one value (`rows.3.flags.1`). */
export function flagsError(errors: Errors, index: number): FieldError | undefined {
	const key = Object.keys(errors).find(
		(k) => k === `rows.${index}.flags` || k.startsWith(`rows.${index}.flags.`)
	);
	return key ? errors[key] : undefined;
}

export const describedBy = (...ids: (string | false | undefined)[]) =>
	ids.filter(Boolean).join(' ') || undefined;

// CSV import results.
const ENUM_VALUES: Record<string, string> = {
	practitioner: PRACTITIONER_TYPES.join(', '),
	visit: VISIT_KINDS.join(', '),
	decision: MOTIF_DECISIONS.join(', '),
	flags: SENSITIVITY_FLAGS.join(', '),
	reason_collected: 'yes, no, oui, non'
};
const FILE_LEVEL = ['no_file', 'not_csv', 'too_large', 'not_text', 'empty'];

function importReason(e: ImportError): string {
	switch (e.code) {
		case 'no_file':
			return m.motifs_import_no_file();
		case 'not_csv':
			return m.motifs_import_not_csv();
		case 'too_large':
			return m.motifs_import_too_large();
		case 'not_text':
			return m.motifs_import_not_text();
		case 'empty':
			return m.motifs_import_empty();
		case 'unterminated_quote':
			return m.motifs_import_unterminated_quote();
		case 'invalid_quote':
			return m.motifs_import_invalid_quote();
		case 'columns':
			return m.motifs_import_columns({
				expected: (e.expected ?? MOTIF_CSV_COLUMNS).join(', '),
				received: e.received?.length ? e.received.join(', ') : m.motifs_none()
			});
		case 'column_count':
			return m.motifs_import_column_count();
		case 'too_many_rows':
			return m.motifs_import_too_many_rows({ max: MOTIF_LIMITS.rows });
		case 'formula':
			return m.motifs_import_formula();
		case 'duplicate':
			return m.motifs_import_duplicate();
	}
	if (e.column === 'duration_min') return m.motifs_import_duration(DURATION_RANGE);
	if (e.code === 'invalid_value' || e.code === 'invalid_type') {
		const values = e.column ? ENUM_VALUES[e.column] : undefined;
		return values ? m.motifs_import_invalid_value({ values }) : m.motifs_import_invalid();
	}
	if (e.code === 'too_small')
		return e.column === 'rationale'
			? m.motifs_import_rationale_required()
			: m.motifs_import_required();
	if (e.code === 'too_big') return m.motifs_import_too_long();
	return m.motifs_import_invalid();
}

export function importErrorText(e: ImportError): string {
	const reason = importReason(e);
	if (e.line <= 0 || FILE_LEVEL.includes(e.code)) return reason;
	return e.column
		? m.motifs_import_where_cell({ line: e.line, column: e.column, text: reason })
		: m.motifs_import_where_line({ line: e.line, text: reason });
}
