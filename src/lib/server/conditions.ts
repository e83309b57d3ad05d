import { and, asc, eq } from 'drizzle-orm';
import { latestOf } from '$lib/domain/signoff';
import { assessments, users } from './db/schema';
import { conditionFulfilments } from './db/schema-review';
import { mutate, type Actor } from './audit';
import { signaturesOf } from './record';
import { newId } from './ids';
import type { Db } from './db';

export const CONDITION_NOTE_MAX = 500;

/**
 * Why a condition cannot be marked met, each with the HTTP status the route answers:
 * the analysis is not decided and in use (409); its current version has no decision or
 * the decision no condition at that position (404); the condition is already met (409);
 * the note is empty or too long (400).
 */
export const CONDITION_REFUSALS = {
	not_decided: 409,
	no_decision: 404,
	no_condition: 404,
	already_met: 409,
	note_empty: 400,
	note_too_long: 400
} as const;
export type ConditionRefusal = keyof typeof CONDITION_REFUSALS;

export class ConditionRefusedError extends Error {
	readonly status: (typeof CONDITION_REFUSALS)[ConditionRefusal];
	constructor(readonly reason: ConditionRefusal) {
		super(`condition_${reason}`);
		this.status = CONDITION_REFUSALS[reason];
	}
}

/** The text of the condition at `position` of a decision's details, if there is one. */
function conditionText(details: unknown, position: number): string | null {
	const list =
		details && typeof details === 'object'
			? (details as { conditions?: unknown }).conditions
			: undefined;
	if (!Array.isArray(list) || !Number.isSafeInteger(position) || position < 0) return null;
	const c: unknown = list[position];
	const text = c && typeof c === 'object' ? (c as { text?: unknown }).text : undefined;
	return typeof text === 'string' ? text : null;
}

/**
 * Marks the condition at `position` of the decision of the decided version as met, with how
 * (audited). The signature stays as signed; the condition's text is copied so the record
 * reads on its own. Everything is checked inside the write transaction: two people marking
 * the same condition at once get one fulfilment and one refusal.
 */
export function markConditionMet(
	db: Db,
	actor: Actor & { userId: string },
	assessmentId: string,
	position: number,
	note: string
) {
	const how = note.trim();
	if (!how) throw new ConditionRefusedError('note_empty');
	// Counted as the textarea's maxlength counts (UTF-16 code units).
	if (how.length > CONDITION_NOTE_MAX) throw new ConditionRefusedError('note_too_long');
	return mutate(db, actor, (tx) => {
		const a = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
		if (!a || a.status !== 'decided' || a.archivedAt)
			throw new ConditionRefusedError('not_decided');
		const decision = latestOf(signaturesOf(tx, a.id, a.versionNumber), 'decision');
		if (!decision) throw new ConditionRefusedError('no_decision');
		const text = conditionText(decision.details, position);
		if (text === null) throw new ConditionRefusedError('no_condition');
		const met = tx
			.select({ id: conditionFulfilments.id })
			.from(conditionFulfilments)
			.where(
				and(
					eq(conditionFulfilments.assessmentId, a.id),
					eq(conditionFulfilments.versionNumber, a.versionNumber),
					eq(conditionFulfilments.position, position)
				)
			)
			.get();
		if (met) throw new ConditionRefusedError('already_met');
		const row = tx
			.insert(conditionFulfilments)
			.values({
				id: newId(),
				assessmentId: a.id,
				orgId: a.orgId,
				versionNumber: a.versionNumber,
				position,
				conditionText: text,
				note: how,
				metBy: actor.userId
			})
			.returning()
			.get();
		return {
			result: row,
			event: {
				action: 'decision.condition_met',
				entity: 'condition_fulfilment',
				entityId: row.id,
				assessmentId: a.id,
				orgId: a.orgId,
				version: a.versionNumber,
				// The English form report-audit-summaries.ts reads back in the reader's words.
				summary: `condition ${position + 1} met: ${text}`,
				state: row
			}
		};
	});
}

export interface ConditionMet {
	position: number;
	conditionText: string;
	note: string;
	metAt: string;
	by: string;
}

/** The conditions of a version's decision marked met, with who marked them, by position. */
export function conditionsMet(db: Db, assessmentId: string, versionNumber: number): ConditionMet[] {
	return db
		.select({
			position: conditionFulfilments.position,
			conditionText: conditionFulfilments.conditionText,
			note: conditionFulfilments.note,
			metAt: conditionFulfilments.metAt,
			by: users.name
		})
		.from(conditionFulfilments)
		.innerJoin(users, eq(users.id, conditionFulfilments.metBy))
		.where(
			and(
				eq(conditionFulfilments.assessmentId, assessmentId),
				eq(conditionFulfilments.versionNumber, versionNumber)
			)
		)
		.orderBy(asc(conditionFulfilments.position))
		.all();
}
