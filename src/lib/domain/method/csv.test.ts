import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	detectDelimiter,
	formatCsv,
	neutraliseFormula,
	parseCsv,
	restoreFormula,
	startsLikeFormula
} from './csv';

describe('parseCsv', () => {
	it('reads simple records with their line numbers', () => {
		expect(parseCsv('a,b\r\nc,d\r\n', ',')).toEqual({
			ok: true,
			records: [
				{ line: 1, cells: ['a', 'b'] },
				{ line: 2, cells: ['c', 'd'] }
			]
		});
	});

	it('handles quotes, doubled quotes, delimiters and newlines inside quotes', () => {
		const result = parseCsv('a;"b ""x""; y"\n"multi\nline";z\nlast;row', ';');
		expect(result).toEqual({
			ok: true,
			records: [
				{ line: 1, cells: ['a', 'b "x"; y'] },
				{ line: 2, cells: ['multi\nline', 'z'] },
				{ line: 4, cells: ['last', 'row'] }
			]
		});
	});

	it('keeps empty cells and skips blank lines', () => {
		expect(parseCsv('a,,c\n\n,b,\n', ',')).toEqual({
			ok: true,
			records: [
				{ line: 1, cells: ['a', '', 'c'] },
				{ line: 3, cells: ['', 'b', ''] }
			]
		});
	});

	it('accepts LF, CRLF and CR line ends and a BOM', () => {
		for (const text of ['\uFEFFa,b\nc,d', 'a,b\r\nc,d', 'a,b\rc,d']) {
			const result = parseCsv(text, ',');
			expect(result.ok && result.records.map((record) => record.cells)).toEqual([
				['a', 'b'],
				['c', 'd']
			]);
		}
	});

	it('refuses an unterminated quote and stray quotes', () => {
		expect(parseCsv('a,b\n"open,c', ',')).toEqual({
			ok: false,
			line: 2,
			code: 'unterminated_quote'
		});
		expect(parseCsv('a,b"c', ',')).toMatchObject({ ok: false, code: 'invalid_quote' });
		expect(parseCsv('"a"b,c', ',')).toMatchObject({ ok: false, code: 'invalid_quote' });
	});
});

describe('detectDelimiter', () => {
	it('picks the separator of the header line', () => {
		expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
		expect(detectDelimiter('a,b,c\nx;y;z;w;v')).toBe(',');
		expect(detectDelimiter('\uFEFFservice;reason')).toBe(';');
		expect(detectDelimiter('single')).toBe(',');
	});
});

describe('formula neutralisation', () => {
	it('flags cells that spreadsheets would evaluate', () => {
		for (const cell of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx', '  =cmd']) {
			expect(startsLikeFormula(cell)).toBe(true);
			expect(neutraliseFormula(cell)).toBe(`'${cell}`);
		}
		for (const cell of ['', 'plain', "'x", 'a=b', 'x-y']) {
			expect(startsLikeFormula(cell)).toBe(false);
			expect(neutraliseFormula(cell)).toBe(cell);
		}
		// A quote typed before a formula is escaped too, so that it survives the round trip.
		expect(neutraliseFormula("'=already")).toBe("''=already");
	});

	it('restoreFormula undoes neutraliseFormula for every cell', () => {
		// Found by CI: a reason typed as a quote then a line break lost the quote on re-import.
		const cell = fc
			.tuple(fc.constantFrom('', "'", "''", '=', '\r', ' +'), fc.string())
			.map(([head, body]) => head + body);
		fc.assert(fc.property(cell, (value) => restoreFormula(neutraliseFormula(value)) === value));
	});
});

describe('formatCsv', () => {
	it('quotes only when needed and ends lines with CRLF', () => {
		expect(formatCsv([['a', 'b,c', 'say "hi"', 'two\nlines']])).toBe(
			'a,"b,c","say ""hi""","two\nlines"\r\n'
		);
		// Issue 12: RFC 4180 quotes a comma whatever the delimiter (was 'a;b,c').
		expect(formatCsv([['a', 'b,c']], { delimiter: ';' })).toBe('a;"b,c"\r\n');
	});

	it('adds a BOM on request and neutralises formulas', () => {
		expect(formatCsv([['=x', 'ok']], { bom: true })).toBe("\uFEFF'=x,ok\r\n");
	});

	it('round-trips any table of formula-free cells', () => {
		const cell = fc.string({ unit: 'grapheme' }).filter((value) => !startsLikeFormula(value));
		const table = fc
			.integer({ min: 1, max: 5 })
			.chain((width) =>
				fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
					minLength: 1,
					maxLength: 8
				})
			)
			// A row of one empty cell is written as a blank line, which the reader skips by design.
			.filter((rows) => rows.every((row) => row.length > 1 || row[0] !== ''));
		fc.assert(
			fc.property(table, fc.constantFrom<',' | ';'>(',', ';'), (rows, delimiter) => {
				const parsed = parseCsv(formatCsv(rows, { delimiter }), delimiter);
				expect(parsed.ok && parsed.records.map((record) => record.cells)).toEqual(rows);
			})
		);
	});
});
