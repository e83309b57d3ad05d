import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bookingMotifs } from '../knowledge/booking-template-motifs';
import {
	MOTIF_DECISIONS,
	PRACTITIONER_TYPES,
	SENSITIVITY_FLAGS,
	VISIT_KINDS
} from '../knowledge/motif-vocabulary';
import { MOTIF_CSV_COLUMNS, motifsToCsv, parseMotifsCsv } from './motifs-csv';
import { motifSchema, type Motif } from './motifs';
import { formatCsv } from './csv';

const HEADER = MOTIF_CSV_COLUMNS.join(',');
const template = bookingMotifs('fr').rows;
const keepIds = (rows: readonly Motif[]) => (index: number) => rows[index]?.id ?? 'missing';

function errorsOf(text: string) {
	const result = parseMotifsCsv(text);
	if (result.ok) throw new Error('expected the import to fail');
	return result.errors;
}

describe('motifsToCsv', () => {
	it('writes the fixed English header and one line per motif', () => {
		const csv = motifsToCsv(template);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(HEADER);
		expect(lines).toHaveLength(template.length + 2);
		expect(lines.at(-1)).toBe('');
		expect(csv).toContain('abortion|minors');
		expect(csv).not.toContain('gyn-abortion');
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		const [first] = template;
		if (!first) throw new Error('template is empty');
		const rows = [
			{ ...first, reason: '=HYPERLINK("http://evil")', rationale: '@SUM(1)' },
			{ ...first, id: 'x', reason: '+33 6 00', rationale: '-1' },
			{ ...first, id: 'y', reason: '\tTab', rationale: '\rCR' }
		];
		const lines = motifsToCsv(rows).split('\r\n');
		expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
		expect(lines[1]).toContain("'@SUM(1)");
		expect(lines[2]).toContain("'+33 6 00");
		expect(lines[2]).toContain("'-1");
		expect(lines[3]).toContain("'\tTab");
		expect(lines[3]).toContain(`"'\rCR"`);
	});
});

