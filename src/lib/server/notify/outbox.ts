import { and, desc, eq, isNull } from 'drizzle-orm';
import { deliveryOf, roleIsNotified, type NotifyEvent } from '$lib/domain/notifications';
import { auditLog, memberships, users, type Assessment } from '../db/schema';
import { notificationOutbox } from '../db/schema-outbox';
import { getOrgSettings } from '../org-settings';
import { newId } from '../ids';
import { notificationsEnabled } from './config';
import type { Db } from '../db';

/** What a mail says of one event: the assessment's title, the page, the step or outcome. */
export interface EventPayload {
	title: string;
	href: string;
	step?: string | null;
	outcome?: string | null;
}

export interface NotifyInput {
	event: NotifyEvent;
	assessment: Pick<Assessment, 'id' | 'orgId' | 'title' | 'projectLeadId'>;
	/** Who acted: never told of their own action. */
	actorId: string;
	href: string;
	step?: string | null;
	outcome?: string | null;
	/** People told besides the roles (the one who asked for a review, the project lead). */
	people?: (string | null)[];
}

let quiet = 0;

/** Runs `fn` without queuing mail: the demo seed replays people's work and tells nobody. */
export function withoutNotifications<T>(fn: () => T): T {
	quiet++;
	try {
		return fn();
	} finally {
		quiet--;
	}
}

/**
 * Queues the event's mails, one row per recipient, inside the caller's write transaction:
 * the action and its notifications commit together, and sending happens later (sender.ts),
 * so a mail server down never fails the action. Recipients: active members of the
 * assessment's organisation whom the event concerns, minus the actor and anyone who chose
 * no e-mail. Returns how many rows were queued.
 */
export function notify(tx: Db, input: NotifyInput): number {
	if (quiet > 0 || !notificationsEnabled()) return 0;
	const { assessment } = input;
	const members = tx
		.select({ userId: users.id, role: memberships.role, mode: users.notifyMode })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.orgId, assessment.orgId), isNull(users.disabledAt)))
		.all();
	const extras = getOrgSettings(tx, assessment.orgId).extraOpinions;
	const people = new Set(input.people?.filter((p): p is string => !!p));
	const payload: EventPayload = {
		title: assessment.title,
		href: input.href,
		step: input.step ?? null,
		outcome: input.outcome ?? null
	};
	let queued = 0;
	for (const m of members) {
		if (m.userId === input.actorId) continue;
		if (!people.has(m.userId) && !roleIsNotified(input.event, m.role, extras)) continue;
		const delivery = deliveryOf(m.mode);
		if (!delivery) continue;
		tx.insert(notificationOutbox)
			.values({
				id: newId(),
				userId: m.userId,
				orgId: assessment.orgId,
				assessmentId: assessment.id,
				event: input.event,
				delivery,
				payload,
				nextAttemptAt: Date.now()
			})
			.run();
		queued++;
	}
	return queued;
}

/** Who last asked for the review of this step (told when it is sent back), from the trail. */
export function reviewRequesterOf(tx: Db, assessmentId: string, step: string): string | null {
	const row = tx
		.select({ actorId: auditLog.actorId })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.assessmentId, assessmentId),
				eq(auditLog.action, 'step.request_review'),
				eq(auditLog.entityId, `${assessmentId}/${step}`)
			)
		)
		.orderBy(desc(auditLog.seq))
		.limit(1)
		.get();
	return row?.actorId ?? null;
}
