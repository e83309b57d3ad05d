import { describe, expect, it } from 'vitest';
import {
	DEFAULT_THRESHOLDS,
	applyScenario,
	benefitTotal,
	clampScale,
	defaultLevel,
	matrixThresholdsSchema,
	riskLevel,
	validateResidual,
	type Rule,
	type Scale,
	type ScenarioBase
} from './scoring';
import { compareScenarios, withThresholds } from './scenario-comparison';

const S: Scale[] = [1, 2, 3, 4];
const text = { fr: 'raison', en: 'reason' };
const riskRule = (id: string, riskKey: string, axis: 'severity' | 'likelihood', delta: number) =>
	({ id, target: { kind: 'risk', riskKey, axis }, delta, explanation: text }) satisfies Rule;
const benefitRule = (id: string, benefitKey: string, delta: number) =>
	({ id, target: { kind: 'benefit', benefitKey }, delta, explanation: text }) satisfies Rule;

const base: ScenarioBase = {
	risks: [
		{ key: 'import', severity: 3, likelihood: 3 },
		{ key: 'reminders', severity: 3, likelihood: 3 },
		{ key: 'lockin', severity: 2, likelihood: 3 }
	],
	benefits: [
		{ key: 'no_shows', magnitude: 3, confidence: 'medium' },
		{ key: 'access', magnitude: 3, confidence: 'high' }
	]
};

describe('riskLevel and the default matrix', () => {
	it('reads the documented table, severity-led ties rounding up', () => {
		const table = S.map((s) => S.map((l) => defaultLevel(s, l)));
		expect(table).toEqual([
			[1, 1, 2, 2],
			[2, 2, 2, 3],
			[2, 3, 3, 3],
			[3, 3, 4, 4]
		]);
		expect(DEFAULT_THRESHOLDS.levels).toEqual(table);
	});

	it('is a table the schema accepts (it is built without parsing, to keep zod off the pages)', () => {
		expect(matrixThresholdsSchema.parse(structuredClone(DEFAULT_THRESHOLDS))).toEqual(
			DEFAULT_THRESHOLDS
		);
	});

	it('keeps both axes next to the level', () => {
		expect(riskLevel(4, 1)).toEqual({ severity: 4, likelihood: 1, level: 3, name: 'significant' });
		expect(riskLevel(1, 4)).toEqual({ severity: 1, likelihood: 4, level: 2, name: 'limited' });
		expect(riskLevel(4, 4).name).toBe('maximum');
		expect(riskLevel(1, 1).name).toBe('negligible');
	});

	it('follows the CNIL zones: both high ≥ significant, both low ≤ limited, severity first', () => {
		for (const s of S) {
			for (const l of S) {
				const level = riskLevel(s, l).level;
				if (s >= 3 && l >= 3) expect(level).toBeGreaterThanOrEqual(3);
				if (s <= 2 && l <= 2) expect(level).toBeLessThanOrEqual(2);
				if (s > l) expect(level).toBeGreaterThanOrEqual(riskLevel(l, s).level);
			}
		}
	});

	it('uses an organisation table when given one', () => {
		const strict = matrixThresholdsSchema.parse({
			levels: [
				[1, 2, 2, 3],
				[2, 2, 3, 4],
				[3, 3, 4, 4],
				[4, 4, 4, 4]
			]
		});
		expect(riskLevel(4, 1, strict).level).toBe(4);
		expect(riskLevel(1, 2, strict)).toEqual({
			severity: 1,
			likelihood: 2,
			level: 2,
			name: 'limited'
		});
	});

	it('throws on values outside the scale instead of guessing', () => {
		expect(() => riskLevel(0 as Scale, 2)).toThrow(RangeError);
		expect(() => riskLevel(2, 5 as Scale)).toThrow(RangeError);
		expect(() => riskLevel(2.5 as Scale, 2)).toThrow(RangeError);
	});
});

