import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { StepKey } from '$lib/domain/method/steps';
import { assessments, stepComments, users, type Assessment, type StepComment } from './db/schema';
import { mutate, type Actor } from './audit';
import { newId } from './ids';
import { FrozenError, isFrozen } from './steps';
import { prepared } from './db/prepared';
import type { Db } from './db';

export const MAX_COMMENT_LENGTH = 5000;

export const commentSchema = z.object({
	body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH)
});

export interface CommentListItem {
	id: string;
	body: string;
	author: string;
	createdAt: string;
}

/**
 * Adds a comment to a step, audited in the same transaction. A decided or archived
 * assessment is evidence: it takes no new comment (FrozenError).
 */
export function addComment(
	db: Db,
	actor: Actor & { userId: string },
	assessment: Pick<Assessment, 'id' | 'orgId'>,
	step: StepKey,
	body: string
): StepComment {
	const text = commentSchema.parse({ body }).body;
	return mutate(db, actor, (tx) => {
		const current = tx
			.select({ status: assessments.status, archivedAt: assessments.archivedAt })
			.from(assessments)
			.where(eq(assessments.id, assessment.id))
			.get();
		if (!current || isFrozen(current)) throw new FrozenError();
		const row = tx
			.insert(stepComments)
			.values({
				id: newId(),
				assessmentId: assessment.id,
				step,
				authorId: actor.userId,
				body: text
			})
			.returning()
			.get();
		return {
			result: row,
			event: {
				action: 'comment.add',
				entity: 'step_comment',
				entityId: row.id,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				// The text itself stays out of the one-line summary; its hash is in the entry.
				summary: `${step}: comment added (${text.length} characters)`,
				state: row
			}
		};
	});
}

/** The comments on one step, oldest first: a conversation reads from the top. */
export function listComments(db: Db, assessmentId: string, step: StepKey): CommentListItem[] {
	return commentsOf(db).all({ assessmentId, step });
}

/** Every step page lists its comments: built once (db/prepared.ts). */
const commentsOf = prepared((db) =>
	db
		.select({
			id: stepComments.id,
			body: stepComments.body,
			author: users.name,
			createdAt: stepComments.createdAt
		})
		.from(stepComments)
		.innerJoin(users, eq(users.id, stepComments.authorId))
		.where(
			and(
				eq(stepComments.assessmentId, sql.placeholder('assessmentId')),
				eq(stepComments.step, sql.placeholder('step'))
			)
		)
		.orderBy(asc(stepComments.createdAt), asc(stepComments.id))
		.prepare()
);
