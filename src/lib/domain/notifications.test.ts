import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES, type Role } from './roles';
import { EXTRA_OPINION_ROLES, type ExtraOpinion } from './signoff';
import {
	afterFailure,
	backoffMs,
	deliveryOf,
	digestDue,
	MAX_ATTEMPTS,
	NOTIFY_EVENTS,
	NOTIFY_MODES,
	roleIsNotified
} from './notifications';

const HOUR = 60 * 60 * 1000;
type Extra = Pick<ExtraOpinion, 'key' | 'role'>;
const noExtras: Extra[] = [];

/** The roles an event goes to, in the order of ROLES. */
const notified = (event: (typeof NOTIFY_EVENTS)[number], extras: Extra[] = noExtras): Role[] =>
	ROLES.filter((role) => roleIsNotified(event, role, extras));

describe('backoffMs', () => {
	it('doubles from the base: attempt 1 waits the base, 2 twice it, 3 four times it', () => {
		expect(backoffMs(1, 1000)).toBe(1000);
		expect(backoffMs(2, 1000)).toBe(2000);
		expect(backoffMs(3, 1000)).toBe(4000);
		expect(backoffMs(4, 1000)).toBe(8000);
		expect(backoffMs(6, 60_000)).toBe(32 * 60_000);
		expect(backoffMs(7, 60_000)).toBe(HOUR); // 64 min, capped
	});

	it('treats zero or negative attempts as the first', () => {
		expect(backoffMs(0, 500)).toBe(500);
		expect(backoffMs(-3, 500)).toBe(500);
	});

	it('never waits more than one hour', () => {
		expect(backoffMs(1, 2 * HOUR)).toBe(HOUR);
		expect(backoffMs(13, 1000)).toBe(HOUR); // 1000 × 2^12 = 4 096 000 > 3 600 000
		expect(backoffMs(12, 1000)).toBe(2_048_000);
		expect(backoffMs(1000, 1000)).toBe(HOUR);
		expect(backoffMs(Number.MAX_SAFE_INTEGER, 1)).toBe(HOUR);
	});

	it('is non-decreasing in attempts, capped at one hour, and at least min(base, 1h)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -5, max: 200 }),
				fc.integer({ min: 0, max: 50 }),
				fc.integer({ min: 1, max: 3 * HOUR }),
				(attempts, more, base) => {
					const a = backoffMs(attempts, base);
					const b = backoffMs(attempts + more, base);
					expect(b).toBeGreaterThanOrEqual(a);
					expect(a).toBeLessThanOrEqual(HOUR);
					expect(b).toBeLessThanOrEqual(HOUR);
					expect(a).toBeGreaterThanOrEqual(Math.min(base, HOUR));
				}
			)
		);
	});

	it('is exactly base × 2^(attempts − 1) while under the cap', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5000 }), (n, base) => {
				const raw = base * 2 ** (n - 1);
				expect(backoffMs(n, base)).toBe(Math.min(raw, HOUR));
			})
		);
	});
});

