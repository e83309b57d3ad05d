import { passwordLoginAllowed } from '$lib/domain/oidc';
import { mutate, record, type Actor } from '../audit';
import type { Db } from '../db';
import { findByEmail, normaliseEmail, orgIdsOf } from '../users';
import { oidcProviders } from './oidc';
import { burnVerification, verifyPassword } from './password';
import {
	createSession,
	invalidateSession,
	markSecondFactorVerified,
	secondFactorDue
} from './session';
import { clearFailures, registerFailure, remainingWait } from './throttle';
import { checkSecondFactor } from './totp';

/**
 * The one sign-in flow (Lucia's design): the password opens a session; for an account
 * with two-factor that session is marked `two_factor_verified = false` and counts as
 * signed in only once `verifyLoginCode` accepts the code. Nothing is held in memory
 * between the two steps, and the password is never carried over.
 */
export type LoginResult =
	| { ok: true; token: string; expiresAt: number; secondFactorDue: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'sso_only' }
	| { ok: false; reason: 'throttled'; waitMs: number };

function waitFor(db: Db, email: string, ip: string, now: number): number {
	return Math.max(remainingWait(db, 'account', email, now), remainingWait(db, 'ip', ip, now));
}

function refuseThrottled(db: Db, actor: Actor, userId: string | undefined, waitMs: number) {
	mutate(db, actor, () => ({
		result: undefined,
		event: {
			action: 'auth.login_throttled',
			entity: 'user',
			entityId: userId,
			summary: `refused, retry in ${Math.ceil(waitMs / 1000)} s`
		}
	}));
}

/** A wrong password or code: counted for the account and the IP, in the same transaction as its audit entry. */
function registerLoginFailure(
	db: Db,
	actor: Actor,
	email: string,
	ip: string,
	userId: string | undefined,
	summary: string,
	now: number
) {
	mutate(db, actor, (tx) => {
		registerFailure(tx, 'account', email, now);
		registerFailure(tx, 'ip', ip, now);
		return {
			result: undefined,
			event: { action: 'auth.login_failure', entity: 'user', entityId: userId, summary }
		};
	});
}

/**
 * The password step. Unknown account, wrong password and disabled account look the
 * same from outside (same message, same argon2 cost); throttling applies to the
 * e-mail typed, whether or not the account exists.
 */
export async function login(
	db: Db,
	emailInput: string,
	password: string,
	ip: string
): Promise<LoginResult> {
	const email = normaliseEmail(emailInput).slice(0, 254);
	const now = Date.now();
	const user = findByEmail(db, email);
	const actor = { userId: user?.id ?? null, label: email, role: null, orgId: null };
	const waitMs = waitFor(db, email, ip, now);
	if (waitMs > 0) {
		refuseThrottled(db, actor, user?.id, waitMs);
		return { ok: false, reason: 'throttled', waitMs };
	}
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: (await burnVerification(password), false);
	if (!user || !valid || user.disabledAt) {
		const summary = !user
			? 'unknown account'
			: user.disabledAt
				? 'disabled account'
				: 'wrong password';
		registerLoginFailure(db, actor, email, ip, user?.id, summary, now);
		return { ok: false, reason: 'invalid' };
	}
	// A correct password of an organisation that signs in through its directory only: said
	// plainly (the password was right), audited, not counted as a guess.
	if (!passwordLoginAllowed(user.email, orgIdsOf(db, user.id), oidcProviders())) {
		record(db, actor, {
			action: 'auth.login_failure',
			entity: 'user',
			entityId: user.id,
			summary: 'password sign-in off for this organisation (directory only)'
		});
		return { ok: false, reason: 'sso_only' };
	}
	const due = secondFactorDue(user);
	const { token, session } = mutate(db, actor, (tx) => {
		// The account's failures are forgotten only once fully signed in (after the code).
		if (!due) clearFailures(tx, 'account', email);
		// A fresh token at each login: a token planted before login is never promoted.
		return {
			result: createSession(tx, user.id),
			event: due
				? {
						action: 'auth.login_second_factor_due',
						entity: 'user',
						entityId: user.id,
						summary: 'password accepted, two-factor code asked'
					}
				: { action: 'auth.login_success', entity: 'user', entityId: user.id, summary: 'signed in' }
		};
	});
	return { ok: true, token, expiresAt: session.expiresAt, secondFactorDue: due };
}

/** The session waiting for its code, as the hooks found it. */
export interface PendingLogin {
	sessionId: string;
	userId: string;
	email: string;
}

export type CodeResult =
	| { ok: true; usedRecoveryCode: boolean }
	| { ok: false; reason: 'wrong_code'; again: boolean }
	| { ok: false; reason: 'throttled'; waitMs: number };

/**
 * The code step: an app code or a recovery code. A wrong code counts as a failed login
 * for the account and the IP; once that throttles the account (5 failures), the session
 * is ended and the password asked again.
 */
export function verifyLoginCode(
	db: Db,
	pending: PendingLogin,
	code: string,
	ip: string,
	now = Date.now()
): CodeResult {
	const actor = { userId: pending.userId, label: pending.email, role: null, orgId: null };
	const waitMs = waitFor(db, pending.email, ip, now);
	if (waitMs > 0) {
		refuseThrottled(db, actor, pending.userId, waitMs);
		return { ok: false, reason: 'throttled', waitMs };
	}
	const second = checkSecondFactor(db, actor, pending.userId, code, now);
	if (!second.ok) {
		registerLoginFailure(
			db,
			actor,
			pending.email,
			ip,
			pending.userId,
			'wrong two-factor code',
			now
		);
		const again = remainingWait(db, 'account', pending.email, now) === 0;
		if (!again) invalidateSession(db, pending.sessionId);
		return { ok: false, reason: 'wrong_code', again };
	}
	mutate(db, actor, (tx) => {
		clearFailures(tx, 'account', pending.email);
		markSecondFactorVerified(tx, pending.sessionId);
		return {
			result: undefined,
			event: {
				action: 'auth.login_success',
				entity: 'user',
				entityId: pending.userId,
				summary: second.usedRecoveryCode
					? 'signed in with a recovery code'
					: 'signed in with two-factor'
			}
		};
	});
	return { ok: true, usedRecoveryCode: second.usedRecoveryCode };
}
