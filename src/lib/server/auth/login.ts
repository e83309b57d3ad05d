import { mutate } from '../audit';
import type { Db } from '../db';
import { findByEmail, normaliseEmail } from '../users';
import { burnVerification, verifyPassword } from './password';
import { createSession } from './session';
import { clearFailures, registerFailure, remainingWait } from './throttle';

export type LoginResult =
	| { ok: true; token: string; expiresAt: number }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; waitMs: number };

/**
 * The whole login decision. Unknown account, wrong password and disabled account
 * look the same from outside (same message, same argon2 cost); throttling applies
 * to the e-mail typed, whether or not the account exists.
 */
export async function login(
	db: Db,
	emailInput: string,
	password: string,
	ip: string
): Promise<LoginResult> {
	const email = normaliseEmail(emailInput).slice(0, 254);
	const now = Date.now();
	const waitMs = Math.max(
		remainingWait(db, 'account', email, now),
		remainingWait(db, 'ip', ip, now)
	);
	const user = findByEmail(db, email);
	const actor = { userId: user?.id ?? null, label: email, role: null, orgId: null };
	if (waitMs > 0) {
		mutate(db, actor, () => ({
			result: undefined,
			event: {
				action: 'auth.login_throttled',
				entity: 'user',
				entityId: user?.id,
				summary: `refused, retry in ${Math.ceil(waitMs / 1000)} s`
			}
		}));
		return { ok: false, reason: 'throttled', waitMs };
	}
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: (await burnVerification(password), false);
	if (!user || !valid || user.disabledAt) {
		mutate(db, actor, (tx) => {
			registerFailure(tx, 'account', email, now);
			registerFailure(tx, 'ip', ip, now);
			return {
				result: undefined,
				event: {
					action: 'auth.login_failure',
					entity: 'user',
					entityId: user?.id,
					summary: !user
						? 'unknown account'
						: user.disabledAt
							? 'disabled account'
							: 'wrong password'
				}
			};
		});
		return { ok: false, reason: 'invalid' };
	}
	const { token, session } = mutate(db, actor, (tx) => {
		clearFailures(tx, 'account', email);
		// A fresh token at each login: a token planted before login is never promoted.
		const created = createSession(tx, user.id);
		return {
			result: created,
			event: {
				action: 'auth.login_success',
				entity: 'user',
				entityId: user.id,
				summary: 'signed in'
			}
		};
	});
	return { ok: true, token, expiresAt: session.expiresAt };
}
