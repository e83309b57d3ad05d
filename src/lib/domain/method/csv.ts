/**
 * Minimal RFC 4180 reader and writer. Spreadsheets are how secretaries and doctors will
 * exchange the motifs table, so the files come from Excel or LibreOffice in French locales
 * (semicolon separator, BOM) as often as from anything else.
 */

export type Delimiter = ',' | ';';

export type CsvRecord = {
	/** Physical line (1-based) where the record starts; quoted newlines make it differ from the index. */
	line: number;
	cells: string[];
};

export type CsvParseResult =
	| { ok: true; records: CsvRecord[] }
	| { ok: false; line: number; code: 'unterminated_quote' | 'invalid_quote' };

const BOM = '\uFEFF';

export function stripBom(text: string): string {
	return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/**
 * Guesses the separator from the header line: French spreadsheet software writes `;`
 * because `,` is the decimal separator there. Ties go to the RFC default `,`.
 */
export function detectDelimiter(text: string): Delimiter {
	const firstLine = stripBom(text).split(/\r\n|\n|\r/, 1)[0] ?? '';
	const semicolons = firstLine.split(';').length - 1;
	const commas = firstLine.split(',').length - 1;
	return semicolons > commas ? ';' : ',';
}

/**
 * Parses CSV text into records. Accepts CRLF, LF or CR line ends, quoted fields with
 * doubled quotes and embedded line breaks. A quote inside an unquoted field, or text after
 * a closing quote, is refused rather than guessed at: a silently shifted column in a
 * clinical table is worse than an error.
 */
export function parseCsv(input: string, delimiter: Delimiter): CsvParseResult {
	const text = stripBom(input);
	const records: CsvRecord[] = [];
	let cells: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let inQuotes = false;
	let afterClosingQuote = false;

	const endRecord = () => {
		cells.push(field);
		// A blank line is not a record: spreadsheets often leave one at the end.
		if (!(cells.length === 1 && cells[0] === '' && !afterClosingQuote)) {
			records.push({ line: recordLine, cells });
		}
		cells = [];
		field = '';
		afterClosingQuote = false;
	};

	for (let i = 0; i < text.length; i++) {
		const char = text.charAt(i);
		if (inQuotes) {
			if (char === '"') {
				if (text.charAt(i + 1) === '"') {
					field += '"';
					i++;
				} else {
					inQuotes = false;
					afterClosingQuote = true;
				}
			} else {
				if (char === '\n' || (char === '\r' && text.charAt(i + 1) !== '\n')) line++;
				field += char;
			}
			continue;
		}
		if (char === delimiter) {
			cells.push(field);
			field = '';
			afterClosingQuote = false;
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text.charAt(i + 1) === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else if (afterClosingQuote) {
			return { ok: false, line, code: 'invalid_quote' };
		} else if (char === '"') {
			if (field !== '') return { ok: false, line, code: 'invalid_quote' };
			inQuotes = true;
		} else {
			field += char;
		}
	}
	if (inQuotes) return { ok: false, line: recordLine, code: 'unterminated_quote' };
	if (field !== '' || cells.length > 0 || afterClosingQuote) endRecord();
	return { ok: true, records };
}

/**
 * Characters that make spreadsheet software treat a cell as a formula (CSV injection,
 * OWASP list), also when preceded by spaces, which some software skips.
 */
export function startsLikeFormula(cell: string): boolean {
	return /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell);
}

/**
 * A cell that starts like a formula once its leading single quotes are set aside. Quotes
 * count so that a value typed as `'=x` (or `'` before a line break) is escaped too, and the
 * round trip below stays exact.
 */
function needsEscape(cell: string): boolean {
	return startsLikeFormula(cell.replace(/^'+/, ''));
}

/** Prefixing a single quote makes spreadsheets show the cell as text instead of running it. */
export function neutraliseFormula(cell: string): string {
	return needsEscape(cell) ? `'${cell}` : cell;
}

/**
 * The inverse of `neutraliseFormula` for a cell read back: the app's own export re-imports
 * unchanged instead of keeping the quote for good. A cell from elsewhere that begins with
 * a quote before a formula loses that one quote, as a spreadsheet would show it.
 */
export function restoreFormula(cell: string): string {
	return cell.startsWith("'") && needsEscape(cell.slice(1)) ? cell.slice(1) : cell;
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, whatever the delimiter. */
function quoteCell(cell: string, delimiter: Delimiter): string {
	const needsQuotes = cell.includes(delimiter) || /[",\r\n]/.test(cell);
	return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Writes records as CSV with CRLF line ends (RFC 4180). Every cell is neutralised against
 * formula injection before quoting, since the file is meant to be opened in a spreadsheet.
 */
export function formatCsv(
	rows: readonly (readonly string[])[],
	options: { delimiter?: Delimiter; bom?: boolean } = {}
): string {
	const delimiter = options.delimiter ?? ',';
	const body = rows
		.map((row) => row.map((cell) => quoteCell(neutraliseFormula(cell), delimiter)).join(delimiter))
		.map((line) => `${line}\r\n`)
		.join('');
	return options.bom ? `${BOM}${body}` : body;
}
