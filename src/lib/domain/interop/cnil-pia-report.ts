import type { ImportedStep } from './cnil-pia-mapping';

/**
 * What an import did with a CNIL PIA file, shown on the new assessment's import report page.
 * It is kept in the one-line summary of the import's audit entry (no other storage: the
 * entry is written in the import's transaction, is append-only and hash-chained); the notes
 * themselves are the import's step comments, which the page lists from their headers.
 */
export type ImportReport = {
	counts: { answers: number; measures: number; evaluations: number; comments: number };
	/** Questions whose text went into a workbench field (the mapping table says which). */
	fields: number[];
	/** CNIL items imported as workbench risks ('3.2', '3.3', '3.4'). */
	risks: string[];
	/** Measures of section 3.1 attached to a risk. */
	measuresAttached: number;
	/** Steps that received a verdict from the file's evaluations. */
	evaluated: ImportedStep[];
	/** Step comments written (a long text makes several). */
	notes: number;
	/** Evaluations and comments whose reference points nowhere, kept as notes. */
	orphans: number;
	/** Importer's warnings (unrated gauge, cut title…), kept as notes. */
	warnings: number;
};

const STEPS: readonly ImportedStep[] = ['context', 'principles', 'risks'];

/**
 * The audit summary of an import: readable in a log, and read back by `parseImportSummary`.
 * The file name comes last, quoted, cut so that the whole stays under the summary's 500
 * characters.
 */
export function formatImportSummary(fileName: string, r: ImportReport): string {
	const c = r.counts;
	const head =
		`imported from CNIL PIA file: ${c.answers} answers, ${c.measures} measures, ` +
		`${c.evaluations} evaluations, ${c.comments} comments; ${r.notes} notes kept ` +
		`(${r.orphans} unresolved references, ${r.warnings} warnings); ` +
		`fields ${r.fields.join(' ') || '-'}; risks ${r.risks.join(' ') || '-'}; ` +
		`measures attached ${r.measuresAttached}; evaluated ${r.evaluated.join(' ') || '-'}; file `;
	const room = 490 - head.length;
	const name = [...fileName.replace(/[\r\n"]+/g, ' ')].slice(0, Math.max(room, 0)).join('');
	return `${head}"${name}"`;
}

const SUMMARY =
	/^imported from CNIL PIA file: (\d+) answers, (\d+) measures, (\d+) evaluations, (\d+) comments; (\d+) notes kept \((\d+) unresolved references, (\d+) warnings\); fields ([\d ]+|-); risks ([\d. ]+|-); measures attached (\d+); evaluated ([a-z ]+|-); file "(.*)"$/;

const list = (text: string) => (text === '-' ? [] : text.split(' '));

/** Reads a summary written by `formatImportSummary`; null for any other text. */
export function parseImportSummary(
	summary: string
): { fileName: string; report: ImportReport } | null {
	const m = SUMMARY.exec(summary);
	if (!m) return null;
	const n = (i: number) => Number(m[i]);
	return {
		fileName: m[12] ?? '',
		report: {
			counts: { answers: n(1), measures: n(2), evaluations: n(3), comments: n(4) },
			notes: n(5),
			orphans: n(6),
			warnings: n(7),
			fields: list(m[8] ?? '-').map(Number),
			risks: list(m[9] ?? '-'),
			measuresAttached: n(10),
			evaluated: list(m[11] ?? '-').filter((s): s is ImportedStep =>
				(STEPS as readonly string[]).includes(s)
			)
		}
	};
}
