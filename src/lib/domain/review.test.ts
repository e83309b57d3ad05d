import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	reviewStateWith,
	sameMatrix,
	signalRaisesReview,
	SIGNAL_KINDS,
	VULNERABILITY_REVIEW_SEVERITY
} from './review';
import { MATRIX, arbMatrix } from './review-fixtures';

describe('signalRaisesReview', () => {
	it('always raises the review for a new sub-processor, an incident, an update made in the CNIL tool or another risk matrix', () => {
		for (const severity of [null, 0, 1, 2, 3, 4]) {
			expect(signalRaisesReview('subprocessor', severity)).toBe(true);
			expect(signalRaisesReview('incident', severity)).toBe(true);
			expect(signalRaisesReview('cnil_import', severity)).toBe(true);
			expect(signalRaisesReview('risk_matrix', severity)).toBe(true);
		}
	});

	it('raises it for a vulnerability only from severity 3', () => {
		expect(VULNERABILITY_REVIEW_SEVERITY).toBe(3);
		expect(signalRaisesReview('vulnerability', null)).toBe(false);
		expect(signalRaisesReview('vulnerability', 0)).toBe(false);
		expect(signalRaisesReview('vulnerability', 1)).toBe(false);
		expect(signalRaisesReview('vulnerability', 2)).toBe(false);
		expect(signalRaisesReview('vulnerability', 3)).toBe(true);
		expect(signalRaisesReview('vulnerability', 4)).toBe(true);
	});

	it('never raises it for another kind of change', () => {
		for (const severity of [null, 0, 1, 2, 3, 4]) {
			expect(signalRaisesReview('other', severity)).toBe(false);
		}
	});

	it('matches the rule for every kind and severity', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...SIGNAL_KINDS),
				fc.option(fc.integer({ min: -10, max: 10 }), { nil: null }),
				(kind, severity) => {
					const expected =
						kind === 'subprocessor' ||
						kind === 'incident' ||
						kind === 'cnil_import' ||
						kind === 'risk_matrix' ||
						(kind === 'vulnerability' && severity !== null && severity >= 3);
					expect(signalRaisesReview(kind, severity)).toBe(expected);
				}
			)
		);
	});
});

describe('sameMatrix', () => {
	it('reads two equal matrices as the same, even as distinct arrays', () => {
		expect(
			sameMatrix(
				MATRIX,
				MATRIX.map((row) => [...row])
			)
		).toBe(true);
		expect(sameMatrix([], [])).toBe(true);
	});

	it('reads a changed cell as another matrix', () => {
		const changed = MATRIX.map((row) => [...row]);
		changed[2]![1] = 3;
		expect(sameMatrix(MATRIX, changed)).toBe(false);
		expect(sameMatrix(changed, MATRIX)).toBe(false);
	});

	it('reads a missing or an extra row as another matrix', () => {
		const missing = MATRIX.slice(0, 3);
		const extra = [...MATRIX, [4, 4, 4, 4]];
		expect(sameMatrix(MATRIX, missing)).toBe(false);
		expect(sameMatrix(missing, MATRIX)).toBe(false);
		expect(sameMatrix(MATRIX, extra)).toBe(false);
		expect(sameMatrix(extra, MATRIX)).toBe(false);
	});

	it('does not confuse rows whose joined digits would read alike', () => {
		expect(sameMatrix([[1, 2]], [[12]])).toBe(false);
		expect(sameMatrix([[1], [2]], [[1, 2]])).toBe(false);
		expect(sameMatrix([[1, 2], []], [[1, 2], [0]])).toBe(false);
	});

	it('is reflexive and symmetric, and agrees with a cell-by-cell comparison', () => {
		fc.assert(
			fc.property(arbMatrix, arbMatrix, (a, b) => {
				expect(sameMatrix(a, a)).toBe(true);
				expect(
					sameMatrix(
						a,
						a.map((row) => [...row])
					)
				).toBe(true);
				expect(sameMatrix(a, b)).toBe(sameMatrix(b, a));
				const cellwise =
					a.length === b.length &&
					a.every((row, i) => row.length === b[i]!.length && row.every((v, j) => v === b[i]![j]));
				expect(sameMatrix(a, b)).toBe(cellwise);
			})
		);
	});
});

describe('reviewStateWith', () => {
	it('shows an overdue date before a reported change', () => {
		expect(reviewStateWith('overdue', true)).toBe('overdue');
		expect(reviewStateWith('overdue', false)).toBe('overdue');
	});

	it('shows a change before a close date or no date state', () => {
		expect(reviewStateWith('due_soon', true)).toBe('changed');
		expect(reviewStateWith(null, true)).toBe('changed');
	});

	it('keeps the date state when nothing changed', () => {
		expect(reviewStateWith('due_soon', false)).toBe('due_soon');
		expect(reviewStateWith(null, false)).toBe(null);
	});

	it('follows overdue > changed > date state over all combinations', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('overdue' as const, 'due_soon' as const, null),
				fc.boolean(),
				(byDate, changed) => {
					const state = reviewStateWith(byDate, changed);
					if (byDate === 'overdue') expect(state).toBe('overdue');
					else if (changed) expect(state).toBe('changed');
					else expect(state).toBe(byDate);
				}
			)
		);
	});
});
