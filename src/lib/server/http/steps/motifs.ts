import { motifsSchema } from '$lib/domain/method/motifs';
import { parseMotifsCsv } from '$lib/domain/method/motifs-csv';
import { motifsContent } from '$lib/domain/method/step-defs';
import { formFail } from '../forms';
import * as steps from '../../steps';
import { attemptWrite, type StepContext } from '../step-context';
import { defineStep, formVersion } from '../step-page';

/** What the import form accepts: a motifs table is a few kilobytes. */
const MAX_FILE_BYTES = 1_000_000;
/** Column names echoed back in a "wrong columns" message are cut to these sizes. */
const MAX_ECHOED_COLUMNS = 20;
const MAX_ECHOED_NAME = 40;

/** One reason why an imported file was refused; `line` 0 means the file as a whole. */
export type ImportError = {
	line: number;
	column?: string;
	code: string;
	expected?: string[];
	received?: string[];
};

/** Decodes an upload: UTF-8 first, then Windows-1252, what Excel in French writes by default. */
function decode(bytes: ArrayBuffer): string | null {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	// A NUL byte does not occur in text: this is a workbook or another binary file.
	return text.includes('\u0000') ? null : text;
}

/** Replaces the whole table with a CSV file, all or nothing. */
async function importCsv(ctx: StepContext, form: FormData) {
	const version = formVersion(form);
	const file = form.get('file');
	const fileName = file instanceof File ? file.name.slice(0, 200) : '';
	const refuse = (importErrors: ImportError[]) =>
		formFail(400, {}, {}, { importErrors, importFile: fileName });

	if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
		return refuse([{ line: 0, code: 'no_file' }]);
	}
	if (!/\.csv$/i.test(file.name)) return refuse([{ line: 0, code: 'not_csv' }]);
	if (file.size > MAX_FILE_BYTES) return refuse([{ line: 0, code: 'too_large' }]);
	const text = decode(await file.arrayBuffer());
	if (text === null) return refuse([{ line: 0, code: 'not_text' }]);

	const result = parseMotifsCsv(text);
	if (!result.ok) {
		return refuse(
			result.errors.map((e) => ({
				line: e.line,
				code: e.code,
				...(e.column ? { column: e.column } : {}),
				...(e.expected ? { expected: [...e.expected] } : {}),
				...(e.received
					? {
							received: e.received
								.slice(0, MAX_ECHOED_COLUMNS)
								.map((name) => name.slice(0, MAX_ECHOED_NAME))
						}
					: {})
			}))
		);
	}
	// The table-wide rules (unique ids, row limit) are checked like a save.
	const content = motifsSchema.parse({ rows: result.rows });
	const outcome = attemptWrite(ctx.db, () =>
		steps.saveContent(ctx.db, ctx.actor, ctx.assessment, 'motifs', content, version)
	);
	if ('conflict' in outcome) {
		const { version: current, who } = outcome.conflict;
		return formFail(409, {}, {}, { importConflict: { version: current, who } });
	}
	if ('frozen' in outcome) return formFail(409, {}, {}, { importFrozen: true });
	if ('tooLarge' in outcome) return formFail(413, {}, {}, { tooLarge: outcome.tooLarge });
	const { row } = outcome.done;
	return { imported: content.rows.length, importedFile: fileName, saved: row.version };
}

/** Motifs: new rows filled (domain), plus the CSV import (`?/importCsv`, capability step.edit). */
export const motifsStep = defineStep({
	...motifsContent,
	actions: { importCsv: { capability: 'step.edit', run: importCsv } }
});
