import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import { sessions, users, type Session, type User } from '../db/schema';
import { prepared } from '../db/prepared';
import type { Db } from '../db';

/** CNIL: lock the session after at most 30 minutes without activity. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** However active, a session ends 12 h after login. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Between the password and the code: past this, the password is asked again. */
export const SECOND_FACTOR_WINDOW_MS = 5 * 60 * 1000;
// Writing last_seen_at on every request would turn each read into a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60 * 1000;

export type Clock = () => number;
const systemClock: Clock = () => Date.now();

/** 160 random bits, base32: well above the 128 bits asked for. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** Only this digest is stored: a copy of the database does not let anyone sign in. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type SessionCheck =
	| { valid: false; reason: 'idle' | 'absolute' | 'second_factor_timeout' }
	| { valid: true; touch: boolean; expiresAt: number };

/**
 * Pure rule of the Lucia design, with both limits: sliding idle expiry and absolute
 * lifetime; a session still waiting for its second factor lives 5 minutes at most.
 */
export function checkSession(
	s: Pick<Session, 'createdAt' | 'lastSeenAt'>,
	now: number,
	awaitingSecondFactor = false
): SessionCheck {
	if (now >= s.createdAt + ABSOLUTE_LIFETIME_MS) return { valid: false, reason: 'absolute' };
	if (now >= s.lastSeenAt + IDLE_TIMEOUT_MS) return { valid: false, reason: 'idle' };
	if (awaitingSecondFactor && now >= s.createdAt + SECOND_FACTOR_WINDOW_MS) {
		return { valid: false, reason: 'second_factor_timeout' };
	}
	const touch = now - s.lastSeenAt >= TOUCH_INTERVAL_MS;
	return { valid: true, touch, expiresAt: expiryOf(s.createdAt, touch ? now : s.lastSeenAt) };
}

function expiryOf(createdAt: number, lastSeenAt: number): number {
	return Math.min(lastSeenAt + IDLE_TIMEOUT_MS, createdAt + ABSOLUTE_LIFETIME_MS);
}

/** Whether the account has two-factor on: then each session needs its code verified. */
export function secondFactorDue(user: Pick<User, 'totpSecret' | 'totpEnabledAt'>): boolean {
	return !!user.totpSecret && !!user.totpEnabledAt;
}

export function createSession(
	db: Db,
	userId: string,
	clock: Clock = systemClock,
	options: { twoFactorVerified?: boolean; oidcProvider?: string } = {}
) {
	const token = generateSessionToken();
	const now = clock();
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: expiryOf(now, now),
		twoFactorVerified: options.twoFactorVerified ?? false,
		oidcProvider: options.oidcProvider ?? null,
		stepUpAt: null
	};
	db.insert(sessions).values(session).run();
	return { token, session };
}

/**
 * `awaitingSecondFactor`: the account has two-factor and this session's code is not
 * verified yet; the hooks then treat it as not signed in (only the code page and logout).
 */
export type ValidatedSession =
	| { session: Session; user: User; awaitingSecondFactor: boolean }
	| { session: null; user: null; awaitingSecondFactor: false };

/** Every signed-in request reads its session and user: built once (db/prepared.ts). */
const sessionWithUser = prepared((db) =>
	db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

export function validateSessionToken(
	db: Db,
	token: string,
	clock: Clock = systemClock
): ValidatedSession {
	const id = sessionIdFromToken(token);
	const row = sessionWithUser(db).get({ id });
	if (!row) return { session: null, user: null, awaitingSecondFactor: false };
	const now = clock();
	const awaitingSecondFactor = secondFactorDue(row.user) && !row.session.twoFactorVerified;
	const check = checkSession(row.session, now, awaitingSecondFactor);
	if (!check.valid || row.user.disabledAt) {
		db.delete(sessions).where(eq(sessions.id, id)).run();
		return { session: null, user: null, awaitingSecondFactor: false };
	}
	if (check.touch) {
		row.session.lastSeenAt = now;
		row.session.expiresAt = check.expiresAt;
		db.update(sessions)
			.set({ lastSeenAt: now, expiresAt: check.expiresAt })
			.where(eq(sessions.id, id))
			.run();
	}
	return { ...row, awaitingSecondFactor };
}

/** The code was verified (at login, or by enrolling): the session is fully signed in. */
export function markSecondFactorVerified(db: Db, sessionId: string): void {
	db.update(sessions).set({ twoFactorVerified: true }).where(eq(sessions.id, sessionId)).run();
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** On disabling, or a password reset by an administrator: every device is signed out. */
export function invalidateUserSessions(db: Db, userId: string): void {
	db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/**
 * On the user's own password change or two-factor enrolment: every other device is
 * signed out (whoever held a stolen session loses it), this one stays.
 */
export function invalidateOtherSessions(db: Db, userId: string, keepSessionId: string): void {
	db.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
		.run();
}
