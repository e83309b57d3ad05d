import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { mutate, type Actor } from '$lib/server/audit';
import type { Db } from '$lib/server/db';
import type { User } from '$lib/server/db/schema';
import { burnVerification, verifyPassword } from '$lib/server/auth/password';
import { createSession } from '$lib/server/auth/session';
import { clearFailures, registerFailure, remainingWait } from '$lib/server/auth/throttle';
import { checkSecondFactor, organisationsRequiringTotp, userHasTotp } from '$lib/server/auth/totp';
import { currentUser, findByEmail, normaliseEmail } from '$lib/server/users';

/**
 * Sign-in for accounts with two-factor: the password first, then the code. Between the
 * two, the browser holds only a random token in an httpOnly cookie; what it stands for
 * (the user, until when) stays in this process's memory, so the password is never
 * carried over and a restart simply asks for it again.
 */
const PENDING_COOKIE = 'pending_login';
const PENDING_MS = 5 * 60 * 1000;
// Past this many wrong codes the password is asked again (on top of the account throttle).
const MAX_CODE_TRIES = 5;

interface Pending {
	userId: string;
	email: string;
	expiresAt: number;
	tries: number;
}

const pendings = new Map<string, Pending>();

function keyOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function sweep(now: number) {
	for (const [key, p] of pendings) if (p.expiresAt <= now) pendings.delete(key);
}

export function startPending(cookies: Cookies, url: URL, user: User, now = Date.now()): void {
	sweep(now);
	const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
	pendings.set(keyOf(token), {
		userId: user.id,
		email: user.email,
		expiresAt: now + PENDING_MS,
		tries: 0
	});
	cookies.set(PENDING_COOKIE, token, {
		path: '/login',
		httpOnly: true,
		sameSite: 'strict',
		secure: !dev || url.protocol === 'https:',
		maxAge: PENDING_MS / 1000
	});
}

export function readPending(cookies: Cookies, now = Date.now()): Pending | null {
	const token = cookies.get(PENDING_COOKIE);
	if (!token) return null;
	const pending = pendings.get(keyOf(token));
	if (!pending || pending.expiresAt <= now) return null;
	return pending;
}

export function endPending(cookies: Cookies, url: URL): void {
	const token = cookies.get(PENDING_COOKIE);
	if (token) pendings.delete(keyOf(token));
	cookies.delete(PENDING_COOKIE, { path: '/login', secure: !dev || url.protocol === 'https:' });
}

export type CredentialCheck =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' }
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

function registerLoginFailure(
	db: Db,
	actor: Actor,
	email: string,
	ip: string,
	userId: string | undefined,
	summary: string
) {
	const now = Date.now();
	mutate(db, actor, (tx) => {
		registerFailure(tx, 'account', email, now);
		registerFailure(tx, 'ip', ip, now);
		return {
			result: undefined,
			event: { action: 'auth.login_failure', entity: 'user', entityId: userId, summary }
		};
	});
}

/** The password step, throttled and audited exactly as `login()` does, without opening a session. */
export async function checkCredentials(
	db: Db,
	emailInput: string,
	password: string,
	ip: string
): Promise<CredentialCheck> {
	const email = normaliseEmail(emailInput).slice(0, 254);
	const user = findByEmail(db, email);
	const actor = { userId: user?.id ?? null, label: email, role: null, orgId: null };
	const waitMs = waitFor(db, email, ip, Date.now());
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
		registerLoginFailure(db, actor, email, ip, user?.id, summary);
		return { ok: false, reason: 'invalid' };
	}
	return { ok: true, user };
}

export type CodeCheck =
	| { ok: true; token: string; expiresAt: number }
	| { ok: false; reason: 'wrong_code'; again: boolean }
	| { ok: false; reason: 'throttled'; waitMs: number }
	| { ok: false; reason: 'expired' };

/** The code step: a wrong code counts as a failed login for the account and the IP. */
export function checkLoginCode(db: Db, pending: Pending, code: string, ip: string): CodeCheck {
	const actor = { userId: pending.userId, label: pending.email, role: null, orgId: null };
	const waitMs = waitFor(db, pending.email, ip, Date.now());
	if (waitMs > 0) {
		refuseThrottled(db, actor, pending.userId, waitMs);
		return { ok: false, reason: 'throttled', waitMs };
	}
	const user = findByEmail(db, pending.email);
	if (!user || user.id !== pending.userId || user.disabledAt || !userHasTotp(db, user.id)) {
		return { ok: false, reason: 'expired' };
	}
	const second = checkSecondFactor(db, actor, user.id, code, Date.now());
	if (!second.ok) {
		pending.tries += 1;
		registerLoginFailure(db, actor, pending.email, ip, user.id, 'wrong two-factor code');
		return { ok: false, reason: 'wrong_code', again: pending.tries < MAX_CODE_TRIES };
	}
	return openSession(
		db,
		user,
		second.usedRecoveryCode ? 'signed in with a recovery code' : 'signed in with two-factor'
	);
}

/** As `login()` ends: the account's failures forgotten, a fresh session, one audit entry. */
export function openSession(db: Db, user: User, summary: string) {
	const actor = { userId: user.id, label: user.email, role: null, orgId: null };
	const { token, session } = mutate(db, actor, (tx) => {
		clearFailures(tx, 'account', user.email);
		return {
			result: createSession(tx, user.id),
			event: { action: 'auth.login_success', entity: 'user', entityId: user.id, summary }
		};
	});
	return { ok: true as const, token, expiresAt: session.expiresAt };
}

/** Where to go once signed in: the account page while an organisation awaits the user's enrolment. */
export function enrolmentPending(db: Db, userId: string, email: string): boolean {
	if (userHasTotp(db, userId)) return false;
	const { memberships } = currentUser(db, { id: userId, email, name: '' });
	return organisationsRequiringTotp(db, memberships).length > 0;
}
