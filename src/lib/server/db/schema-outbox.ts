import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { assessments, now, organisations, users } from './schema';

/*
 * The e-mail outbox. Apart from schema.ts (drizzle-kit reads both, see drizzle.config.ts)
 * to keep each file readable; nothing in schema.ts refers to it.
 */

// E-mails waiting to leave (transactional outbox): written in the transaction of the action
// that causes them, sent by a background loop with retries (lib/server/notify/sender.ts),
// so that a mail server down never fails or slows a user's action. A row holds what the
// mail is about (event, assessment, page), not its text: the text is written in the
// recipient's language when it is sent. 'folded': a digest user's event, taken into that
// user's daily digest row.
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'folded'] as const;
export const notificationOutbox = sqliteTable(
	'notification_outbox',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id),
		assessmentId: text('assessment_id').references(() => assessments.id),
		event: text('event').notNull(),
		delivery: text('delivery', { enum: ['immediate', 'digest'] }).notNull(),
		payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
		status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'number' }).notNull(),
		lastError: text('last_error'),
		createdAt: text('created_at').notNull().default(now),
		sentAt: text('sent_at')
	},
	(t) => [
		index('outbox_due').on(t.status, t.delivery, t.nextAttemptAt),
		index('outbox_org').on(t.orgId, t.status, t.createdAt)
	]
);
export type OutboxRow = typeof notificationOutbox.$inferSelect;
