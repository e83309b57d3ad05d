import { describe, expect, it } from 'vitest';
import { benefitTotal } from '../scoring';
import { benefitsSchema, suggestedBenefits, type Benefit } from './benefits';

const benefit = (overrides: Partial<Benefit> = {}): Benefit => ({
	id: 'b1',
	catalogueKey: 'fewer_no_shows',
	title: 'Moins de rendez-vous non honorés',
	description: '',
	magnitude: 3,
	confidence: 'medium',
	justification: '',
	...overrides
});

const paths = (value: unknown) =>
	benefitsSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('benefitsSchema', () => {
	it('accepts the suggested benefits unchanged', () => {
		for (const locale of ['fr', 'en'] as const) {
			const suggested = suggestedBenefits(locale);
			expect(benefitsSchema.parse(suggested)).toEqual(suggested);
			expect(benefitTotal(suggested.benefits)).toBeGreaterThan(0);
		}
	});

	it.each([0, 5, 1.5])('refuses the magnitude %s outside 1–4', (magnitude) => {
		expect(paths({ benefits: [benefit({ magnitude: magnitude as 1 })] })).toEqual([
			'benefits.0.magnitude'
		]);
	});

	it('refuses an unknown confidence or catalogue key', () => {
		expect(paths({ benefits: [{ ...benefit(), confidence: 'certain' }] })).toEqual([
			'benefits.0.confidence'
		]);
		expect(paths({ benefits: [{ ...benefit(), catalogueKey: 'other' }] })).toEqual([
			'benefits.0.catalogueKey'
		]);
	});

	it('reads four blank KPI fields as no KPI, and wants a metric otherwise', () => {
		const blank = { metric: '', baseline: ' ', target: '', source: '' };
		const parsed = benefitsSchema.parse({ benefits: [{ ...benefit(), kpi: blank }] });
		expect(parsed.benefits[0]?.kpi).toBeUndefined();
		const noMetric = { ...blank, target: '-50 %' };
		expect(paths({ benefits: [{ ...benefit(), kpi: noMetric }] })).toEqual([
			'benefits.0.kpi.metric'
		]);
	});
});
