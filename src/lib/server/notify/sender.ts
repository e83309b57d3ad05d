import { and, asc, eq, inArray, isNull, lte, ne, or, lt } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { afterFailure, digestDue, type NotifyEvent } from '$lib/domain/notifications';
import { users } from '../db/schema';
import { notificationOutbox, type OutboxRow } from '../db/schema-outbox';
import { writeTransaction, type Db } from '../db';
import { currentUser } from '../users';
import { tasksFor } from '../tasks';
import { newId } from '../ids';
import { logError, logEvent } from '../log';
import { composeDigest, composeEvent, type DigestPayload, type MailText } from './compose';
import type { EventPayload } from './outbox';
import type { NotifyConfig } from './config';

const BATCH = 20;
const DUE_KINDS = new Set(['review_due', 'condition_due', 'overdue_action']);

/** The server's local day and hour: the digest goes out in the morning where the server is. */
export function localClock(now: Date): { day: string; hour: number } {
	const p = (n: number) => String(n).padStart(2, '0');
	return {
		day: `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`,
		hour: now.getHours()
	};
}

/**
 * Builds today's digest of every user due one: the events they chose to receive as a
 * digest (folded into it) and their reviews, conditions and overdue measures (the to-do
 * page's own rules). Nothing to say, no mail; the day is marked either way. One write
 * transaction per user, so a large group does not hold the database in one piece.
 */
export async function buildDigests(
	db: Db,
	config: NotifyConfig,
	now = new Date()
): Promise<number> {
	const clock = localClock(now);
	if (!digestDue(clock, null, config.digestHour)) return 0;
	const candidates = db
		.select({ id: users.id, email: users.email, name: users.name, last: users.lastDigestOn })
		.from(users)
		.where(
			and(
				isNull(users.disabledAt),
				ne(users.notifyMode, 'none'),
				or(isNull(users.lastDigestOn), lt(users.lastDigestOn, clock.day))
			)
		)
		.all();
	let built = 0;
	// The query narrows by the same rule (an index-friendly prefilter); the domain decides.
	for (const u of candidates.filter((c) => digestDue(clock, c.last, config.digestHour))) {
		const user = currentUser(db, u);
		const due = user.memberships.length
			? tasksFor(db, user, now.toISOString().slice(0, 10)).filter((t) => DUE_KINDS.has(t.kind))
			: [];
		writeTransaction(db, (tx) => {
			const folded = tx
				.select()
				.from(notificationOutbox)
				.where(
					and(
						eq(notificationOutbox.userId, u.id),
						eq(notificationOutbox.delivery, 'digest'),
						eq(notificationOutbox.status, 'pending')
					)
				)
				.orderBy(asc(notificationOutbox.createdAt))
				.all();
			const orgId = folded[0]?.orgId ?? user.memberships[0]?.orgId;
			if (orgId && (folded.length || due.length)) {
				const payload: DigestPayload = {
					day: clock.day,
					events: folded.map((r) => ({
						...(r.payload as EventPayload),
						event: r.event as NotifyEvent
					})),
					due: due.map((t) => ({
						kind: t.kind as DigestPayload['due'][number]['kind'],
						title: t.assessmentTitle,
						href: t.href,
						dueDate: t.dueDate ?? '',
						overdue: t.overdue
					}))
				};
				tx.insert(notificationOutbox)
					.values({
						id: newId(),
						userId: u.id,
						orgId,
						event: 'digest',
						delivery: 'immediate',
						payload,
						nextAttemptAt: now.getTime()
					})
					.run();
				if (folded.length)
					tx.update(notificationOutbox)
						.set({ status: 'folded' })
						.where(
							inArray(
								notificationOutbox.id,
								folded.map((r) => r.id)
							)
						)
						.run();
				built++;
			}
			tx.update(users).set({ lastDigestOn: clock.day }).where(eq(users.id, u.id)).run();
		});
		// Yields between users: requests are served while a large group's digests are built.
		await new Promise((resolve) => setImmediate(resolve));
	}
	return built;
}

function mailOf(
	row: OutboxRow,
	to: { name: string; locale: string | null },
	config: NotifyConfig
): MailText {
	const ctx = {
		locale: to.locale === 'en' ? 'en' : 'fr',
		origin: config.origin,
		name: to.name
	} as const;
	return row.event === 'digest'
		? composeDigest(row.payload as DigestPayload, ctx)
		: composeEvent(row.event as NotifyEvent, row.payload as EventPayload, ctx);
}

/**
 * Sends what is due, oldest first. A failure leaves the row pending with a later attempt
 * (doubling waits) and its error, then "failed" after the last attempt (the admin sees
 * both). Never throws: a mail problem is the outbox's, not the caller's.
 */
export async function sendDue(
	db: Db,
	config: NotifyConfig,
	transport: Transporter,
	now = Date.now()
): Promise<{ sent: number; failed: number }> {
	const rows = db
		.select({
			row: notificationOutbox,
			email: users.email,
			name: users.name,
			locale: users.locale,
			disabledAt: users.disabledAt
		})
		.from(notificationOutbox)
		.innerJoin(users, eq(users.id, notificationOutbox.userId))
		.where(
			and(
				eq(notificationOutbox.status, 'pending'),
				eq(notificationOutbox.delivery, 'immediate'),
				lte(notificationOutbox.nextAttemptAt, now)
			)
		)
		.orderBy(asc(notificationOutbox.nextAttemptAt))
		.limit(BATCH)
		.all();
	let sent = 0;
	let failed = 0;
	for (const { row, email, name, locale, disabledAt } of rows) {
		const set = (change: Partial<OutboxRow>) =>
			writeTransaction(db, (tx) =>
				tx.update(notificationOutbox).set(change).where(eq(notificationOutbox.id, row.id)).run()
			);
		if (disabledAt) {
			set({ status: 'failed', lastError: 'recipient account disabled' });
			failed++;
			continue;
		}
		try {
			const mail = mailOf(row, { name, locale }, config);
			await transport.sendMail({ from: config.from, to: email, ...mail });
			set({
				status: 'sent',
				attempts: row.attempts + 1,
				sentAt: new Date().toISOString(),
				lastError: null
			});
			sent++;
		} catch (e) {
			const next = afterFailure(row.attempts, Date.now(), config.retryBaseMs);
			const lastError = (e instanceof Error ? e.message : String(e)).slice(0, 500);
			set({ ...next, lastError });
			logEvent('notify.failure', {
				id: row.id,
				attempts: next.attempts,
				status: next.status,
				error: lastError
			});
			failed++;
		}
	}
	return { sent, failed };
}

export function transportFor(config: NotifyConfig): Transporter {
	// A connection URL: smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS.
	return nodemailer.createTransport({
		url: config.smtpUrl,
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 30_000
	});
}

/**
 * The background sender: every `pollMs`, today's digests if due, then the mail due. One
 * pass at a time; the timer does not keep the process alive. Returns a stop function.
 */
export function startSender(db: Db, config: NotifyConfig): () => void {
	const transport = transportFor(config);
	let running = false;
	const pass = async () => {
		if (running) return;
		running = true;
		try {
			await buildDigests(db, config);
			await sendDue(db, config, transport);
		} catch (error) {
			logError({ id: 'notify', error });
		} finally {
			running = false;
		}
	};
	const timer = setInterval(pass, config.pollMs);
	timer.unref();
	void pass();
	return () => {
		clearInterval(timer);
		transport.close();
	};
}
