import { describe, expect, it } from 'vitest';
import { BENEFIT_CATALOGUE, BENEFIT_KEYS, getBenefit, isBenefitKey } from './benefit-catalogue';
import { localizedSchema, type Localized } from './localized';
import { CONFIDENCES, isScale } from './scales';
import { PATIENT_BENEFITS } from './benefits-patients';
import { ORGANISATION_BENEFITS } from './benefits-organisation';
import { isPatientBenefit, PATIENT_BENEFIT_KEYS } from './types';

const valid = (text: Localized) => localizedSchema.safeParse(text).success;

describe('benefit catalogue', () => {
	it('follows the key order of the brief', () => {
		expect(BENEFIT_CATALOGUE.map((b) => b.key)).toEqual([...BENEFIT_KEYS]);
		expect(BENEFIT_KEYS).toHaveLength(8);
	});

	it.each(BENEFIT_CATALOGUE.map((b) => [b.key, b] as const))('%s is complete', (_key, b) => {
		expect(valid(b.title) && valid(b.description) && valid(b.suggested.justification)).toBe(true);
		expect(isScale(b.suggested.magnitude)).toBe(true);
		expect(CONFIDENCES).toContain(b.suggested.confidence);
		if (b.kpi) {
			const { metric, baseline, target, source } = b.kpi;
			expect([metric, baseline, target, source].every(valid)).toBe(true);
		}
	});

	it('gives measurable KPIs for no-shows, phone pick-up and midwife slots', () => {
		expect(getBenefit('fewer_no_shows').kpi?.metric.en).toBe('No-show rate');
		expect(getBenefit('secretaries_freed').kpi?.metric.en).toBe('Phone pick-up rate');
		expect(getBenefit('free_choice_practitioner').kpi?.metric.en).toMatch(/midwife slot/i);
		expect(getBenefit('access_24_7').kpi?.target.fr).toMatch(/60 %/);
	});

	it('keeps unproven vendor promises below high confidence', () => {
		expect(getBenefit('fewer_no_shows').suggested.confidence).not.toBe('high');
		expect(getBenefit('management_visibility').suggested.confidence).toBe('low');
		expect(isBenefitKey('visibility')).toBe(true);
		expect(isBenefitKey('image')).toBe(false);
	});
});

describe('patients’ benefits', () => {
	it('are exactly the entries of benefits-patients.ts, the only ones a total counts', () => {
		expect([...PATIENT_BENEFIT_KEYS].sort()).toEqual(PATIENT_BENEFITS.map((b) => b.key).sort());
		for (const b of ORGANISATION_BENEFITS) expect(isPatientBenefit(b.key)).toBe(false);
		expect(isPatientBenefit('custom')).toBe(false);
	});
});
