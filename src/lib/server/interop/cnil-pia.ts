import { STEP_KEYS } from '$lib/domain/method/steps';
import type { Locale } from '$lib/domain/knowledge/localized';
import {
	buildCnilPia,
	formatImportSummary,
	type ExportInput,
	type ImportProblem,
	type ImportedStep
} from '$lib/domain/interop/cnil-pia';
import { assessments, assessmentSteps, stepComments, type Assessment } from '../db/schema';
import { mutate, type Actor } from '../audit';
import { stateOf } from '../assessments';
import { listComments } from '../comments';
import { getStep } from '../steps';
import { newId } from '../ids';
import { BudgetExceeded, runInWorker, type Budget } from '../worker-run';
import type { Db } from '../db';
import type { UploadedFile } from '../http/upload';

/**
 * The CNIL example file is 60 kB; 10 MB leaves room for very long analyses while keeping
 * the parse (whole file in memory, then JSON) cheap.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Reading a file runs in a worker under this budget. The CNIL example plans in well under
 * a second; a 10 MB file of the longest texts allowed, a few seconds on a loaded machine.
 * Past it the import is refused as "too complex", and the server never waited on it.
 */
export const IMPORT_BUDGET: Budget = { timeoutMs: 20_000, maxOldGenerationSizeMb: 512 };

export type { ImportProblem };

export class CnilImportError extends Error {
	constructor(readonly problem: ImportProblem) {
		super(`cnil_import_${problem.code}`);
	}
}

const IMPORTED_STEPS = ['context', 'principles', 'risks'] as const;

/**
 * Reads a CNIL PIA software file into what an import writes (the plan and each imported
 * step's data), in a worker under `budget`: refused with a CnilImportError, never a crash.
 */
export async function planCnilPia(
	file: Pick<UploadedFile, 'bytes' | 'owned'>,
	locale: Locale,
	budget: Budget = IMPORT_BUDGET
) {
	const fileBytes = file.bytes;
	if (fileBytes.byteLength > MAX_IMPORT_BYTES) {
		throw new CnilImportError({ code: 'too_large', max: MAX_IMPORT_BYTES });
	}
	// Loaded lazily: the build gives the task module a chunk of its own for the worker.
	const { planTask } = await import('./cnil-pia-plan.task');
	// The bytes are moved to the worker: an upload's own buffer as it is (`owned`: copying
	// 10 MB held the request thread tens of ms), anything else as a copy, since the
	// caller's buffer may be shared (a Buffer's slice() is a view, small Buffers share a pool).
	// (An owned upload is a view of a plain ArrayBuffer: http/upload.ts's Collector.)
	const bytes = file.owned ? (fileBytes as Uint8Array<ArrayBuffer>) : new Uint8Array(fileBytes);
	let outcome;
	try {
		outcome = await runInWorker(planTask, { bytes, locale }, budget, [bytes.buffer]);
	} catch (e) {
		if (e instanceof BudgetExceeded) throw new CnilImportError({ code: 'too_complex' });
		throw e;
	}
	if (!outcome.ok) throw new CnilImportError(outcome.problem);
	return { plan: outcome.plan, data: outcome.data };
}

/**
 * Creates a new assessment from a CNIL PIA software file: the assessment, its steps with
 * their content and verdicts, and the notes (step comments by the importing user) commit
 * together with one audit entry `assessment.import`, or nothing is written at all.
 */
export async function importCnilPia(
	db: Db,
	actor: Actor & { userId: string },
	orgId: string,
	file: UploadedFile,
	locale: Locale,
	budget: Budget = IMPORT_BUDGET
): Promise<Assessment> {
	const { plan, data } = await planCnilPia(file, locale, budget);

	return mutate(db, actor, (tx) => {
		const row = tx
			.insert(assessments)
			.values({
				id: newId(),
				orgId,
				title: plan.title,
				description: plan.description,
				template: null,
				// Whoever starts the DPIA leads it until someone else is named.
				projectLeadId: actor.userId,
				createdBy: actor.userId,
				updatedBy: actor.userId
			})
			.returning()
			.get();
		const stepRows = STEP_KEYS.map((step) => {
			const imported = (IMPORTED_STEPS as readonly string[]).includes(step)
				? (step as ImportedStep)
				: null;
			const touched = imported !== null && plan.touched.includes(imported);
			const evaluation = imported ? plan.evaluations[imported] : undefined;
			return {
				assessmentId: row.id,
				step,
				data: touched && imported ? data[imported] : null,
				status: evaluation?.status ?? (touched ? 'in_progress' : 'not_started'),
				evaluationComment: evaluation?.evaluationComment || null,
				actionPlanComment: evaluation?.actionPlanComment || null,
				updatedBy: actor.userId
			};
		});
		tx.insert(assessmentSteps).values(stepRows).run();

		// Comments are listed by creation time: one millisecond apart keeps the file's order,
		// which the export needs to put multi-part notes back together.
		const start = Date.now();
		const comments = plan.notes.map((note, i) => ({
			id: newId(),
			assessmentId: row.id,
			step: note.step,
			authorId: actor.userId,
			body: note.body,
			createdAt: new Date(start + i).toISOString()
		}));
		for (let i = 0; i < comments.length; i += 100) {
			tx.insert(stepComments)
				.values(comments.slice(i, i + 100))
				.run();
		}

		return {
			result: row,
			event: {
				action: 'assessment.import',
				entity: 'assessment',
				entityId: row.id,
				assessmentId: row.id,
				orgId,
				version: row.version,
				// Also the import report's record: parsed back by the report page.
				summary: formatImportSummary(file.name, plan.report),
				state: {
					...stateOf(row),
					steps: stepRows.map(({ step, data, status, evaluationComment, actionPlanComment }) => ({
						step,
						data,
						status,
						evaluationComment,
						actionPlanComment
					})),
					comments: comments.map(({ id, step, body }) => ({ id, step, body }))
				}
			}
		};
	});
}

/** The assessment as the JSON file the CNIL PIA software imports. */
export function exportCnilPia(db: Db, assessment: Assessment, locale: Locale) {
	const steps: ExportInput['steps'] = {};
	const comments: ExportInput['comments'] = {};
	for (const step of IMPORTED_STEPS) {
		const row = getStep(db, assessment.id, step);
		if (row) {
			steps[step] = {
				data: row.data,
				status: row.status,
				evaluationComment: row.evaluationComment,
				actionPlanComment: row.actionPlanComment
			};
		}
		comments[step] = listComments(db, assessment.id, step).map((c) => ({
			body: c.body,
			author: c.author,
			createdAt: c.createdAt
		}));
	}
	return buildCnilPia({
		piaId: 1,
		title: assessment.title,
		createdAt: assessment.createdAt,
		updatedAt: assessment.updatedAt,
		locale,
		steps,
		comments
	});
}

/** A download name made of the title's safe characters only (no quotes, slashes, controls). */
export function exportFileName(title: string): string {
	const base = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.toLowerCase();
	return `${base || 'analyse'}.pia.json`;
}
