import { eq } from 'drizzle-orm';
import { loginThrottle } from '../db/schema';
import type { Db } from '../db';

const WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;

/**
 * Per account: free tries up to 5 failures, then a delay doubling from 1 s, and
 * no more than 25 failures in 24 h. Per IP the same shape with looser numbers, so a
 * password-spraying client is slowed while colleagues behind the hospital's NAT are not.
 */
export const POLICIES = {
	account: { freeFailures: 5, maxFailures: 25 },
	ip: { freeFailures: 20, maxFailures: 100 }
} as const;

export type ThrottleKind = keyof typeof POLICIES;

export interface ThrottleState {
	windowStart: number;
	failures: number;
	lastFailureAt: number;
}

/** Pure: how long (ms) the key must still wait before the next try; 0 when free to try. */
export function waitFor(kind: ThrottleKind, state: ThrottleState | undefined, now: number): number {
	if (!state || now - state.windowStart >= WINDOW_MS) return 0;
	const policy = POLICIES[kind];
	if (state.failures >= policy.maxFailures) return state.windowStart + WINDOW_MS - now;
	if (state.failures < policy.freeFailures) return 0;
	const delay = Math.min(1000 * 2 ** (state.failures - policy.freeFailures), MAX_DELAY_MS);
	return Math.max(0, state.lastFailureAt + delay - now);
}

/** Pure: the state after one more failure. */
export function afterFailure(state: ThrottleState | undefined, now: number): ThrottleState {
	if (!state || now - state.windowStart >= WINDOW_MS) {
		return { windowStart: now, failures: 1, lastFailureAt: now };
	}
	return { ...state, failures: state.failures + 1, lastFailureAt: now };
}

function keyOf(kind: ThrottleKind, value: string): string {
	return `${kind}:${value.toLowerCase()}`;
}

export function remainingWait(db: Db, kind: ThrottleKind, value: string, now = Date.now()): number {
	const state = db
		.select()
		.from(loginThrottle)
		.where(eq(loginThrottle.key, keyOf(kind, value)))
		.get();
	return waitFor(kind, state, now);
}

export function registerFailure(db: Db, kind: ThrottleKind, value: string, now = Date.now()): void {
	const key = keyOf(kind, value);
	const state = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
	const next = afterFailure(state, now);
	db.insert(loginThrottle)
		.values({ key, ...next })
		.onConflictDoUpdate({ target: loginThrottle.key, set: next })
		.run();
}

export function clearFailures(db: Db, kind: ThrottleKind, value: string): void {
	db.delete(loginThrottle)
		.where(eq(loginThrottle.key, keyOf(kind, value)))
		.run();
}
