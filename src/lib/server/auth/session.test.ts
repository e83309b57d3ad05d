import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	ABSOLUTE_LIFETIME_MS,
	IDLE_TIMEOUT_MS,
	checkSession,
	createSession,
	generateSessionToken,
	invalidateOtherSessions,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from './session';
import { sessions, users } from '../db/schema';
import { tempDatabase } from '../testing/temp-db';
import type { Db } from '../db';

const MIN = 60 * 1000;

describe('session tokens', () => {
	it('are random, at least 128 bits, and only their SHA-256 is stored', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		expect(a).not.toBe(b);
		// base32: 5 bits per character
		expect(a.length * 5).toBeGreaterThanOrEqual(128);
		expect(sessionIdFromToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(sessionIdFromToken(a)).not.toContain(a);
	});
});

describe('checkSession (fake clock)', () => {
	const t0 = Date.UTC(2026, 10, 23, 8, 0, 0);
	it('is valid while used at least every 30 minutes', () => {
		expect(checkSession({ createdAt: t0, lastSeenAt: t0 }, t0 + 29 * MIN).valid).toBe(true);
	});
	it('ends after 30 minutes idle', () => {
		expect(checkSession({ createdAt: t0, lastSeenAt: t0 }, t0 + IDLE_TIMEOUT_MS)).toEqual({
			valid: false,
			reason: 'idle'
		});
	});
	it('ends 12 h after login even when constantly active', () => {
		const lastSeen = t0 + ABSOLUTE_LIFETIME_MS - MIN;
		expect(
			checkSession({ createdAt: t0, lastSeenAt: lastSeen }, t0 + ABSOLUTE_LIFETIME_MS)
		).toEqual({
			valid: false,
			reason: 'absolute'
		});
	});
	it('slides the expiry, never past the absolute limit', () => {
		const late = t0 + ABSOLUTE_LIFETIME_MS - 10 * MIN;
		const check = checkSession({ createdAt: t0, lastSeenAt: late - 5 * MIN }, late);
		expect(check).toEqual({ valid: true, touch: true, expiresAt: t0 + ABSOLUTE_LIFETIME_MS });
	});
});

describe('sessions in the database', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let db: Db;
	beforeEach(() => {
		ctx = tempDatabase();
		db = ctx.db;
		db.insert(users).values({ id: 'u1', email: 'a@b.c', name: 'A', passwordHash: 'x' }).run();
	});
	afterEach(() => ctx.dispose());

	it('validates, slides on activity, and expires when idle', () => {
		let now = Date.UTC(2026, 0, 1);
		const clock = () => now;
		const { token } = createSession(db, 'u1', clock);
		now += 20 * MIN;
		expect(validateSessionToken(db, token, clock).user?.id).toBe('u1');
		now += 20 * MIN; // 40 min after login, 20 after last activity
		expect(validateSessionToken(db, token, clock).user?.id).toBe('u1');
		now += 31 * MIN;
		expect(validateSessionToken(db, token, clock).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('refuses a disabled account and is invalidated on password change', () => {
		const { token } = createSession(db, 'u1');
		invalidateUserSessions(db, 'u1');
		expect(validateSessionToken(db, token).session).toBeNull();
		const second = createSession(db, 'u1');
		db.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, 'u1')).run();
		expect(validateSessionToken(db, second.token).session).toBeNull();
	});
});

describe('enabling 2FA or changing the password ends the other sessions', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeEach(() => {
		ctx = tempDatabase();
		ctx.db.insert(users).values({ id: 'u1', email: 'a@ch.fr', name: 'A', passwordHash: 'x' }).run();
	});
	afterEach(() => ctx.dispose());

	it('invalidateOtherSessions keeps only the current session', () => {
		const here = createSession(ctx.db, 'u1');
		const there = createSession(ctx.db, 'u1');
		invalidateOtherSessions(ctx.db, 'u1', here.session.id);
		expect(validateSessionToken(ctx.db, here.token).session).not.toBeNull();
		expect(validateSessionToken(ctx.db, there.token).session).toBeNull();
	});
});
