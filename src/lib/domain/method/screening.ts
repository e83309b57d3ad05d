import { z } from 'zod';
import { defineSchema } from '../define-schema';
import { CRITERION_KEYS, type CriterionKey } from '../knowledge/screening-criteria';
import { LIMITS, requireText, uniqueEnumArray } from './fields';

export type ScreeningReason = 'two_or_more_criteria' | 'cnil_list' | 'fewer_than_two';

export type ScreeningResult = {
	required: boolean;
	/** The criteria met, without repeats, in the catalogue order. */
	met: CriterionKey[];
	reason: ScreeningReason;
};

/** WP248: processing meeting two criteria or more should in most cases be assessed. */
export const CRITERIA_THRESHOLD = 2;

/**
 * Decides whether a DPIA is required.
 *
 * - Two criteria or more: required (WP248 rule of thumb the CNIL applies).
 * - CNIL list item: required on its own, even with zero or one criterion, because the list
 *   adopted under art. 35(4) makes the assessment mandatory rather than advisable.
 * - When both apply, the reason given is `cnil_list`: it is the firmer legal ground, the one
 *   that cannot be argued away by re-reading a criterion; `met` still lists the criteria.
 */
export function screen(input: {
	criteria: readonly CriterionKey[];
	cnilListItem: boolean;
	justification?: string;
}): ScreeningResult {
	const met = CRITERION_KEYS.filter((key) => input.criteria.includes(key));
	if (input.cnilListItem) return { required: true, met, reason: 'cnil_list' };
	if (met.length >= CRITERIA_THRESHOLD) {
		return { required: true, met, reason: 'two_or_more_criteria' };
	}
	return { required: false, met, reason: 'fewer_than_two' };
}

/**
 * The screening step as stored. A "not required" conclusion must be justified: it is the
 * answer an inspector will question first, so the reasoning has to be on record.
 */
export const screeningSchema = defineSchema(() =>
	z
		.object({
			criteria: uniqueEnumArray(CRITERION_KEYS),
			cnilListItem: z.boolean(),
			justification: z.string().trim().max(LIMITS.text).optional()
		})
		.superRefine((value, ctx) => {
			if (!screen(value).required) requireText(value.justification, ['justification'], ctx);
		})
);

export type Screening = z.infer<typeof screeningSchema>;
