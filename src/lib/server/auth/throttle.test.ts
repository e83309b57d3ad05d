import { describe, expect, it } from 'vitest';
import { afterFailure, waitFor, type ThrottleState } from './throttle';

function fail(n: number, start: number, step = 0): ThrottleState | undefined {
	let s: ThrottleState | undefined;
	for (let i = 0; i < n; i++) s = afterFailure(s, start + i * step);
	return s;
}

describe('login throttling', () => {
	const t = Date.UTC(2026, 0, 1);
	it('lets the first 5 failures through without delay', () => {
		expect(waitFor('account', fail(4, t), t)).toBe(0);
	});
	it('delays exponentially from the 5th failure', () => {
		expect(waitFor('account', fail(5, t), t)).toBe(1000);
		expect(waitFor('account', fail(6, t), t)).toBe(2000);
		expect(waitFor('account', fail(8, t), t)).toBe(8000);
		expect(waitFor('account', fail(8, t), t + 8000)).toBe(0);
	});
	it('blocks after 25 failures until the 24 h window ends', () => {
		const s = fail(25, t, 1000);
		const later = t + 60 * 60 * 1000;
		expect(waitFor('account', s, later)).toBe(t + 24 * 3600 * 1000 - later);
		expect(waitFor('account', s, t + 24 * 3600 * 1000)).toBe(0);
	});
	it('uses looser limits per IP so colleagues behind one NAT are not locked out', () => {
		expect(waitFor('ip', fail(19, t), t)).toBe(0);
		expect(waitFor('ip', fail(20, t), t)).toBeGreaterThan(0);
	});
	it('starts a new window after 24 h', () => {
		const s = afterFailure(fail(25, t), t + 25 * 3600 * 1000);
		expect(s.failures).toBe(1);
	});
});
