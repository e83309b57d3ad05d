import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32IgnorePadding, decodeHex } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { auditLog, memberships, organisations, recoveryCodes, users } from '../db/schema';
import { tempDatabase } from '../testing/temp-db';
import type { Db } from '../db';
import type { Actor } from '../audit';
import {
	acceptCode,
	cancelEnrolment,
	checkSecondFactor,
	codeAt,
	confirmEnrolment,
	disableTotp,
	generateRecoveryCodes,
	generateSecret,
	keyUri,
	matchStep,
	organisationsRequiringTotp,
	qrCodeDataUri,
	regenerateRecoveryCodes,
	remainingRecoveryCodes,
	secretForDisplay,
	startEnrolment,
	totpState,
	userHasTotp
} from './totp';

// RFC 6238 appendix B: the SHA-1 test key and its 8-digit vectors, cut to 6 digits.
const RFC_KEY = new TextEncoder().encode('12345678901234567890');

describe('TOTP codes', () => {
	it('match the RFC 6238 test vectors', () => {
		expect(generateHOTP(RFC_KEY, BigInt(Math.floor(59 / 30)), 6)).toBe('287082');
		expect(codeAt(RFC_KEY, 1111111109 * 1000)).toBe('081804');
		expect(codeAt(RFC_KEY, 1234567890 * 1000)).toBe('005924');
	});

	it('accept one step of 30 s either side, no more', () => {
		const t = 1234567890 * 1000;
		const code = codeAt(RFC_KEY, t);
		const step = Math.floor(t / 30000);
		expect(matchStep(RFC_KEY, code, t)).toBe(step);
		expect(matchStep(RFC_KEY, code, t + 30_000)).toBe(step);
		expect(matchStep(RFC_KEY, code, t - 30_000)).toBe(step);
		expect(matchStep(RFC_KEY, code, t + 60_000)).toBeNull();
		expect(matchStep(RFC_KEY, code, t - 60_000)).toBeNull();
		expect(matchStep(RFC_KEY, '12345', t)).toBeNull();
		expect(matchStep(RFC_KEY, 'abcdef', t)).toBeNull();
	});

	it('refuse a code already accepted, and any earlier step, for the same user', () => {
		const secret = generateSecret();
		const hex = Buffer.from(secret).toString('hex');
		const t = Date.UTC(2026, 10, 23, 9, 0, 10);
		const now = codeAt(secret, t);
		const next = codeAt(secret, t, 1);
		expect(acceptCode('replay-user', hex, now, t)).toBe(true);
		expect(acceptCode('replay-user', hex, now, t)).toBe(false);
		expect(acceptCode('replay-user', hex, codeAt(secret, t, -1), t)).toBe(false);
		expect(acceptCode('replay-user', hex, next, t)).toBe(true);
		// Another user with the same code is not affected.
		expect(acceptCode('other-user', hex, now, t)).toBe(true);
	});

	it('build an otpauth URI an app reads back to the same secret, and a QR image', () => {
		const secret = generateSecret();
		expect(secret).toHaveLength(20);
		const uri = new URL(keyUri(secret, 'dpo@chu.fr'));
		expect(uri.protocol).toBe('otpauth:');
		expect(uri.host).toBe('totp');
		expect(decodeURIComponent(uri.pathname)).toBe('/Atelier AIPD:dpo@chu.fr');
		expect(uri.searchParams.get('issuer')).toBe('Atelier AIPD');
		expect(uri.searchParams.get('period')).toBe('30');
		expect(uri.searchParams.get('digits')).toBe('6');
		expect(decodeBase32IgnorePadding(uri.searchParams.get('secret')!)).toEqual(secret);
		expect(decodeBase32IgnorePadding(secretForDisplay(secret).replace(/ /g, ''))).toEqual(secret);
		const qr = qrCodeDataUri(uri.href);
		expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(Buffer.from(qr.split(',')[1]!, 'base64').toString()).toContain('<svg');
	});
});

describe('recovery codes', () => {
	it('are 10 distinct codes of 80 random bits, in groups of four', () => {
		const codes = generateRecoveryCodes();
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
	});
});

