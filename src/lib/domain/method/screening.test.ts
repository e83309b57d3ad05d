import { describe, expect, it } from 'vitest';
import { CRITERIA, CRITERION_KEYS, CNIL_LIST_ITEM } from '../knowledge/screening-criteria';
import { screen, screeningSchema } from './screening';

describe('screen', () => {
	it('does not require a DPIA with no criterion', () => {
		expect(screen({ criteria: [], cnilListItem: false })).toEqual({
			required: false,
			met: [],
			reason: 'fewer_than_two'
		});
	});

	it('does not require a DPIA with one criterion', () => {
		expect(screen({ criteria: ['large_scale'], cnilListItem: false })).toEqual({
			required: false,
			met: ['large_scale'],
			reason: 'fewer_than_two'
		});
	});

	it('requires a DPIA from two criteria', () => {
		expect(
			screen({ criteria: ['vulnerable_subjects', 'sensitive_data'], cnilListItem: false })
		).toEqual({
			required: true,
			met: ['sensitive_data', 'vulnerable_subjects'],
			reason: 'two_or_more_criteria'
		});
	});

	it('requires a DPIA with all nine criteria and lists them in catalogue order', () => {
		const result = screen({ criteria: [...CRITERION_KEYS].reverse(), cnilListItem: false });
		expect(result.required).toBe(true);
		expect(result.reason).toBe('two_or_more_criteria');
		expect(result.met).toEqual([...CRITERION_KEYS]);
	});

	it('makes the CNIL list item alone sufficient, even with no criterion', () => {
		expect(screen({ criteria: [], cnilListItem: true })).toEqual({
			required: true,
			met: [],
			reason: 'cnil_list'
		});
		expect(screen({ criteria: ['large_scale'], cnilListItem: true }).required).toBe(true);
	});

	it('gives the CNIL list as the reason when both grounds apply', () => {
		const result = screen({ criteria: ['large_scale', 'sensitive_data'], cnilListItem: true });
		expect(result).toEqual({
			required: true,
			met: ['sensitive_data', 'large_scale'],
			reason: 'cnil_list'
		});
	});

	it('counts a repeated criterion once', () => {
		expect(screen({ criteria: ['large_scale', 'large_scale'], cnilListItem: false }).required).toBe(
			false
		);
	});
});

describe('screeningSchema', () => {
	it('accepts a "required" screening without justification', () => {
		const parsed = screeningSchema.safeParse({
			criteria: ['sensitive_data', 'large_scale'],
			cnilListItem: false
		});
		expect(parsed.success).toBe(true);
	});

	it('demands a justification when the DPIA is found not required', () => {
		for (const justification of [undefined, '', '   ']) {
			const parsed = screeningSchema.safeParse({
				criteria: ['large_scale'],
				cnilListItem: false,
				justification
			});
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues).toMatchObject([{ code: 'too_small', path: ['justification'] }]);
		}
	});

	it('accepts a justified "not required" conclusion and trims it', () => {
		const parsed = screeningSchema.parse({
			criteria: [],
			cnilListItem: false,
			justification: '  Internal staff directory, no patient data.  '
		});
		expect(parsed.justification).toBe('Internal staff directory, no patient data.');
	});

	it('caps the justification at 5000 characters', () => {
		const base = { criteria: [], cnilListItem: false };
		expect(screeningSchema.safeParse({ ...base, justification: 'x'.repeat(5000) }).success).toBe(
			true
		);
		const tooLong = screeningSchema.safeParse({ ...base, justification: 'x'.repeat(5001) });
		expect(tooLong.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['justification'] });
	});

	it('rejects unknown criterion keys', () => {
		const parsed = screeningSchema.safeParse({
			criteria: ['sensitive_data', 'astrology'],
			cnilListItem: true
		});
		expect(parsed.error?.issues[0]).toMatchObject({ code: 'invalid_value', path: ['criteria', 1] });
	});

	it('rejects duplicated criteria on the repeated entry', () => {
		const parsed = screeningSchema.safeParse({
			criteria: ['large_scale', 'sensitive_data', 'large_scale'],
			cnilListItem: true
		});
		expect(parsed.error?.issues).toMatchObject([
			{ code: 'custom', path: ['criteria', 2], params: { reason: 'duplicate' } }
		]);
	});

	it('requires the CNIL flag to be a boolean', () => {
		expect(screeningSchema.safeParse({ criteria: [], justification: 'x' }).success).toBe(false);
	});
});

describe('screening catalogue', () => {
	it('holds the nine WP248 criteria with label, explanation and example in both languages', () => {
		expect(CRITERIA.map((criterion) => criterion.key)).toEqual([...CRITERION_KEYS]);
		expect(CRITERIA).toHaveLength(9);
		for (const criterion of CRITERIA) {
			for (const text of [criterion.label, criterion.explanation, criterion.bookingExample]) {
				expect(text.fr).not.toBe('');
				expect(text.en).not.toBe('');
			}
		}
		expect(CNIL_LIST_ITEM.label.fr).toContain('CNIL');
	});
});
