import {
	detectDelimiter,
	formatCsv,
	parseCsv,
	restoreFormula,
	startsLikeFormula,
	type Delimiter
} from './csv';
import { MOTIF_LIMITS, motifSchema, type Motif } from './motifs';

/**
 * Column names are fixed and English whatever the UI language, so that a file exported by
 * a French user imports for an English one and the other way round.
 */
export const MOTIF_CSV_COLUMNS = [
	'service',
	'reason',
	'practitioner',
	'visit',
	'duration_min',
	'flags',
	'reason_collected',
	'decision',
	'rationale'
] as const;

export type MotifCsvColumn = (typeof MOTIF_CSV_COLUMNS)[number];

/** Separator of the flags inside their cell; neither `,` nor `;` so it never needs quoting. */
export const FLAG_SEPARATOR = '|';

/** Guards the server: a motifs file is a few kilobytes; anything far above is a mistake. */
export const MAX_CSV_CHARS = 1_000_000;

/** At most this many errors are returned: enough to fix a file, small enough to display. */
export const MAX_CSV_ERRORS = 100;

export type MotifCsvError = {
	line: number;
	column?: MotifCsvColumn;
	/**
	 * `empty`, `too_large`, `unterminated_quote`, `invalid_quote`, `columns`, `column_count`,
	 * `too_many_rows`, `formula`, `duplicate`, or the zod issue code of the failed check.
	 */
	code: string;
	/** With `columns`: the header the file must have, and what it had. */
	expected?: readonly MotifCsvColumn[];
	received?: string[];
};

export type MotifCsvResult = { ok: true; rows: Motif[] } | { ok: false; errors: MotifCsvError[] };

const COLUMN_OF_FIELD: Record<Exclude<keyof Motif, 'id'>, MotifCsvColumn> = {
	service: 'service',
	reason: 'reason',
	practitioner: 'practitioner',
	visit: 'visit',
	durationMin: 'duration_min',
	flags: 'flags',
	reasonCollected: 'reason_collected',
	decision: 'decision',
	rationale: 'rationale'
};

function columnOf(field: PropertyKey | undefined): MotifCsvColumn | undefined {
	return typeof field === 'string' && Object.hasOwn(COLUMN_OF_FIELD, field)
		? COLUMN_OF_FIELD[field as keyof typeof COLUMN_OF_FIELD]
		: undefined;
}

function toCells(row: Motif): Record<MotifCsvColumn, string> {
	return {
		service: row.service,
		reason: row.reason,
		practitioner: row.practitioner,
		visit: row.visit,
		duration_min: String(row.durationMin),
		flags: row.flags.join(FLAG_SEPARATOR),
		reason_collected: row.reasonCollected ? 'yes' : 'no',
		decision: row.decision,
		rationale: row.rationale
	};
}

/**
 * Exports the motifs table. Ids are left out: they are internal, and an imported file
 * creates new rows. Cells that a spreadsheet would run as a formula are prefixed with `'`.
 */
export function motifsToCsv(
	rows: readonly Motif[],
	options: { delimiter?: Delimiter; bom?: boolean } = {}
): string {
	const lines = [
		[...MOTIF_CSV_COLUMNS],
		...rows.map((row) => {
			const cells = toCells(row);
			return MOTIF_CSV_COLUMNS.map((column) => cells[column]);
		})
	];
	return formatCsv(lines, options);
}

const TRUE_WORDS = new Set(['yes', 'true', '1', 'oui']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'non']);

/**
 * Turns the cells of one line into the shape the schema checks. Unreadable values are
 * passed through unchanged so that the schema reports them with its usual issue code.
 */
function toCandidate(cells: Record<MotifCsvColumn, string>, id: string): Record<string, unknown> {
	const duration = cells.duration_min.trim();
	const collected = cells.reason_collected.trim().toLowerCase();
	return {
		id,
		service: cells.service,
		reason: cells.reason,
		practitioner: cells.practitioner.trim().toLowerCase(),
		visit: cells.visit.trim().toLowerCase(),
		durationMin: /^\d+$/.test(duration) ? Number(duration) : duration,
		flags: cells.flags
			.split(FLAG_SEPARATOR)
			.map((flag) => flag.trim().toLowerCase())
			.filter((flag) => flag !== ''),
		reasonCollected: TRUE_WORDS.has(collected)
			? true
			: FALSE_WORDS.has(collected)
				? false
				: cells.reason_collected,
		decision: cells.decision.trim().toLowerCase(),
		rationale: cells.rationale
	};
}

function headerError(header: string[]): MotifCsvError | undefined {
	const expected = new Set<string>(MOTIF_CSV_COLUMNS);
	const seen = new Set(header);
	const valid =
		header.length === MOTIF_CSV_COLUMNS.length &&
		seen.size === header.length &&
		header.every((name) => expected.has(name));
	return valid
		? undefined
		: { line: 1, code: 'columns', expected: MOTIF_CSV_COLUMNS, received: header };
}

/**
 * Imports a motifs table. Columns may come in any order but must be exactly the expected
 * ones. The import is all or nothing: any error refuses the whole file, and a cell that
 * starts like a formula is refused rather than cleaned, since its origin is unknown.
 * `idFor` lets the caller allocate ids; the default numbers the data lines from 1.
 */
export function parseMotifsCsv(
	text: string,
	options: { idFor?: (index: number) => string } = {}
): MotifCsvResult {
	const idFor = options.idFor ?? ((index: number) => `imported-${index + 1}`);
	if (text.length > MAX_CSV_CHARS) return { ok: false, errors: [{ line: 1, code: 'too_large' }] };

	const parsed = parseCsv(text, detectDelimiter(text));
	if (!parsed.ok) return { ok: false, errors: [{ line: parsed.line, code: parsed.code }] };
	const [headerRecord, ...records] = parsed.records;
	if (!headerRecord) return { ok: false, errors: [{ line: 1, code: 'empty' }] };

	const header = headerRecord.cells.map((name) => name.trim().toLowerCase());
	const wrongHeader = headerError(header);
	if (wrongHeader) return { ok: false, errors: [wrongHeader] };
	const columns = header as MotifCsvColumn[];

	if (records.length > MOTIF_LIMITS.rows) {
		const line = records[MOTIF_LIMITS.rows]?.line ?? 1;
		return { ok: false, errors: [{ line, code: 'too_many_rows' }] };
	}

	const errors: MotifCsvError[] = [];
	const rows: Motif[] = [];
	records.forEach((record, index) => {
		if (record.cells.length !== columns.length) {
			errors.push({ line: record.line, code: 'column_count' });
			return;
		}
		const cells = {} as Record<MotifCsvColumn, string>;
		let hasFormula = false;
		columns.forEach((column, position) => {
			const cell = record.cells[position] ?? '';
			// A quoted formula is the app's own export: read back as it was typed.
			cells[column] = restoreFormula(cell);
			if (startsLikeFormula(cell)) {
				errors.push({ line: record.line, column, code: 'formula' });
				hasFormula = true;
			}
		});
		if (hasFormula) return;

		const result = motifSchema.safeParse(toCandidate(cells, idFor(index)));
		if (result.success) {
			rows.push(result.data);
			return;
		}
		for (const issue of result.error.issues) {
			const reason = issue.code === 'custom' ? issue.params?.['reason'] : undefined;
			errors.push({
				line: record.line,
				column: columnOf(issue.path[0]),
				code: typeof reason === 'string' ? reason : issue.code
			});
		}
	});

	if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_CSV_ERRORS) };
	return { ok: true, rows };
}