describe('enrolment and use against the database', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let db: Db;
	const actor: Actor = { userId: 'u1', label: 'a@b.c', role: null, orgId: null };
	let now = Date.UTC(2026, 10, 23, 9, 0, 0);
	const clock = () => now;

	beforeEach(() => {
		ctx = tempDatabase();
		db = ctx.db;
		db.insert(users).values({ id: 'u1', email: 'a@b.c', name: 'A', passwordHash: 'x' }).run();
		now += 10 * 60 * 1000;
	});
	afterEach(() => ctx.dispose());

	function pendingSecret(): Uint8Array {
		return decodeHex(totpState(db, 'u1').secret!);
	}

	it('is on only after a valid code, and issues 10 recovery codes stored as SHA-256', () => {
		expect(startEnrolment(db, actor, 'u1')).toBe(true);
		expect(userHasTotp(db, 'u1')).toBe(false);
		const secret = pendingSecret();
		expect(confirmEnrolment(db, actor, 'u1', '000000', clock)).toBeNull();
		expect(userHasTotp(db, 'u1')).toBe(false);
		const codes = confirmEnrolment(db, actor, 'u1', codeAt(secret, now), clock);
		expect(codes).toHaveLength(10);
		expect(userHasTotp(db, 'u1')).toBe(true);
		const stored = db.select().from(recoveryCodes).all();
		expect(stored).toHaveLength(10);
		for (const row of stored) {
			expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
			expect(codes).not.toContain(row.codeHash);
		}
		// An enabled secret is never replaced by a new enrolment.
		expect(startEnrolment(db, actor, 'u1')).toBe(false);
		expect(pendingSecret()).toEqual(secret);
		const actions = db.select({ a: auditLog.action }).from(auditLog).all();
		expect(actions.map((r) => r.a)).toEqual(['user.totp_enrol_start', 'user.totp_enable']);
	});

	it('can be cancelled before confirmation', () => {
		startEnrolment(db, actor, 'u1');
		cancelEnrolment(db, actor, 'u1');
		expect(totpState(db, 'u1')).toEqual({ enabled: false, secret: null, enabledAt: null });
	});

	it('accepts a recovery code once, typed in any case and with spaces', () => {
		startEnrolment(db, actor, 'u1');
		const codes = confirmEnrolment(db, actor, 'u1', codeAt(pendingSecret(), now), clock)!;
		const typed = codes[3]!.toUpperCase().replace(/-/g, ' ');
		expect(checkSecondFactor(db, actor, 'u1', typed, now)).toEqual({
			ok: true,
			usedRecoveryCode: true
		});
		expect(checkSecondFactor(db, actor, 'u1', codes[3]!, now).ok).toBe(false);
		expect(remainingRecoveryCodes(db, 'u1')).toBe(9);
		const used = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'auth.recovery_code_used'))
			.all();
		expect(used).toHaveLength(1);
		expect(used[0]!.summary).toBe('recovery code used, 9 left');
		expect(used[0]!.summary).not.toContain(codes[3]!);
	});

	it('regenerating replaces every recovery code', () => {
		startEnrolment(db, actor, 'u1');
		const first = confirmEnrolment(db, actor, 'u1', codeAt(pendingSecret(), now), clock)!;
		const second = regenerateRecoveryCodes(db, actor, 'u1');
		expect(second.some((c) => first.includes(c))).toBe(false);
		expect(checkSecondFactor(db, actor, 'u1', first[0]!, now).ok).toBe(false);
		expect(checkSecondFactor(db, actor, 'u1', second[0]!, now).ok).toBe(true);
		expect(remainingRecoveryCodes(db, 'u1')).toBe(9);
	});

	it('disabling removes the secret and the recovery codes', () => {
		startEnrolment(db, actor, 'u1');
		const codes = confirmEnrolment(db, actor, 'u1', codeAt(pendingSecret(), now), clock)!;
		disableTotp(db, actor, 'u1');
		expect(userHasTotp(db, 'u1')).toBe(false);
		expect(db.select().from(recoveryCodes).all()).toHaveLength(0);
		expect(checkSecondFactor(db, actor, 'u1', codes[0]!, now).ok).toBe(false);
	});

	it('names the organisations that require two-factor for the role held there', () => {
		db.insert(organisations)
			.values([
				{ id: 'o1', name: 'CHU A', settings: { requireTotp: true } },
				{ id: 'o2', name: 'CHU B', settings: {} }
			])
			.run();
		db.insert(memberships)
			.values([
				{ id: 'm1', userId: 'u1', orgId: 'o1', role: 'dpo' },
				{ id: 'm2', userId: 'u1', orgId: 'o2', role: 'dpo' }
			])
			.run();
		expect(
			organisationsRequiringTotp(db, [
				{ orgId: 'o1', orgName: 'CHU A', role: 'dpo' },
				{ orgId: 'o2', orgName: 'CHU B', role: 'dpo' }
			])
		).toEqual(['CHU A']);
		expect(
			organisationsRequiringTotp(db, [{ orgId: 'o1', orgName: 'CHU A', role: 'contributor' }])
		).toEqual([]);
	});
});
