import type { CnilPiaFile, CnilPiaProblem } from './cnil-pia-format';

/**
 * One text of the file (an answer, a measure's description, a comment, an evaluation) is at
 * most this many characters: 20 notes. A real analysis is far below (the CNIL example's
 * longest text is under 3,000); 9 MB of text in one answer once held the server for 210 s.
 */
export const MAX_TEXT_CHARS = 100_000;
/** Notes (step comments) one import writes at most; the CNIL example needs about 80. */
export const MAX_NOTES = 2000;

/** The file is readable but over the import's limits; nothing is written. */
export class ImportLimitError extends Error {
	constructor(
		readonly problem: Extract<CnilPiaProblem, { code: 'text_too_long' | 'too_many_notes' }>
	) {
		super(`cnil_import_${problem.code}`);
	}
}

export function checkLength(where: string, text: string): void {
	// text.length bounds the code points from above: the exact count only when needed.
	if (text.length > MAX_TEXT_CHARS && [...text].length > MAX_TEXT_CHARS) {
		throw new ImportLimitError({
			code: 'text_too_long',
			details: [`${where} (${[...text].length} caractères)`],
			max: MAX_TEXT_CHARS
		});
	}
}

/**
 * A text's HTML may be longer than its text (markup, entities), but not without bound:
 * over this many characters of source, a text is refused before it is read at all, so a
 * 10 MB answer costs a length comparison, not a conversion.
 */
export const MAX_SOURCE_CHARS = 5 * MAX_TEXT_CHARS;

function checkSource(where: string, length: number): void {
	if (length > MAX_SOURCE_CHARS) {
		throw new ImportLimitError({
			code: 'text_too_long',
			details: [`${where} (${length} caractères)`],
			max: MAX_TEXT_CHARS
		});
	}
}

const lengthOf = (text: string | null | undefined) => text?.length ?? 0;

/** Refuses any text of the file too long to be kept, before anything is converted. */
export function checkSources(file: CnilPiaFile): void {
	for (const a of file.answers) {
		checkSource(`question ${a.reference_to}`, lengthOf(a.data.text));
		const list = a.data.list ?? [];
		checkSource(
			`question ${a.reference_to} (liste)`,
			list.reduce((sum, item) => sum + item.length + 1, 0)
		);
	}
	for (const m of file.measures) {
		checkSource(`mesure ${String(m.id)}`, lengthOf(m.title) + lengthOf(m.content));
	}
	for (const e of file.evaluations) {
		const where = `évaluation ${e.reference_to.slice(0, 40)}`;
		checkSource(where, lengthOf(e.evaluation_comment) + lengthOf(e.action_plan_comment));
	}
	for (const c of file.comments) {
		checkSource(`commentaire ${String(c.reference_to).slice(0, 40)}`, lengthOf(c.description));
	}
	const pia = file.pia as Record<string, unknown>;
	for (const [field, value] of Object.entries(pia)) {
		if (typeof value === 'string') checkSource(`fiche du PIA, ${field.slice(0, 40)}`, value.length);
	}
}