describe('afterFailure', () => {
	const now = Date.UTC(2026, 5, 15, 9, 0, 0);

	it('keeps a first failure pending, one attempt made, retried after the base', () => {
		expect(afterFailure(0, now, 1000)).toEqual({
			status: 'pending',
			attempts: 1,
			nextAttemptAt: now + 1000
		});
	});

	it('schedules the retry after backoffMs(attempts + 1)', () => {
		expect(afterFailure(1, now, 1000)).toEqual({
			status: 'pending',
			attempts: 2,
			nextAttemptAt: now + 2000
		});
		expect(afterFailure(2, now, 1000)).toEqual({
			status: 'pending',
			attempts: 3,
			nextAttemptAt: now + 4000
		});
		for (let attempts = 0; attempts + 1 < MAX_ATTEMPTS; attempts++) {
			expect(afterFailure(attempts, now, 30_000)).toEqual({
				status: 'pending',
				attempts: attempts + 1,
				nextAttemptAt: now + backoffMs(attempts + 1, 30_000)
			});
		}
	});

	it('gives up at MAX_ATTEMPTS failed attempts, not before', () => {
		expect(MAX_ATTEMPTS).toBe(8);
		expect(afterFailure(MAX_ATTEMPTS - 2, now, 1000).status).toBe('pending');
		expect(afterFailure(MAX_ATTEMPTS - 1, now, 1000)).toEqual({
			status: 'failed',
			attempts: MAX_ATTEMPTS
		});
		expect(afterFailure(MAX_ATTEMPTS + 3, now, 1000)).toEqual({
			status: 'failed',
			attempts: MAX_ATTEMPTS + 4
		});
		expect(afterFailure(MAX_ATTEMPTS - 1, now, 1000)).not.toHaveProperty('nextAttemptAt');
	});

	it('counts one more attempt each time, and a pending retry is strictly later', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 3 * MAX_ATTEMPTS }),
				fc.integer({ min: 0, max: 4_102_444_800_000 }),
				fc.integer({ min: 1, max: 3 * HOUR }),
				(attempts, nowMs, base) => {
					const next = afterFailure(attempts, nowMs, base);
					expect(next.attempts).toBe(attempts + 1);
					if (next.status === 'pending') {
						expect(next.attempts).toBeLessThan(MAX_ATTEMPTS);
						expect(next.nextAttemptAt).toBeGreaterThan(nowMs);
						expect(next.nextAttemptAt - nowMs).toBeLessThanOrEqual(HOUR);
						expect(next.nextAttemptAt).toBe(nowMs + backoffMs(attempts + 1, base));
					} else {
						expect(next.status).toBe('failed');
						expect(next.attempts).toBeGreaterThanOrEqual(MAX_ATTEMPTS);
					}
				}
			)
		);
	});

	it('fails a mail after exactly MAX_ATTEMPTS failures from scratch', () => {
		let attempts = 0;
		let failures = 0;
		let status: 'pending' | 'failed' = 'pending';
		while (status === 'pending') {
			const next = afterFailure(attempts, now, 1000);
			attempts = next.attempts;
			status = next.status;
			failures++;
			expect(failures).toBeLessThanOrEqual(MAX_ATTEMPTS);
		}
		expect(failures).toBe(MAX_ATTEMPTS);
		expect(attempts).toBe(MAX_ATTEMPTS);
	});
});

describe('deliveryOf', () => {
	it('routes immediate and digest to themselves, none to nowhere', () => {
		expect(deliveryOf('none')).toBeNull();
		expect(deliveryOf('immediate')).toBe('immediate');
		expect(deliveryOf('digest')).toBe('digest');
	});

	it('covers every mode', () => {
		expect(NOTIFY_MODES.map(deliveryOf)).toEqual(['immediate', 'digest', null]);
	});
});

