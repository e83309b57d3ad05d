import { describe, expect, it } from 'vitest';
import { FINDING_STATUSES } from '$lib/domain/finding-status';
import { findingStatusLabel } from '$lib/server/export/report-labels';
import { FINDING_STATUS_ORDER, FINDING_STATUS_TEXT } from './finding-labels';

describe('finding status labels', () => {
	it('name every status the database accepts, in its order', () => {
		expect(FINDING_STATUS_ORDER).toEqual([...FINDING_STATUSES]);
		expect(Object.keys(FINDING_STATUS_TEXT)).toEqual([...FINDING_STATUSES]);
	});

	it('word each status differently in each language, and documents use the same words', () => {
		for (const locale of ['fr', 'en'] as const) {
			const words = FINDING_STATUS_ORDER.map((s) => FINDING_STATUS_TEXT[s]({ locale }));
			expect(new Set(words).size).toBe(words.length);
			expect(FINDING_STATUS_ORDER.map((s) => findingStatusLabel(s, locale))).toEqual(words);
		}
		expect(FINDING_STATUS_TEXT.resolved({ locale: 'fr' })).not.toBe(
			FINDING_STATUS_TEXT.resolved({ locale: 'en' })
		);
		// A value no status has (an old row, a hand-edited file) is printed as stored.
		expect(findingStatusLabel('withdrawn', 'fr')).toBe('withdrawn');
	});
});