describe('matrixThresholdsSchema', () => {
	it('rejects a table where a higher severity lowers the level, pointing at the cell', () => {
		const result = matrixThresholdsSchema.safeParse({
			levels: [
				[1, 1, 2, 2],
				[2, 2, 2, 3],
				[2, 1, 3, 3],
				[3, 3, 4, 4]
			]
		});
		expect(result.success).toBe(false);
		const messages = result.error?.issues.map((i) => [i.message, i.path.join('.')]);
		expect(messages).toEqual([
			['non_monotonic_severity', 'levels.2.1'],
			['non_monotonic_likelihood', 'levels.2.1']
		]);
	});

	it('rejects levels outside 1–4 and wrong shapes', () => {
		const row = [1, 2, 3, 4];
		expect(
			matrixThresholdsSchema.safeParse({ levels: [row, row, row, [1, 2, 3, 5]] }).success
		).toBe(false);
		expect(matrixThresholdsSchema.safeParse({ levels: [row, row, row] }).success).toBe(false);
		expect(matrixThresholdsSchema.safeParse({ levels: [row, row, row, [1, 2, 3]] }).success).toBe(
			false
		);
	});

	it('leaves the shared default frozen', () => {
		expect(Object.isFrozen(DEFAULT_THRESHOLDS.levels[0])).toBe(true);
	});
});

describe('clampScale', () => {
	it('rounds then bounds to 1–4', () => {
		expect([-7, 0, 1, 2.4, 2.5, 3, 4, 9, Infinity].map(clampScale)).toEqual([
			1, 1, 1, 2, 3, 3, 4, 4, 4
		]);
		expect(() => clampScale(Number.NaN)).toThrow(RangeError);
	});
});

describe('validateResidual', () => {
	const initial = { severity: 3, likelihood: 2 } as const;

	it('accepts a residual at or below the initial scores', () => {
		expect(validateResidual(initial, { severity: 3, likelihood: 2 })).toBeNull();
		expect(validateResidual(initial, { severity: 1, likelihood: 1 })).toBeNull();
	});

	it('names the axis that went up without a reason', () => {
		expect(validateResidual(initial, { severity: 4, likelihood: 2 })).toBe(
			'residual_severity_above_initial'
		);
		expect(validateResidual(initial, { severity: 2, likelihood: 3 }, '  ')).toBe(
			'residual_likelihood_above_initial'
		);
		expect(validateResidual(initial, { severity: 4, likelihood: 4 }, null)).toBe(
			'residual_both_above_initial'
		);
	});

	it('accepts a rise that is explained', () => {
		const reason = 'Neutral reminders moved part of the risk to the phone channel';
		expect(validateResidual(initial, { severity: 4, likelihood: 4 }, reason)).toBeNull();
	});
});

describe('benefitTotal', () => {
	it('weights magnitude by confidence and rounds to 2 decimals', () => {
		expect(
			benefitTotal([
				{ magnitude: 3, confidence: 'high' },
				{ magnitude: 3, confidence: 'medium' },
				{ magnitude: 2, confidence: 'low' }
			])
		).toBe(6.25);
		expect(benefitTotal([])).toBe(0);
		const thirds = { high: 1, medium: 1 / 3, low: 0.5 };
		expect(benefitTotal([{ magnitude: 2, confidence: 'medium' }], thirds)).toBe(0.67);
	});
});

describe('applyScenario', () => {
	it('sums deltas per value, clamps once and keeps the rules behind each value', () => {
		const rules = [
			riskRule('five_years', 'import', 'likelihood', 1),
			riskRule('no_campaign', 'import', 'likelihood', 1),
			riskRule('neutral', 'reminders', 'severity', -1),
			benefitRule('no_reminders', 'no_shows', -2)
		];
		const out = applyScenario(base, rules);
		expect(out.risks[0]?.likelihood).toEqual({
			base: 3,
			value: 4,
			unclamped: 5,
			rules: [rules[0], rules[1]]
		});
		expect(out.risks[0]?.severity).toEqual({ base: 3, value: 3, unclamped: 3, rules: [] });
		expect(out.risks[1]?.severity.value).toBe(2);
		expect(out.benefits[0]?.magnitude).toEqual({
			base: 3,
			value: 1,
			unclamped: 1,
			rules: [rules[3]]
		});
		expect(out.orphanRules).toEqual([]);
	});

	it('reports rules aimed at unknown keys instead of dropping them', () => {
		const orphan = riskRule('typo', 'imprt', 'severity', -3);
		const misdirected = benefitRule('risk_as_benefit', 'import', 1);
		const out = applyScenario(base, [orphan, misdirected]);
		expect(out.orphanRules).toEqual([orphan, misdirected]);
		expect(out.risks.map((r) => r.severity.value)).toEqual([3, 3, 2]);
	});

	it('refuses ambiguous or invalid input', () => {
		const twice = riskRule('same', 'import', 'severity', 1);
		expect(() => applyScenario(base, [twice, twice])).toThrow(/duplicate_rule_id/);
		const dupRisk = {
			...base,
			risks: [...base.risks, { key: 'import', severity: 1, likelihood: 1 }]
		};
		expect(() => applyScenario(dupRisk as ScenarioBase, [])).toThrow(/duplicate_risk_key/);
		expect(() => applyScenario(base, [riskRule('big', 'import', 'severity', 4)])).toThrow(
			RangeError
		);
		expect(() => applyScenario(base, [riskRule('half', 'import', 'severity', 0.5)])).toThrow(
			RangeError
		);
	});

	it('never shares objects with its input', () => {
		const rule = riskRule('r', 'import', 'severity', -1);
		const out = applyScenario(base, [rule]);
		expect(out.risks[0]?.severity.rules[0]).not.toBe(rule);
		expect(out.risks[0]?.severity.rules[0]?.explanation).not.toBe(rule.explanation);
	});
});

