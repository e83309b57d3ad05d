import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeHex } from '@oslojs/encoding';
import { eq, like } from 'drizzle-orm';
import { auditLog, loginThrottle, recoveryCodes, users } from '../db/schema';
import { tempDatabase } from '../testing/temp-db';
import type { Db } from '../db';
import type { Actor } from '../audit';
import { hashPassword } from './password';
import { remainingWait } from './throttle';
import { codeAt, confirmEnrolment, startEnrolment, totpState } from './totp';
import { userHasTotp, verifyStepUp } from './step-up';

const PASSWORD = 'signer en toute confiance';
const user = { id: 'u1', email: 'dpo@chu.fr' };
const actor: Actor = { userId: 'u1', label: 'dpo@chu.fr', role: null, orgId: null };

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword(PASSWORD);
});

describe('verifyStepUp', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let db: Db;
	// Each test its own 10-minute slot, so in-memory replay protection never links them.
	let now = Date.UTC(2026, 10, 23, 9, 0, 0);
	const clock = () => now;

	beforeEach(() => {
		ctx = tempDatabase();
		db = ctx.db;
		db.insert(users).values({ id: 'u1', email: user.email, name: 'D', passwordHash }).run();
		now += 10 * 60 * 1000;
	});
	afterEach(() => ctx.dispose());

	function enrol(): { secret: Uint8Array; codes: string[] } {
		startEnrolment(db, actor, 'u1');
		const secret = decodeHex(totpState(db, 'u1').secret!);
		const codes = confirmEnrolment(db, actor, 'u1', codeAt(secret, now), clock)!;
		// The enrolment used this step's code; the next one is what the app shows 30 s later.
		now += 30_000;
		return { secret, codes };
	}

	function audit(action: string) {
		return db.select().from(auditLog).where(eq(auditLog.action, action)).all();
	}

	it('passes with the password alone when the user has no two-factor and none is required', async () => {
		const result = await verifyStepUp(
			db,
			user,
			{ password: PASSWORD },
			{ totpRequired: false, clock }
		);
		expect(result).toEqual({ ok: true, usedRecoveryCode: false, usedTotp: false });
		expect(userHasTotp(db, 'u1')).toBe(false);
	});

	it('refuses a wrong password, audited without what was typed', async () => {
		const result = await verifyStepUp(
			db,
			user,
			{ password: 'not the password at all' },
			{ totpRequired: false, clock }
		);
		expect(result).toEqual({ ok: false, reason: 'wrong_password' });
		const [entry] = audit('signing.stepup_failed');
		expect(entry?.summary).toBe('wrong password');
		expect(entry?.actorId).toBe('u1');
		expect(JSON.stringify(entry)).not.toContain('not the password');
	});

	it('asks for enrolment, after the password, when the organisation requires two-factor', async () => {
		const wrong = await verifyStepUp(
			db,
			user,
			{ password: 'nope nope nope' },
			{ totpRequired: true, clock }
		);
		expect(wrong).toEqual({ ok: false, reason: 'wrong_password' });
		const right = await verifyStepUp(
			db,
			user,
			{ password: PASSWORD },
			{ totpRequired: true, clock }
		);
		expect(right).toEqual({ ok: false, reason: 'totp_enrolment_required' });
	});

	it('requires the code once two-factor is on, and accepts it once', async () => {
		const { secret } = enrol();
		expect(userHasTotp(db, 'u1')).toBe(true);
		expect(
			await verifyStepUp(db, user, { password: PASSWORD }, { totpRequired: false, clock })
		).toEqual({
			ok: false,
			reason: 'code_required'
		});
		const code = codeAt(secret, now);
		expect(
			await verifyStepUp(
				db,
				user,
				{ password: PASSWORD, code: code === '123456' ? '654321' : '123456' },
				{ totpRequired: false, clock }
			)
		).toEqual({ ok: false, reason: 'wrong_code' });
		expect(audit('signing.stepup_failed').map((e) => e.summary)).toEqual(['wrong two-factor code']);
		expect(
			await verifyStepUp(db, user, { password: PASSWORD, code }, { totpRequired: true, clock })
		).toEqual({ ok: true, usedRecoveryCode: false, usedTotp: true });
		// The same code a second time (replay) is refused.
		expect(
			await verifyStepUp(db, user, { password: PASSWORD, code }, { totpRequired: true, clock })
		).toEqual({ ok: false, reason: 'wrong_code' });
	});

	it('a right code with a wrong password is refused as a wrong password', async () => {
		const { secret } = enrol();
		const result = await verifyStepUp(
			db,
			user,
			{ password: 'wrong wrong wrong', code: codeAt(secret, now) },
			{ totpRequired: true, clock }
		);
		expect(result).toEqual({ ok: false, reason: 'wrong_password' });
	});

	it('accepts a recovery code once, marked used with its audit entry', async () => {
		const { codes } = enrol();
		const first = await verifyStepUp(
			db,
			user,
			{ password: PASSWORD, code: codes[0] },
			{ totpRequired: true, clock }
		);
		expect(first).toEqual({ ok: true, usedRecoveryCode: true, usedTotp: true });
		const used = db
			.select()
			.from(recoveryCodes)
			.all()
			.filter((r) => r.usedAt);
		expect(used).toHaveLength(1);
		expect(audit('auth.recovery_code_used')).toHaveLength(1);
		const again = await verifyStepUp(
			db,
			user,
			{ password: PASSWORD, code: codes[0] },
			{ totpRequired: true, clock }
		);
		expect(again).toEqual({ ok: false, reason: 'wrong_code' });
		expect(audit('auth.recovery_code_used')).toHaveLength(1);
	});

	it('passwordOnly skips the code (recovery codes regeneration)', async () => {
		enrol();
		const result = await verifyStepUp(
			db,
			user,
			{ password: PASSWORD },
			{ totpRequired: true, passwordOnly: true, purpose: 'account', clock }
		);
		expect(result).toEqual({ ok: true, usedRecoveryCode: false, usedTotp: false });
	});

	it('is throttled like login after 5 failures, under its own key (login unaffected)', async () => {
		for (let i = 0; i < 5; i++) {
			const r = await verifyStepUp(
				db,
				user,
				{ password: `wrong ${i} wrong wrong` },
				{ totpRequired: false, ip: '10.0.0.7', clock }
			);
			expect(r.ok).toBe(false);
		}
		// Even the right password waits while the delay runs.
		const throttled = await verifyStepUp(
			db,
			user,
			{ password: PASSWORD },
			{ totpRequired: false, ip: '10.0.0.7', clock }
		);
		expect(throttled).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 1 });
		expect(audit('signing.stepup_throttled')).toHaveLength(1);
		// The login keys (e-mail, IP) are untouched.
		expect(remainingWait(db, 'account', user.email, now)).toBe(0);
		expect(remainingWait(db, 'ip', '10.0.0.7', now)).toBe(0);
		const keys = db.select({ key: loginThrottle.key }).from(loginThrottle).all();
		expect(keys.map((k) => k.key).sort()).toEqual(['account:stepup:u1', 'ip:stepup:10.0.0.7']);
		now += 1000;
		expect(
			await verifyStepUp(
				db,
				user,
				{ password: PASSWORD },
				{ totpRequired: false, ip: '10.0.0.7', clock }
			)
		).toEqual({ ok: true, usedRecoveryCode: false, usedTotp: false });
		// Success resets the user's count, not the IP's.
		expect(
			db.select().from(loginThrottle).where(like(loginThrottle.key, 'account:%')).all()
		).toHaveLength(0);
	});

	it('refuses a disabled account', async () => {
		db.update(users)
			.set({ disabledAt: new Date(now).toISOString() })
			.where(eq(users.id, 'u1'))
			.run();
		expect(
			await verifyStepUp(db, user, { password: PASSWORD }, { totpRequired: false, clock })
		).toEqual({ ok: false, reason: 'wrong_password' });
	});
});
