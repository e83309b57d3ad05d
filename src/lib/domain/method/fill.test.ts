import { describe, expect, it } from 'vitest';
import { fillNewBenefits, fillNewRisks } from './fill';
import { benefitsSchema } from './benefits';
import { risksSchema } from './risks';

type Rows = { [list: string]: Array<Record<string, unknown>> };

describe('several catalogue entries added in one save', () => {
	it('adds one complete benefit per ticked key, after the rows already there', () => {
		const existing = benefitsSchema.parse(
			fillNewBenefits({ benefits: [{ catalogueKey: 'access_24_7' }] }, 'fr')
		);
		const filled = fillNewBenefits(
			{ ...existing, addFromCatalogue: ['fewer_no_shows', 'visibility', 'fewer_no_shows'] },
			'fr'
		) as Rows;
		expect(filled).not.toHaveProperty('addFromCatalogue');
		expect(filled.benefits!.map((b) => b.catalogueKey)).toEqual([
			'access_24_7',
			'fewer_no_shows',
			'visibility'
		]);
		// The first row is untouched; each new one has its own id and the catalogue's texts.
		expect(filled.benefits![0]).toEqual(existing.benefits[0]);
		const parsed = benefitsSchema.parse(filled);
		expect(new Set(parsed.benefits.map((b) => b.id)).size).toBe(3);
		expect(parsed.benefits[1]!.title).toMatch(/\S/);
	});

	it('adds ticked risks with their suggested scores, also to an empty list', () => {
		const filled = fillNewRisks(
			{ addFromCatalogue: ['historical_import', 'not_a_risk'] },
			'en'
		) as Rows;
		const parsed = risksSchema.parse(filled);
		expect(parsed.risks.map((r) => r.catalogueKey)).toEqual(['historical_import']);
		expect(parsed.risks[0]!.residualSeverity).toBe(parsed.risks[0]!.severity);
	});

	it('leaves the draft as it was when nothing is ticked, and a malformed list to the schema', () => {
		expect(fillNewBenefits({ benefits: [] }, 'fr')).toEqual({ benefits: [] });
		const malformed = fillNewRisks({ risks: 'x', addFromCatalogue: ['historical_import'] }, 'fr');
		expect(malformed).toEqual({ risks: 'x' });
		expect(risksSchema.safeParse(malformed).success).toBe(false);
	});
});