describe('compareScenarios', () => {
	const reference = { id: 'ref', name: 'Vendor default', rules: [] };
	const cautious = {
		id: 'cautious',
		name: 'No import, neutral reminders',
		rules: [
			riskRule('none', 'import', 'likelihood', -3),
			riskRule('neutral', 'reminders', 'severity', -1),
			benefitRule('neutral_no_shows', 'no_shows', 0)
		]
	};

	it('accepts 2 to 4 scenarios with distinct ids', () => {
		expect(compareScenarios(base, [reference])).toEqual({ ok: false, error: 'too_few_scenarios' });
		const five = [1, 2, 3, 4, 5].map((i) => ({ id: `s${i}`, name: `S${i}`, rules: [] }));
		expect(compareScenarios(base, five)).toEqual({ ok: false, error: 'too_many_scenarios' });
		expect(compareScenarios(base, [reference, reference])).toEqual({
			ok: false,
			error: 'duplicate_scenario_id'
		});
	});

	it('gives levels, counts, highest risk, benefit total and explained differences', () => {
		const result = compareScenarios(base, [reference, cautious]);
		if (!result.ok) throw new Error(result.error);
		const [ref, safe] = result.scenarios;
		expect(ref?.risks.map((r) => r.level)).toEqual([3, 3, 2]);
		expect(ref?.significantCount).toBe(2);
		// Tie at level 3: the risk listed first in the base wins.
		expect(ref?.highest).toEqual({ key: 'import', level: 3 });
		expect(ref?.benefitTotal).toBe(5.25);
		expect(ref?.differences).toEqual([]);

		expect(safe?.risks.map((r) => [r.key, r.severity, r.likelihood, r.level])).toEqual([
			['import', 3, 1, 2],
			['reminders', 2, 3, 2],
			['lockin', 2, 3, 2]
		]);
		expect(safe?.significantCount).toBe(0);
		expect(safe?.highest).toEqual({ key: 'import', level: 2 });
		expect(safe?.differences.map((d) => [d.key, d.added.map((r) => r.id), d.removed])).toEqual([
			['import', ['none'], []],
			['reminders', ['neutral'], []]
		]);
	});

	it('leaves a benefit marked not counted out of the total, and keeps it in the outcome', () => {
		const revenue = { key: 'revenue', magnitude: 4, confidence: 'high', counted: false } as const;
		const result = compareScenarios({ ...base, benefits: [...base.benefits, revenue] }, [
			reference,
			cautious
		]);
		if (!result.ok) throw new Error(result.error);
		expect(result.scenarios[0]?.benefitTotal).toBe(5.25);
		expect(result.scenarios[0]?.outcome.benefits.map((b) => b.key)).toContain('revenue');
		expect(withThresholds(result.scenarios, DEFAULT_THRESHOLDS)[0]?.benefitTotal).toBe(5.25);
	});

	it('lists removed rules when the other scenario drops one', () => {
		const result = compareScenarios(base, [cautious, reference]);
		if (!result.ok) throw new Error(result.error);
		const diff = result.scenarios[1]?.differences[0];
		expect(diff?.kind).toBe('risk');
		expect(diff?.removed.map((r) => r.id)).toEqual(['none']);
		if (diff?.kind === 'risk') expect([diff.from.level, diff.to.level]).toEqual([2, 3]);
	});
});

// ---- Properties -------------------------------------------------------------------------
