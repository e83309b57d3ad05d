import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeHex } from '@oslojs/encoding';
import { auditLog, sessions, users } from '../db/schema';
import { tempDatabase } from '../testing/temp-db';
import type { Db } from '../db';
import { hashPassword } from './password';
import { remainingWait } from './throttle';
import { codeAt, confirmEnrolment, startEnrolment, totpState } from './totp';
import { SECOND_FACTOR_WINDOW_MS, validateSessionToken } from './session';
import { login, verifyLoginCode, type PendingLogin } from './login';

const PASSWORD = 'connexion en deux temps';
const EMAIL = 'rssi@chu.fr';
const IP = '192.0.2.10';
let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword(PASSWORD);
});

describe('Login twice: one sign-in flow, the second factor as session state', () => {
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

	const actions = () => db.select({ a: auditLog.action, s: auditLog.summary }).from(auditLog).all();

	/** The password step, and the session it opened as the hooks see it. */
	async function passwordStep(): Promise<{ token: string; pending: PendingLogin }> {
		const result = await login(db, EMAIL, PASSWORD, IP);
		if (!result.ok) throw new Error('password refused');
		expect(result.secondFactorDue).toBe(true);
		const seen = validateSessionToken(db, result.token);
		expect(seen.session?.twoFactorVerified).toBe(false);
		expect(seen.awaitingSecondFactor).toBe(true);
		return {
			token: result.token,
			pending: { sessionId: seen.session!.id, userId: 'u2', email: EMAIL }
		};
	}

	it('the password opens a session that is not signed in until the code is verified', async () => {
		const { token, pending } = await passwordStep();
		expect(actions().at(-1)?.a).toBe('auth.login_second_factor_due');
		expect(verifyLoginCode(db, pending, codeAt(secret, Date.now(), 1), IP)).toEqual({
			ok: true,
			usedRecoveryCode: false
		});
		const seen = validateSessionToken(db, token);
		expect(seen.awaitingSecondFactor).toBe(false);
		expect(seen.session?.twoFactorVerified).toBe(true);
		expect(actions().at(-1)).toEqual({ a: 'auth.login_success', s: 'signed in with two-factor' });
	});

	it('a wrong code counts as a failed login (audited, throttled)', async () => {
		const { pending } = await passwordStep();
		const wrong = codeAt(secret, Date.now()) === '000000' ? '111111' : '000000';
		expect(verifyLoginCode(db, pending, wrong, IP)).toEqual({
			ok: false,
			reason: 'wrong_code',
			again: true
		});
		expect(actions().at(-1)).toEqual({ a: 'auth.login_failure', s: 'wrong two-factor code' });
	});

	it('after 5 wrong codes the session ends (password asked again) and the account waits', async () => {
		const { token, pending } = await passwordStep();
		const results = Array.from({ length: 5 }, (_, i) =>
			verifyLoginCode(db, pending, `ab${i}-not-a-code`, IP)
		);
		expect(results.at(-1)).toEqual({ ok: false, reason: 'wrong_code', again: false });
		expect(validateSessionToken(db, token).session).toBeNull();
		expect(remainingWait(db, 'account', EMAIL)).toBeGreaterThan(0);
		const next = verifyLoginCode(db, pending, codes[0]!, IP);
		expect(next.ok === false && next.reason).toBe('throttled');
	});

	it('a recovery code signs in once', async () => {
		const first = await passwordStep();
		expect(verifyLoginCode(db, first.pending, codes[0]!, IP)).toEqual({
			ok: true,
			usedRecoveryCode: true
		});
		const second = await passwordStep();
		expect(verifyLoginCode(db, second.pending, codes[0]!, IP).ok).toBe(false);
		expect(actions().filter((e) => e.a === 'auth.recovery_code_used')).toHaveLength(1);
	});

	it('a session left waiting for its code ends after 5 minutes', async () => {
		const { token } = await passwordStep();
		const later = () => Date.now() + SECOND_FACTOR_WINDOW_MS + 1000;
		expect(validateSessionToken(db, token, later).session).toBeNull();
		expect(db.select().from(sessions).all()).toHaveLength(0);
	});

	it('an account without two-factor is signed in by the password alone', async () => {
		db.update(users).set({ totpSecret: null, totpEnabledAt: null }).run();
		const result = await login(db, EMAIL, PASSWORD, IP);
		expect(result.ok && result.secondFactorDue).toBe(false);
		expect(result.ok && validateSessionToken(db, result.token).awaitingSecondFactor).toBe(false);
		expect(actions().at(-1)).toEqual({ a: 'auth.login_success', s: 'signed in' });
	});
});
