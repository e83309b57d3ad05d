import { sha256 } from '@oslojs/crypto/sha2';
import {
	decodeHex,
	encodeBase32LowerCaseNoPadding,
	encodeBase32UpperCaseNoPadding,
	encodeBase64,
	encodeHexLowerCase
} from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { renderSVG } from 'uqr';
import type { Role } from '$lib/domain/roles';
import { append, mutate, type Actor } from '../audit';
import { recoveryCodes, users } from '../db/schema';
import { writeTransaction, type Db } from '../db';
import { prepared } from '../db/prepared';
import { newId } from '../ids';
import { getOrgSettings, totpRequired } from '../org-settings';
import { invalidateOtherSessions, markSecondFactorVerified } from './session';

/** RFC 6238 as every authenticator app reads it by default: SHA-1, 30 s, 6 digits. */
export const PERIOD_SECONDS = 30;
export const DIGITS = 6;
export const ISSUER = 'Atelier AIPD';
export const RECOVERY_CODE_COUNT = 10;

export type Clock = () => number;
const systemClock: Clock = () => Date.now();

/** 160 bits, the HMAC-SHA-1 block the RFC recommends. */
export function generateSecret(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(20));
}

export function keyUri(secret: Uint8Array, email: string): string {
	return createTOTPKeyURI(ISSUER, email, secret, PERIOD_SECONDS, DIGITS);
}

/** The secret as typed by hand into an app: base32 in groups of four. */
export function secretForDisplay(secret: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(secret).replace(/(.{4})(?=.)/g, '$1 ');
}

/** An <img> source (the CSP allows data: images, not inline markup with styles). */
export function qrCodeDataUri(uri: string): string {
	const svg = renderSVG(uri, { ecc: 'M', border: 2 });
	return `data:image/svg+xml;base64,${encodeBase64(new TextEncoder().encode(svg))}`;
}

function stepAt(now: number): number {
	return Math.floor(now / 1000 / PERIOD_SECONDS);
}

/** The time step whose code this is, allowing one step either side for clock drift; null if none. */
export function matchStep(secret: Uint8Array, code: string, now: number): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const current = stepAt(now);
	for (const step of [current, current - 1, current + 1]) {
		if (verifyHOTP(secret, BigInt(step), DIGITS, code)) return step;
	}
	return null;
}

/** The code an app shows at `now` (tests, and nothing else, need to compute one). */
export function codeAt(secret: Uint8Array, now: number, offsetSteps = 0): string {
	return generateHOTP(secret, BigInt(stepAt(now) + offsetSteps), DIGITS);
}

/**
 * Replay protection: a code is accepted only for a time step later than the last one
 * accepted for this user and secret, so a code seen over a shoulder or in a proxy log
 * cannot be used again in its 90-second window. Kept in memory (the app runs as one
 * process); a restart forgets it, which re-opens at most one window.
 */
const lastAccepted = new Map<string, { secret: string; step: number }>();

export function acceptCode(userId: string, secretHex: string, code: string, now: number): boolean {
	const step = matchStep(decodeHex(secretHex), code, now);
	if (step === null) return false;
	const previous = lastAccepted.get(userId);
	if (previous && previous.secret === secretHex && step <= previous.step) return false;
	lastAccepted.set(userId, { secret: secretHex, step });
	return true;
}

/** A typed code with spaces and dashes removed, lower case, and digits read as letters. */
export function normaliseCode(input: string): string {
	return input
		.toLowerCase()
		.replace(/[\s-]+/g, '')
		.replace(/0/g, 'o')
		.replace(/1/g, 'l')
		.replace(/8/g, 'b');
}

export function isTotpCode(input: string): boolean {
	return /^\d{6}$/.test(input.replace(/\s+/g, ''));
}

function hashRecoveryCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseCode(code))));
}

/** 80 random bits each, base32 (no 0/1/8/9), shown as xxxx-xxxx-xxxx-xxxx. */
export function generateRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
		return raw.replace(/(.{4})(?=.)/g, '$1-');
	});
}

/** Replaces every recovery code of the user; the plain codes are returned once, never stored. */
function replaceRecoveryCodes(tx: Db, userId: string): string[] {
	const codes = generateRecoveryCodes();
	tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
	tx.insert(recoveryCodes)
		.values(codes.map((c) => ({ id: newId(), userId, codeHash: hashRecoveryCode(c) })))
		.run();
	return codes;
}

export function remainingRecoveryCodes(db: Db, userId: string): number {
	return db
		.select({ id: recoveryCodes.id })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
		.all().length;
}

/**
 * Marks the recovery code used, with its audit entry in the same transaction;
 * false when it is not one of the user's unused codes.
 */
export function useRecoveryCode(db: Db, actor: Actor, userId: string, input: string): boolean {
	const codeHash = hashRecoveryCode(input);
	return writeTransaction(db, (tx) => {
		const used = tx
			.update(recoveryCodes)
			.set({ usedAt: new Date().toISOString() })
			.where(
				and(
					eq(recoveryCodes.userId, userId),
					eq(recoveryCodes.codeHash, codeHash),
					isNull(recoveryCodes.usedAt)
				)
			)
			.returning({ id: recoveryCodes.id })
			.get();
		if (!used) return false;
		append(tx, actor, {
			action: 'auth.recovery_code_used',
			entity: 'user',
			entityId: userId,
			summary: `recovery code used, ${remainingRecoveryCodes(tx, userId)} left`
		});
		return true;
	});
}

