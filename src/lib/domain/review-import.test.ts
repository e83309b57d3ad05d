import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { updateChanges, type ComparedRisk } from './review-import';

const risk = (over: Partial<ComparedRisk> = {}): ComparedRisk => ({
	catalogueKey: 'illegitimate_access',
	title: 'Accès illégitime aux données',
	residualSeverity: 2,
	residualLikelihood: 2,
	measures: [{ title: 'Chiffrement' }],
	...over
});

const arbRisk = fc.record({
	catalogueKey: fc.constantFrom('illegitimate_access', 'data_disappearance', 'custom'),
	title: fc.string({ minLength: 1, maxLength: 12 }),
	residualSeverity: fc.integer({ min: 1, max: 4 }),
	residualLikelihood: fc.integer({ min: 1, max: 4 }),
	measures: fc.array(fc.record({ title: fc.string({ maxLength: 12 }) }), { maxLength: 4 })
});

describe('what an update imported from the CNIL tool changes', () => {
	it('finds nothing between risks and themselves', () => {
		fc.assert(
			fc.property(fc.array(arbRisk, { maxLength: 6 }), (risks) => {
				expect(updateChanges(risks, risks)).toEqual([]);
			})
		);
	});

	it('finds a residual level that moved, with both levels', () => {
		expect(updateChanges([risk()], [risk({ residualSeverity: 3 })])).toEqual([
			{
				kind: 'risk_level',
				title: 'Accès illégitime aux données',
				from: { severity: 2, likelihood: 2 },
				to: { severity: 3, likelihood: 2 }
			}
		]);
	});

	it('finds a risk the decided version did not have; custom risks are matched by title', () => {
		const custom = risk({ catalogueKey: 'custom', title: 'Panne du SMS', measures: [] });
		expect(updateChanges([risk()], [risk(), custom])).toEqual([
			{ kind: 'new_risk', title: 'Panne du SMS' }
		]);
		expect(updateChanges([custom], [{ ...custom, title: '  panne  du sms ' }])).toEqual([]);
	});

	it('lists a new measure once, whatever its case or spacing, and not a known one', () => {
		const imported = risk({
			measures: [
				{ title: 'chiffrement ' },
				{ title: 'Journalisation' },
				{ title: 'journalisation' }
			]
		});
		expect(updateChanges([risk()], [imported])).toEqual([
			{ kind: 'new_measure', title: 'Journalisation', risk: 'Accès illégitime aux données' }
		]);
	});

	it('adds exactly one change for one new measure, whatever the risks', () => {
		fc.assert(
			fc.property(fc.array(arbRisk, { minLength: 1, maxLength: 5 }), (risks) => {
				const [first, ...rest] = risks;
				const more = { ...first!, measures: [...first!.measures, { title: 'Mesure inédite ✓' }] };
				const known = risks.some((r) =>
					r.measures.some((m) => m.title.trim().toLowerCase() === 'mesure inédite ✓')
				);
				fc.pre(!known);
				expect(updateChanges(risks, [more, ...rest])).toHaveLength(1);
			})
		);
	});
});
