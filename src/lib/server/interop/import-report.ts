import { and, asc, eq } from 'drizzle-orm';
import {
	noteLabel,
	parseImportSummary,
	parseNote,
	type ImportReport,
	type ImportedStep,
	type NoteRef
} from '$lib/domain/interop/cnil-pia';
import { auditLog, stepComments } from '../db/schema';
import type { Db } from '../db';

/** Texts shown on the report page are cut here: the notes themselves are on the steps. */
const SHOWN_MAX = 1000;

export type ReportNote = {
	step: ImportedStep;
	kind: NoteRef['kind'];
	/** The note's header label, as on the step (French: it is part of the file format). */
	label: string;
	parts: number;
	chars: number;
	/** Warnings and unresolved references only: the text, cut at SHOWN_MAX characters. */
	text: string | null;
};

export type ImportReportView = {
	fileName: string;
	at: string;
	by: string;
	report: ImportReport;
	notes: ReportNote[];
};

const STEPS: readonly string[] = ['context', 'principles', 'risks'];

/**
 * The report of the import that created an assessment, or null when it was not imported.
 * The counts come from the import's audit entry (its summary), the notes from the step
 * comments the import wrote: the importing user's first `report.notes` comments, which
 * an import creates one millisecond apart in file order (server/interop/cnil-pia.ts).
 */
export function importReportOf(db: Db, assessmentId: string): ImportReportView | null {
	const entry = db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.assessmentId, assessmentId), eq(auditLog.action, 'assessment.import')))
		.orderBy(asc(auditLog.seq))
		.get();
	const parsed = entry ? parseImportSummary(entry.summary) : null;
	if (!entry || !parsed) return null;
	const rows = entry.actorId
		? db
				.select({ step: stepComments.step, body: stepComments.body })
				.from(stepComments)
				.where(
					and(eq(stepComments.assessmentId, assessmentId), eq(stepComments.authorId, entry.actorId))
				)
				.orderBy(asc(stepComments.createdAt))
				.limit(parsed.report.notes)
				.all()
		: [];
	const notes: ReportNote[] = [];
	for (const row of rows) {
		const note = parseNote(row.body);
		if (!note || !STEPS.includes(row.step)) continue;
		const chars = [...note.text].length;
		if (note.part > 1) {
			const last = notes[notes.length - 1];
			if (last) {
				last.parts++;
				last.chars += chars;
			}
			continue;
		}
		const shown = note.ref.kind === 'warning' || note.ref.kind === 'orphan';
		notes.push({
			step: row.step as ImportedStep,
			kind: note.ref.kind,
			label: noteLabel(note.ref),
			parts: 1,
			chars,
			text: shown ? cut(note.text) : null
		});
	}
	return {
		fileName: parsed.fileName,
		at: entry.at,
		by: entry.actorLabel,
		report: parsed.report,
		notes
	};
}

function cut(text: string): string {
	const chars = [...text];
	return chars.length > SHOWN_MAX ? chars.slice(0, SHOWN_MAX).join('') + '…' : text;
}
