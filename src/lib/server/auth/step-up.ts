import { eq } from 'drizzle-orm';
import { mutate, record, type Actor } from '../audit';
import { users } from '../db/schema';
import type { Db } from '../db';
import { verifyPassword } from './password';
import { clearFailures, registerFailure, remainingWait } from './throttle';
import { checkSecondFactor, totpState, type Clock } from './totp';

export { userHasTotp } from './totp';

export type StepUpRefusal =
	'wrong_password' | 'code_required' | 'wrong_code' | 'totp_enrolment_required' | 'throttled';

export type StepUpResult =
	| { ok: true; usedRecoveryCode: boolean; usedTotp: boolean }
	| { ok: false; reason: StepUpRefusal; retryAfterSeconds?: number };

export interface StepUpOptions {
	/** The organisation requires two-factor for the role the user acts in. */
	totpRequired: boolean;
	ip?: string | null;
	/** Names the audit action (`signing.stepup_failed`, `account.stepup_failed`). */
	purpose?: 'signing' | 'account';
	/** Only the password is asked (e.g. to see new recovery codes). */
	passwordOnly?: boolean;
	clock?: Clock;
}

/**
 * Throttled like login, under keys of its own (`account:stepup:<user id>` and
 * `ip:stepup:<ip>`): a mistyped password when signing slows further signatures but
 * never locks the user out of signing in.
 */
function throttleKeys(userId: string, ip: string | null | undefined) {
	return [
		{ kind: 'account' as const, value: `stepup:${userId}` },
		...(ip ? [{ kind: 'ip' as const, value: `stepup:${ip}` }] : [])
	];
}

/**
 * Re-authentication before an act that commits the user (a signature, a security
 * setting): the password again, then the two-factor code when the user has enabled it.
 * Failures are throttled and audited (never with what was typed).
 */
export async function verifyStepUp(
	db: Db,
	user: { id: string; email: string },
	input: { password: string; code?: string | null },
	opts: StepUpOptions
): Promise<StepUpResult> {
	const clock = opts.clock ?? Date.now;
	const purpose = opts.purpose ?? 'signing';
	const actor: Actor = { userId: user.id, label: user.email, role: null, orgId: null };
	const keys = throttleKeys(user.id, opts.ip);
	const wait = Math.max(...keys.map((k) => remainingWait(db, k.kind, k.value, clock())));
	if (wait > 0) {
		const retryAfterSeconds = Math.ceil(wait / 1000);
		record(db, actor, {
			action: `${purpose}.stepup_throttled`,
			entity: 'user',
			entityId: user.id,
			summary: `refused, retry in ${retryAfterSeconds} s`
		});
		return { ok: false, reason: 'throttled', retryAfterSeconds };
	}

	const fail = (reason: 'wrong_password' | 'wrong_code'): StepUpResult => {
		mutate(db, actor, (tx) => {
			for (const k of keys) registerFailure(tx, k.kind, k.value, clock());
			return {
				result: undefined,
				event: {
					action: `${purpose}.stepup_failed`,
					entity: 'user',
					entityId: user.id,
					summary: reason === 'wrong_password' ? 'wrong password' : 'wrong two-factor code'
				}
			};
		});
		return { ok: false, reason };
	};

	const row = db
		.select({ hash: users.passwordHash, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.id, user.id))
		.get();
	const passwordOk =
		!!row &&
		!row.disabledAt &&
		input.password.length <= 1024 &&
		(await verifyPassword(row.hash, input.password));
	if (!passwordOk) return fail('wrong_password');

	const state = totpState(db, user.id);
	if (!state.enabled) {
		if (opts.totpRequired) return { ok: false, reason: 'totp_enrolment_required' };
		return succeed(db, keys, false, false);
	}
	if (opts.passwordOnly) return succeed(db, keys, false, false);
	const code = input.code?.trim() ?? '';
	if (!code) return { ok: false, reason: 'code_required' };
	const second = checkSecondFactor(db, actor, user.id, code, clock());
	if (!second.ok) return fail('wrong_code');
	return succeed(db, keys, second.usedRecoveryCode, true);
}

function succeed(
	db: Db,
	keys: ReturnType<typeof throttleKeys>,
	usedRecoveryCode: boolean,
	usedTotp: boolean
): StepUpResult {
	// Like a successful login: the user's own count starts again (the IP's does not).
	clearFailures(db, keys[0]!.kind, keys[0]!.value);
	return { ok: true, usedRecoveryCode, usedTotp };
}