describe('roleIsNotified', () => {
	it('tells the roles that evaluate steps of a review request, not the contributor', () => {
		expect(roleIsNotified('review_requested', 'dpo', noExtras)).toBe(true);
		expect(roleIsNotified('review_requested', 'contributor', noExtras)).toBe(false);
		expect(notified('review_requested')).toEqual(['dpo']);
	});

	it('tells the director of a decision to take, and nobody else', () => {
		expect(roleIsNotified('decision_requested', 'director', noExtras)).toBe(true);
		expect(notified('decision_requested')).toEqual(['director']);
	});

	it('tells only the DPO, among roles, of a signed decision', () => {
		expect(notified('decision_signed')).toEqual(['dpo']);
		expect(roleIsNotified('decision_signed', 'director', noExtras)).toBe(false);
	});

	it('tells no role of a step sent back (the server adds the person who asked)', () => {
		expect(notified('step_sent_back')).toEqual([]);
		expect(notified('step_sent_back', [{ key: 'x', role: 'contributor' }])).toEqual([]);
	});

	it('asks an opinion of the DPO, the security officer and the representative', () => {
		expect(notified('opinion_requested')).toEqual(['dpo', 'security', 'representative']);
		for (const role of ['admin', 'director', 'contributor', 'auditor'] as const)
			expect(roleIsNotified('opinion_requested', role, noExtras)).toBe(false);
	});

	it('also asks the roles an organisation names for a further opinion', () => {
		const extras: Extra[] = [
			{ key: 'cme', role: 'director' },
			{ key: 'lead', role: 'contributor' }
		];
		expect(notified('opinion_requested', extras)).toEqual([
			'dpo',
			'director',
			'security',
			'contributor',
			'representative'
		]);
		expect(roleIsNotified('opinion_requested', 'admin', extras)).toBe(false);
		expect(roleIsNotified('opinion_requested', 'auditor', extras)).toBe(false);
		// A further opinion does not widen the other events.
		expect(notified('review_requested', extras)).toEqual(['dpo']);
		expect(notified('decision_signed', extras)).toEqual(['dpo']);
	});

	it('never notifies admin or auditor, and always asks the roles named for a further opinion', () => {
		const extraRoles = fc.constantFrom(...EXTRA_OPINION_ROLES);
		fc.assert(
			fc.property(
				fc.constantFrom(...NOTIFY_EVENTS),
				fc.array(fc.record({ key: fc.stringMatching(/^[a-z]{1,8}$/), role: extraRoles }), {
					maxLength: 4
				}),
				(event, extras) => {
					expect(roleIsNotified(event, 'admin', extras)).toBe(false);
					expect(roleIsNotified(event, 'auditor', extras)).toBe(false);
					const asked = extras.map((e) => e.role);
					if (event === 'opinion_requested')
						for (const role of asked) expect(roleIsNotified(event, role, extras)).toBe(true);
				}
			)
		);
	});
});

describe('digestDue', () => {
	const HOUR_OF_DIGEST = 7;

	it('is not due before the hour', () => {
		expect(digestDue({ day: '2026-06-15', hour: 6 }, '2026-06-14', HOUR_OF_DIGEST)).toBe(false);
		expect(digestDue({ day: '2026-06-15', hour: 0 }, null, HOUR_OF_DIGEST)).toBe(false);
	});

	it('is due from the hour on a day not yet sent', () => {
		expect(digestDue({ day: '2026-06-15', hour: 7 }, '2026-06-14', HOUR_OF_DIGEST)).toBe(true);
		expect(digestDue({ day: '2026-06-15', hour: 8 }, '2026-06-10', HOUR_OF_DIGEST)).toBe(true);
		expect(digestDue({ day: '2026-06-15', hour: 7 }, null, HOUR_OF_DIGEST)).toBe(true);
	});

	it('is not due again once sent today', () => {
		expect(digestDue({ day: '2026-06-15', hour: 7 }, '2026-06-15', HOUR_OF_DIGEST)).toBe(false);
		expect(digestDue({ day: '2026-06-15', hour: 23 }, '2026-06-15', HOUR_OF_DIGEST)).toBe(false);
	});

	it('is still due for a server started late in the day', () => {
		expect(digestDue({ day: '2026-06-15', hour: 22 }, '2026-06-14', HOUR_OF_DIGEST)).toBe(true);
		expect(digestDue({ day: '2026-06-15', hour: 23 }, null, HOUR_OF_DIGEST)).toBe(true);
	});

	it('compares days across month and year boundaries', () => {
		expect(digestDue({ day: '2026-07-01', hour: 9 }, '2026-06-30', HOUR_OF_DIGEST)).toBe(true);
		expect(digestDue({ day: '2027-01-01', hour: 9 }, '2026-12-31', HOUR_OF_DIGEST)).toBe(true);
	});

	it('is due exactly when the hour has come and the last digest is from an earlier day', () => {
		const day = fc
			.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(
				day,
				fc.option(day, { nil: null }),
				fc.integer({ min: 0, max: 23 }),
				fc.integer({ min: 0, max: 23 }),
				(today, last, hour, digestHour) => {
					const due = digestDue({ day: today, hour }, last, digestHour);
					expect(due).toBe(hour >= digestHour && (last === null || last < today));
					if (last === today) expect(due).toBe(false);
				}
			)
		);
	});
});
