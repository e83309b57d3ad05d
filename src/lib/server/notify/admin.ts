import { and, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { mutate, type Actor } from '../audit';
import { users } from '../db/schema';
import { notificationOutbox } from '../db/schema-outbox';
import type { Db } from '../db';

/** How many rows of the problem list an admin sees: the oldest trouble is as telling. */
const PROBLEM_ROWS = 100;

export interface OutboxProblem {
	id: string;
	createdAt: string;
	recipient: string;
	event: string;
	title: string | null;
	status: 'pending' | 'failed';
	attempts: number;
	lastError: string | null;
}

/**
 * What an administrator sees of the mails of their own organisations (issue 14): counts by
 * state, and the rows in trouble (given up, or pending after a failed attempt). Another
 * organisation's mails are never counted nor listed.
 */
export function outboxOverview(db: Db, orgIds: string[]) {
	if (!orgIds.length) return { counts: { pending: 0, sent: 0, failed: 0 }, problems: [] };
	const mine = inArray(notificationOutbox.orgId, orgIds);
	const counts = { pending: 0, sent: 0, failed: 0 };
	for (const row of db
		.select({ status: notificationOutbox.status, n: sql<number>`count(*)` })
		.from(notificationOutbox)
		.where(mine)
		.groupBy(notificationOutbox.status)
		.all()) {
		if (row.status !== 'folded') counts[row.status] = row.n;
	}
	const problems: OutboxProblem[] = db
		.select({
			id: notificationOutbox.id,
			createdAt: notificationOutbox.createdAt,
			recipient: users.email,
			event: notificationOutbox.event,
			payload: notificationOutbox.payload,
			status: notificationOutbox.status,
			attempts: notificationOutbox.attempts,
			lastError: notificationOutbox.lastError
		})
		.from(notificationOutbox)
		.innerJoin(users, eq(users.id, notificationOutbox.userId))
		.where(
			and(
				mine,
				or(
					eq(notificationOutbox.status, 'failed'),
					and(eq(notificationOutbox.status, 'pending'), gt(notificationOutbox.attempts, 0))
				)
			)
		)
		.orderBy(desc(notificationOutbox.createdAt))
		.limit(PROBLEM_ROWS)
		.all()
		.map(({ payload, status, ...row }) => ({
			...row,
			status: status === 'failed' ? 'failed' : 'pending',
			title: titleOf(payload)
		}));
	return { counts, problems };
}

function titleOf(payload: unknown): string | null {
	if (payload && typeof payload === 'object' && 'title' in payload) {
		const title = (payload as { title: unknown }).title;
		return typeof title === 'string' ? title : null;
	}
	return null;
}

/**
 * "Relancer": the given-up mails of these organisations go back to the queue with a fresh
 * count of attempts, due now. Audited per organisation, as who asked and how many.
 */
export function retryFailed(db: Db, actor: Actor, orgIds: string[], now = Date.now()): number {
	let total = 0;
	for (const orgId of orgIds) {
		total += mutate(db, actor, (tx) => {
			const rows = tx
				.update(notificationOutbox)
				.set({ status: 'pending', attempts: 0, nextAttemptAt: now })
				.where(and(eq(notificationOutbox.orgId, orgId), eq(notificationOutbox.status, 'failed')))
				.returning({ id: notificationOutbox.id })
				.all();
			return {
				result: rows.length,
				event: {
					action: 'notify.retry',
					entity: 'organisation',
					entityId: orgId,
					orgId,
					summary: `${rows.length} failed notification(s) queued again`
				}
			};
		});
	}
	return total;
}