export interface TotpState {
	enabled: boolean;
	/** Hex secret: the enabled one, or the one being enrolled. */
	secret: string | null;
	enabledAt: string | null;
}

/** Read on every signed-in request (the two-factor gate): built once (db/prepared.ts). */
const totpOf = prepared((db) =>
	db
		.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
		.from(users)
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

export function totpState(db: Db, userId: string): TotpState {
	const row = totpOf(db).get({ userId });
	return {
		enabled: !!row?.secret && !!row.enabledAt,
		secret: row?.secret ?? null,
		enabledAt: row?.enabledAt ?? null
	};
}

/** Whether the user proved a code from an app: then every sign-in and signature asks for one. */
export function userHasTotp(db: Db, userId: string): boolean {
	return totpState(db, userId).enabled;
}

/**
 * A code typed at login or when re-authenticating: six digits from the app, or a recovery
 * code. Only for a user with two-factor enabled.
 */
export function checkSecondFactor(
	db: Db,
	actor: Actor,
	userId: string,
	input: string,
	now: number
): { ok: boolean; usedRecoveryCode: boolean } {
	const state = totpState(db, userId);
	if (!state.enabled || !state.secret) return { ok: false, usedRecoveryCode: false };
	if (isTotpCode(input)) {
		return {
			ok: acceptCode(userId, state.secret, input.replace(/\s+/g, ''), now),
			usedRecoveryCode: false
		};
	}
	const ok = input.length <= 64 && useRecoveryCode(db, actor, userId, input);
	return { ok, usedRecoveryCode: ok };
}

/** The organisations (names) that require two-factor for the role the user holds there. */
export function organisationsRequiringTotp(
	db: Db,
	memberships: readonly { orgId: string; orgName: string; role: Role }[]
): string[] {
	return memberships
		.filter((mb) => totpRequired(getOrgSettings(db, mb.orgId), mb.role))
		.map((mb) => mb.orgName);
}

/** A fresh secret for the user to scan; two-factor is on only once a code is confirmed. */
export function startEnrolment(db: Db, actor: Actor, userId: string): boolean {
	// Never replaces an enabled secret: that would silently turn the user's app useless.
	if (totpState(db, userId).enabled) return false;
	return mutate(db, actor, (tx) => {
		tx.update(users)
			.set({ totpSecret: encodeHexLowerCase(generateSecret()) })
			.where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
			.run();
		return {
			result: true,
			event: {
				action: 'user.totp_enrol_start',
				entity: 'user',
				entityId: userId,
				summary: 'two-factor enrolment started'
			}
		};
	});
}

export function cancelEnrolment(db: Db, actor: Actor, userId: string): void {
	mutate(db, actor, (tx) => {
		tx.update(users)
			.set({ totpSecret: null })
			.where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
			.run();
		return {
			result: undefined,
			event: {
				action: 'user.totp_enrol_cancel',
				entity: 'user',
				entityId: userId,
				summary: 'two-factor enrolment cancelled'
			}
		};
	});
}

/**
 * Turns two-factor on once the user typed a valid code from the scanned secret, and
 * returns the recovery codes (shown once). Null when the code is wrong or nothing is pending.
 */
export function confirmEnrolment(
	db: Db,
	actor: Actor,
	userId: string,
	code: string,
	clock: Clock = systemClock,
	/** The session enrolling: it stays signed in (the code was just proven), every other one ends. */
	sessionId?: string
): string[] | null {
	const state = totpState(db, userId);
	if (state.enabled || !state.secret) return null;
	if (!acceptCode(userId, state.secret, code.replace(/\s+/g, ''), clock())) return null;
	return mutate(db, actor, (tx) => {
		tx.update(users)
			.set({ totpEnabledAt: new Date(clock()).toISOString() })
			.where(eq(users.id, userId))
			.run();
		// A session opened with the password alone (perhaps by whoever made enrolment
		// necessary) must not outlive the switch to two-factor.
		if (sessionId) {
			invalidateOtherSessions(tx, userId, sessionId);
			markSecondFactorVerified(tx, sessionId);
		}
		return {
			result: replaceRecoveryCodes(tx, userId),
			event: {
				action: 'user.totp_enable',
				entity: 'user',
				entityId: userId,
				summary: `two-factor enabled, ${RECOVERY_CODE_COUNT} recovery codes issued${sessionId ? ', other sessions ended' : ''}`
			}
		};
	});
}

export function regenerateRecoveryCodes(db: Db, actor: Actor, userId: string): string[] {
	return mutate(db, actor, (tx) => ({
		result: replaceRecoveryCodes(tx, userId),
		event: {
			action: 'user.recovery_codes_regenerate',
			entity: 'user',
			entityId: userId,
			summary: `${RECOVERY_CODE_COUNT} new recovery codes; the previous ones no longer work`
		}
	}));
}

export function disableTotp(db: Db, actor: Actor, userId: string): void {
	mutate(db, actor, (tx) => {
		tx.update(users)
			.set({ totpSecret: null, totpEnabledAt: null })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
		lastAccepted.delete(userId);
		return {
			result: undefined,
			event: {
				action: 'user.totp_disable',
				entity: 'user',
				entityId: userId,
				summary: 'two-factor disabled, recovery codes deleted'
			}
		};
	});
}
