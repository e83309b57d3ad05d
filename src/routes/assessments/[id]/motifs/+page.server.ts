import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { SENSITIVITY_FLAGS, type SensitivityFlag } from '$lib/domain/knowledge/motif-vocabulary';
import { defaultDecision, motifsSchema } from '$lib/domain/method/motifs';
import { parseMotifsCsv } from '$lib/domain/method/motifs-csv';
import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import { getDb } from '$lib/server/db';
import { formFail } from '$lib/server/http/forms';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import * as steps from '$lib/server/steps';
import { isStale } from '$lib/server/versioned';
import { conflictFail } from '$lib/server/http/conflict';
import { assessmentSteps } from '$lib/server/db/schema';
import type { Actions, PageServerLoad } from './$types';

/** What the import form accepts: a motifs table is a few kilobytes. */
const MAX_FILE_BYTES = 1_000_000;
/** Column names echoed back in a "wrong columns" message are cut to these sizes. */
const MAX_ECHOED_COLUMNS = 20;
const MAX_ECHOED_NAME = 40;

const isFlag = (value: unknown): value is SensitivityFlag =>
	typeof value === 'string' && (SENSITIVITY_FLAGS as readonly string[]).includes(value);

const asRecord = (value: unknown): Record<string, unknown> | null =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: null;

/**
 * Rows added in the blank lines of the form come without an id and, unless the user chose
 * one, without a decision. They get an id derived from their content (so that a double
 * click resubmits the same table and is recognised as such) and the default decision, which
 * keeps any sensitive reason with the secretaries. Existing rows are left untouched.
 */
function fillNewRows(draft: unknown): unknown {
	const root = asRecord(draft);
	if (!root || !Array.isArray(root.rows)) return draft;
	const taken = new Set(
		root.rows
			.map((row) => asRecord(row)?.id)
			.filter((id): id is string => typeof id === 'string' && id.trim() !== '')
			.map((id) => id.trim())
	);
	const rows = root.rows.map((row) => {
		const motif = asRecord(row);
		if (!motif || (typeof motif.id === 'string' && motif.id.trim() !== '')) return row;
		const flags = Array.isArray(motif.flags) ? motif.flags.filter(isFlag) : [];
		const base =
			'm-' +
			createHash('sha256')
				.update(JSON.stringify([motif.service, motif.reason, motif.practitioner, motif.visit]))
				.digest('hex')
				.slice(0, 10);
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		taken.add(id);
		return {
			...motif,
			id,
			decision:
				motif.decision === undefined || motif.decision === ''
					? defaultDecision(flags)
					: motif.decision
		};
	});
	return { ...root, rows };
}

const motifsWithNewRows = z.preprocess(fillNewRows, motifsSchema);

const base = stepLoad('motifs');
const extras = stepExtrasLoad('motifs');

export const load: PageServerLoad = (event) => ({ ...base(event), ...extras(event) });

const versionSchema = z.coerce.number().int().positive();

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

export const actions: Actions = {
	...stepActions('motifs', motifsWithNewRows),
	...stepExtrasActions('motifs'),

	/** Replaces the whole table with a CSV file, all or nothing. */
	importCsv: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const { assessment, membership } = requireAssessment(
			db,
			user,
			event.params.id ?? '',
			'step.edit'
		);
		const actor = { ...actorOf(user, membership), userId: user.id };

		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			error(400, { message: 'bad_form' });
		}
		const version = versionSchema.safeParse(form.get('version'));
		if (!version.success) error(400, { message: 'bad_form' });

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
		try {
			const { row } = steps.saveContent(db, actor, assessment, 'motifs', content, version.data);
			return { imported: content.rows.length, importedFile: fileName, saved: row.version };
		} catch (e) {
			if (isStale(e, assessmentSteps)) {
				// A file cannot be sent back: the page names it and asks to import it again.
				return conflictFail(db, e, {}, { extra: { importConflict: true, importFile: fileName } });
			}
			if (e instanceof steps.FrozenError) return formFail(409, {}, {}, { importFrozen: true });
			throw e;
		}
	}
};