describe('parseMotifsCsv round trip', () => {
	it('gives back the template rows with either delimiter, with or without BOM', () => {
		for (const delimiter of [',', ';'] as const) {
			for (const bom of [false, true]) {
				const csv = motifsToCsv(template, { delimiter, bom });
				expect(parseMotifsCsv(csv, { idFor: keepIds(template) })).toEqual({
					ok: true,
					rows: template
				});
			}
		}
	});

	it('numbers new ids by default', () => {
		const result = parseMotifsCsv(motifsToCsv(template.slice(0, 2)));
		expect(result.ok && result.rows.map((row) => row.id)).toEqual(['imported-1', 'imported-2']);
	});

	it('keeps quoted newlines, quotes and delimiters inside cells', () => {
		const [first] = template;
		if (!first) throw new Error('template is empty');
		const row = { ...first, rationale: 'Ligne 1\nLigne 2, avec "guillemets"; et point-virgule' };
		const result = parseMotifsCsv(motifsToCsv([row], { delimiter: ';' }), {
			idFor: () => row.id
		});
		expect(result).toEqual({ ok: true, rows: [row] });
	});

	it('round-trips any valid formula-free motif', () => {
		const text = (max: number) =>
			fc
				.string({ unit: 'grapheme', maxLength: max })
				.map((value) => value.trim())
				.filter((value) => !/^[\s=+\-@'"]/.test(value) && !/[\s]$/.test(value));
		const motif = fc.record({
			id: fc.constant('m'),
			service: text(40).filter((value) => value !== ''),
			reason: text(40).filter((value) => value !== ''),
			practitioner: fc.constantFrom(...PRACTITIONER_TYPES),
			visit: fc.constantFrom(...VISIT_KINDS),
			durationMin: fc.integer({ min: 5, max: 240 }),
			flags: fc.uniqueArray(fc.constantFrom(...SENSITIVITY_FLAGS)),
			reasonCollected: fc.boolean(),
			decision: fc.constantFrom(...MOTIF_DECISIONS),
			rationale: text(80).filter((value) => value !== '')
		});
		fc.assert(
			fc.property(fc.array(motif, { maxLength: 5 }), (rows) => {
				const sorted = rows.map((row) => ({
					...row,
					flags: SENSITIVITY_FLAGS.filter((flag) => row.flags.includes(flag))
				}));
				const result = parseMotifsCsv(motifsToCsv(sorted), { idFor: () => 'm' });
				expect(result).toEqual({ ok: true, rows: sorted });
			})
		);
	});
});

describe('parseMotifsCsv errors', () => {
	it('names the expected columns when the header is wrong', () => {
		const errors = errorsOf('service,motif,duration\nA,B,10');
		expect(errors).toEqual([
			{
				line: 1,
				code: 'columns',
				expected: MOTIF_CSV_COLUMNS,
				received: ['service', 'motif', 'duration']
			}
		]);
	});

	it('refuses a missing, an extra or a repeated column', () => {
		const missing = MOTIF_CSV_COLUMNS.slice(1).join(',');
		const extra = `${HEADER},comment`;
		const repeated = `${HEADER.replace('rationale', 'service')}`;
		for (const header of [missing, extra, repeated]) {
			expect(errorsOf(`${header}\n`)).toMatchObject([{ line: 1, code: 'columns' }]);
		}
	});

	it('accepts columns in another order and header names in any case', () => {
		const header = [...MOTIF_CSV_COLUMNS].reverse().join(';').toUpperCase();
		const line = ['', 'online', 'no', '', '15', 'follow_up', 'nurse', 'Pansement', 'Soins'].join(
			';'
		);
		const result = parseMotifsCsv(`${header}\n${line}\n`);
		expect(result.ok && result.rows[0]).toMatchObject({
			service: 'Soins',
			reason: 'Pansement',
			practitioner: 'nurse',
			durationMin: 15,
			flags: [],
			decision: 'online'
		});
	});

	it('refuses a cell starting like a formula, naming its line and column', () => {
		const good = 'Pédiatrie,Suivi,doctor,follow_up,20,,no,online,';
		const bad = 'Pédiatrie,=cmd|calc,doctor,follow_up,20,,no,online,@x';
		expect(errorsOf(`${HEADER}\n${good}\n${bad}\n`)).toEqual([
			{ line: 3, column: 'reason', code: 'formula' },
			{ line: 3, column: 'rationale', code: 'formula' }
		]);
	});

	it('reports invalid values with the zod issue code and the column', () => {
		const line = 'Pédiatrie,Suivi,surgeon,follow_up,300,gossip,maybe,online,';
		const errors = errorsOf(`${HEADER}\n${line}`);
		expect(errors).toEqual([
			{ line: 2, column: 'practitioner', code: 'invalid_value' },
			{ line: 2, column: 'duration_min', code: 'too_big' },
			{ line: 2, column: 'flags', code: 'invalid_value' },
			{ line: 2, column: 'reason_collected', code: 'invalid_type' }
		]);
	});

	it('reports repeated flags and a sensitive motif online without rationale', () => {
		const line =
			'Gynéco,IVG,doctor,first,30,abortion|abortion,no,kept,\nGynéco,IVG,doctor,first,30,abortion,no,online,';
		expect(errorsOf(`${HEADER}\n${line}`)).toEqual([
			{ line: 2, column: 'flags', code: 'duplicate' },
			{ line: 3, column: 'rationale', code: 'too_small' }
		]);
	});

	it('reports lines with the wrong number of cells and unterminated quotes', () => {
		expect(errorsOf(`${HEADER}\nonly,three,cells`)).toEqual([{ line: 2, code: 'column_count' }]);
		expect(errorsOf(`${HEADER}\n"open,x`)).toEqual([{ line: 2, code: 'unterminated_quote' }]);
	});

	it('refuses empty and oversized files', () => {
		expect(errorsOf('')).toEqual([{ line: 1, code: 'empty' }]);
		expect(errorsOf('\uFEFF\r\n')).toEqual([{ line: 1, code: 'empty' }]);
		expect(errorsOf('x'.repeat(1_000_001))).toEqual([{ line: 1, code: 'too_large' }]);
	});

	it('refuses more than 500 rows', () => {
		const line = 'Pédiatrie,Suivi,doctor,follow_up,20,,no,online,';
		const csv = [HEADER, ...Array.from({ length: 501 }, () => line)].join('\n');
		expect(errorsOf(csv)).toEqual([{ line: 502, code: 'too_many_rows' }]);
	});

	it('accepts a header-only file as an empty table', () => {
		expect(parseMotifsCsv(`${HEADER}\r\n`)).toEqual({ ok: true, rows: [] });
	});

	it('reads yes/no in English or French and trims cells', () => {
		const line =
			' Pédiatrie , Suivi ,Doctor,FOLLOW_UP,20, Minors | needs_triage ,Oui,kept, Raison ';
		const result = parseMotifsCsv(`${HEADER}\n${line}`);
		expect(result.ok && result.rows[0]).toMatchObject({
			service: 'Pédiatrie',
			reason: 'Suivi',
			practitioner: 'doctor',
			visit: 'follow_up',
			flags: ['minors', 'needs_triage'],
			reasonCollected: true,
			rationale: 'Raison'
		});
	});
});

// Issue 12 (CSV per RFC 4180): regression tests named after the finding.
describe('CSV findings of issue 12', () => {
	it('CSV cells containing a comma are quoted', () => {
		const row = { ...template[0]!, reason: 'Suivi, contrôle', service: 'Dit "urgent"' };
		const line = motifsToCsv([row], { delimiter: ';' }).split('\r\n')[1]!;
		expect(line).toContain('"Suivi, contrôle"');
		expect(line).toContain('"Dit ""urgent"""');
		expect(formatCsv([['a\rb', 'c\nd', 'e']])).toBe('"a\rb","c\nd",e\r\n');
	});

	it("re-importing the app's own motifs export leaves values unchanged", () => {
		// Values a spreadsheet would run, quotes, commas and line breaks included.
		const tricky = fc
			.tuple(
				fc.constantFrom('', '=', '+', '-', '@', ' -', "'x"),
				fc.string({ maxLength: 20 }),
				fc.constantFrom('', ',', '"', '\n', '\r\n', ';')
			)
			.map(([head, body, tail]) => `${head}${body}${tail}x`.trim())
			.filter((value) => value !== '' && value.length <= 80);
		fc.assert(
			fc.property(tricky, tricky, tricky, fc.constantFrom(',', ';'), (service, reason, why, d) => {
				const row = { ...template[0]!, id: 'm', service, reason, rationale: why };
				const parsed = motifSchema.safeParse(row);
				fc.pre(parsed.success);
				const motif = parsed.success ? parsed.data : row;
				const delimiter = d as ',' | ';';
				const result = parseMotifsCsv(motifsToCsv([motif], { delimiter }), { idFor: () => 'm' });
				expect(result).toEqual({ ok: true, rows: [motif] });
			}),
			{ numRuns: 300 }
		);
	});
});
