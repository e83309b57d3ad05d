import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeHex } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { auditLog, sessions, users } from '$lib/server/db/schema';
import { tempDatabase } from '$lib/server/testing/temp-db';
import type { Db } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/password';
import { remainingWait } from '$lib/server/auth/throttle';
import { codeAt, confirmEnrolment, startEnrolment, totpState } from '$lib/server/auth/totp';
import { checkCredentials, checkLoginCode } from './two-factor.server';

const PASSWORD = 'connexion en deux temps';
const EMAIL = 'rssi@chu.fr';
const IP = '192.0.2.10';
let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword(PASSWORD);
});

describe('sign-in with two-factor', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let db: Db;
	let secret: Uint8Array;
	let codes: string[];
	const actor = { userId: 'u2', label: EMAIL, role: null, orgId: null };

	beforeEach(() => {
		ctx = tempDatabase();
		db = ctx.db;
		db.insert(users).values({ id: 'u2', email: EMAIL, name: 'R', passwordHash }).run();
		startEnrolment(db, actor, 'u2');
		secret = decodeHex(totpState(db, 'u2').secret!);
		// Enrolled with the previous step's code, so that the current one is still unused.
		const earlier = Date.now() - 30_000;
		codes = confirmEnrolment(db, actor, 'u2', codeAt(secret, earlier), () => earlier)!;
	});
	afterEach(() => ctx.dispose());

	const pending = () => ({ userId: 'u2', email: EMAIL, expiresAt: Date.now() + 60_000, tries: 0 });
	const actions = () => db.select({ a: auditLog.action, s: auditLog.summary }).from(auditLog).all();

	it('the password step opens no session', async () => {
		const result = await checkCredentials(db, EMAIL, PASSWORD, IP);
		expect(result.ok).toBe(true);
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('a wrong code counts as a failed login (audited, throttled), a right one signs in', () => {
		const p = pending();
		const wrong = codeAt(secret, Date.now()) === '000000' ? '111111' : '000000';
		expect(checkLoginCode(db, p, wrong, IP)).toEqual({
			ok: false,
			reason: 'wrong_code',
			again: true
		});
		expect(actions().at(-1)).toEqual({ a: 'auth.login_failure', s: 'wrong two-factor code' });
		const ok = checkLoginCode(db, p, codeAt(secret, Date.now(), 1), IP);
		expect(ok.ok).toBe(true);
		expect(actions().at(-1)).toEqual({ a: 'auth.login_success', s: 'signed in with two-factor' });
		expect(db.select().from(sessions).where(eq(sessions.userId, 'u2')).all()).toHaveLength(1);
	});

	it('after 5 wrong codes the password is asked again and the account waits', () => {
		const p = pending();
		const results = Array.from({ length: 5 }, (_, i) =>
			checkLoginCode(db, p, `ab${i}-not-a-code`, IP)
		);
		expect(results.at(-1)).toEqual({ ok: false, reason: 'wrong_code', again: false });
		expect(remainingWait(db, 'account', EMAIL)).toBeGreaterThan(0);
		const next = checkLoginCode(db, pending(), codes[0]!, IP);
		expect(next.ok).toBe(false);
		expect(next.ok === false && next.reason).toBe('throttled');
	});

	it('a recovery code signs in once', () => {
		expect(checkLoginCode(db, pending(), codes[0]!, IP).ok).toBe(true);
		expect(checkLoginCode(db, pending(), codes[0]!, IP).ok).toBe(false);
		expect(actions().filter((e) => e.a === 'auth.recovery_code_used')).toHaveLength(1);
	});
});
