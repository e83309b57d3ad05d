import { describe, expect, it } from 'vitest';
import { REFERENCE_SELECTION } from '../knowledge/risks/scenario-options';
import { suggestedBenefits } from './benefits';
import { suggestedRisks, type Risks } from './risks';
import { compareFromSteps, scenariosSchema, type Scenario } from './scenarios';

function scenario(overrides: Partial<Scenario> = {}): Scenario {
	return { id: 'a', name: 'A', selection: { ...REFERENCE_SELECTION }, notes: '', ...overrides };
}

describe('scenariosSchema', () => {
	it('accepts zero to four scenarios and fills the groups left out with their reference', () => {
		expect(scenariosSchema.safeParse({ scenarios: [] }).success).toBe(true);
		const parsed = scenariosSchema.parse({
			scenarios: [{ id: 'a', name: ' A ', selection: { historical_import: 'none' }, notes: '' }]
		});
		expect(parsed.scenarios[0]?.name).toBe('A');
		expect(parsed.scenarios[0]?.selection).toEqual({
			...REFERENCE_SELECTION,
			historical_import: 'none'
		});
		const five = ['a', 'b', 'c', 'd', 'e'].map((id) => scenario({ id }));
		expect(scenariosSchema.safeParse({ scenarios: five }).success).toBe(false);
	});

	it('requires a name of at most 200 characters', () => {
		const empty = scenariosSchema.safeParse({ scenarios: [scenario({ name: ' ' })] });
		expect(empty.error?.issues[0]?.path).toEqual(['scenarios', 0, 'name']);
		const long = scenariosSchema.safeParse({ scenarios: [scenario({ name: 'x'.repeat(201) })] });
		expect(long.success).toBe(false);
	});

	it('refuses unknown groups and choices on the exact key', () => {
		const group = scenariosSchema.safeParse({
			scenarios: [scenario({ selection: { teleportation: 'yes' } })]
		});
		expect(group.error?.issues[0]?.path).toEqual(['scenarios', 0, 'selection', 'teleportation']);
		const choice = scenariosSchema.safeParse({
			scenarios: [scenario({ selection: { historical_import: 'ten_years' } })]
		});
		expect(choice.error?.issues[0]?.message).toBe('scenarios_unknown_option');
	});

	it('refuses duplicate ids and gives new scenarios the first free id', () => {
		const dup = scenariosSchema.safeParse({ scenarios: [scenario(), scenario()] });
		expect(dup.error?.issues[0]?.path).toEqual(['scenarios', 1, 'id']);
		const filled = scenariosSchema.parse({
			scenarios: [scenario({ id: 's1' }), { name: 'B', selection: {} }]
		});
		expect(filled.scenarios.map((s) => s.id)).toEqual(['s1', 's2']);
		expect(filled.scenarios[1]?.notes).toBe('');
	});
});

describe('compareFromSteps', () => {
	const risks = suggestedRisks('fr');
	const benefits = suggestedBenefits('fr');

	it('asks for a second scenario first', () => {
		expect(compareFromSteps(risks, benefits, [scenario()])).toEqual({
			ok: false,
			error: 'too_few_scenarios'
		});
	});

	it('starts from the residual scores and applies the option rules to catalogue risks', () => {
		const lowered: Risks = {
			risks: risks.risks.map((r) =>
				r.catalogueKey === 'historical_import' ? { ...r, residualSeverity: 2 } : r
			)
		};
		const result = compareFromSteps(lowered, benefits, [
			scenario({ id: 'a' }),
			scenario({ id: 'b', selection: { ...REFERENCE_SELECTION, historical_import: 'none' } })
		]);
		if (!result.ok) throw new Error(result.error);
		const [first, second] = result.scenarios;
		const importOf = (s: typeof first) => s?.risks.find((r) => r.key === 'historical_import');
		expect(importOf(first)).toMatchObject({ severity: 2, likelihood: 3 });
		expect(importOf(second)).toMatchObject({ severity: 2, likelihood: 1 });
		const difference = second?.differences.find((d) => d.key === 'historical_import');
		expect(difference?.added.map((r) => r.id)).toEqual([
			'historical_import.none/historical_import.likelihood'
		]);
		expect(result.risks[0]).toEqual({ key: 'historical_import', title: risks.risks[0]?.title });
	});

	it('carries custom risks over unchanged, even when two share an id', () => {
		const custom = risks.risks[0];
		if (!custom) throw new Error('no risk');
		const content: Risks = {
			risks: [
				{ ...custom, id: 'x', catalogueKey: 'custom', title: 'Un' },
				{ ...custom, id: 'x', catalogueKey: 'custom', title: 'Deux' }
			]
		};
		const result = compareFromSteps(content, { benefits: [] }, [
			scenario({ id: 'a' }),
			scenario({ id: 'b', selection: { ...REFERENCE_SELECTION, historical_import: 'none' } })
		]);
		if (!result.ok) throw new Error(result.error);
		expect(result.risks.map((r) => r.key)).toEqual(['custom:x', 'custom:x#1']);
		expect(result.scenarios[1]?.differences).toEqual([]);
		expect(result.scenarios[1]?.benefitTotal).toBe(0);
	});
});
