/**
 * E-mail notifications (issue 14): who is told of which workflow event, and how a failed
 * delivery is retried. Pure: the server writes the outbox and sends (lib/server/notify).
 * A mail names the assessment and links to the page where the work is done; it never
 * carries the analysis's content (health data, motifs, risks): the link asks for a sign-in.
 */
import { can, type Role } from './roles';
import type { ExtraOpinion } from './signoff';
import { decisionAwaits, opinionsAskedOf } from './tasks';

export const NOTIFY_MODES = ['immediate', 'digest', 'none'] as const;
export type NotifyMode = (typeof NOTIFY_MODES)[number];

export const NOTIFY_EVENTS = [
	'review_requested',
	'step_sent_back',
	'opinion_requested',
	'decision_requested',
	'decision_signed'
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/**
 * The roles an event is sent to, by the same rules as the to-do page (domain/tasks.ts):
 * whoever the event puts a task in front of. A step sent back and a decision signed are
 * told to people, not roles (the one who asked for the review, the project lead): the
 * server adds them; the DPO is told of every decision (art. 39(1)(b): monitoring).
 */
export function roleIsNotified(
	event: NotifyEvent,
	role: Role,
	extras: readonly Pick<ExtraOpinion, 'key' | 'role'>[]
): boolean {
	switch (event) {
		case 'review_requested':
			return can(role, 'step.evaluate');
		case 'step_sent_back':
			return false;
		case 'opinion_requested':
			return opinionsAskedOf(role, 'opinions', extras).length > 0;
		case 'decision_requested':
			return decisionAwaits(role, 'awaiting_decision');
		case 'decision_signed':
			return role === 'dpo';
	}
}

/** How a recipient's setting routes an event: at once, into the daily digest, or nowhere. */
export function deliveryOf(mode: NotifyMode): 'immediate' | 'digest' | null {
	return mode === 'none' ? null : mode;
}

/** After this many failed attempts a mail is given up ("failed", shown to the admin). */
export const MAX_ATTEMPTS = 8;
const BACKOFF_CAP_MS = 60 * 60 * 1000;

/** The wait before attempt `attempts + 1`: doubling from `baseMs`, at most one hour. */
export function backoffMs(attempts: number, baseMs: number): number {
	const n = Math.max(0, Math.min(attempts - 1, 30));
	return Math.min(baseMs * 2 ** n, BACKOFF_CAP_MS);
}

/** What a failed attempt leaves: retry later, or give up after MAX_ATTEMPTS. */
export function afterFailure(
	attempts: number,
	nowMs: number,
	baseMs: number
):
	| { status: 'pending'; attempts: number; nextAttemptAt: number }
	| { status: 'failed'; attempts: number } {
	const made = attempts + 1;
	if (made >= MAX_ATTEMPTS) return { status: 'failed', attempts: made };
	return { status: 'pending', attempts: made, nextAttemptAt: nowMs + backoffMs(made, baseMs) };
}

/**
 * The daily digest is built once per day, from `hour` o'clock (server time) on: a server
 * started later in the day still sends that day's digest.
 */
export function digestDue(
	now: { day: string; hour: number },
	lastDigestOn: string | null,
	hour: number
): boolean {
	return now.hour >= hour && (lastDigestOn === null || lastDigestOn < now.day);
}
