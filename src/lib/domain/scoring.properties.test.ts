import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_THRESHOLDS,
	applyScenario,
	matrixThresholdsSchema,
	riskLevel,
	type Rule,
	type Scale,
	type ScenarioBase
} from './scoring';
import { compareScenarios, withThresholds } from './scenario-comparison';

// The laws of the scoring model (fast-check); the worked examples are in scoring.test.ts.
const text = { fr: 'raison', en: 'reason' };

const scale = fc.constantFrom<Scale>(1, 2, 3, 4);
/** Any monotonic table is its own running maximum, so this reaches every valid table. */
const monotonicTable = fc
	.array(fc.array(scale, { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 })
	.map((raw) =>
		raw.map((row, s) =>
			row.map((_, l) => Math.max(...raw.slice(0, s + 1).flatMap((r) => r.slice(0, l + 1))))
		)
	)
	.map((levels) => matrixThresholdsSchema.parse({ levels }));
const anyThresholds = fc.oneof(fc.constant(DEFAULT_THRESHOLDS), monotonicTable);

const KEYS = ['a', 'b', 'c', 'd'];
const scenarioBase: fc.Arbitrary<ScenarioBase> = fc.record({
	risks: fc
		.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 4 })
		.chain((keys) =>
			fc.tuple(
				...keys.map((key) =>
					fc.record({ key: fc.constant(key), severity: scale, likelihood: scale })
				)
			)
		),
	benefits: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 4 }).chain((keys) =>
		fc.tuple(
			...keys.map((key) =>
				fc.record({
					key: fc.constant(key),
					magnitude: scale,
					confidence: fc.constantFrom('low' as const, 'medium' as const, 'high' as const)
				})
			)
		)
	)
});
const target = fc.oneof(
	fc.record({
		kind: fc.constant('risk' as const),
		riskKey: fc.constantFrom(...KEYS, 'zz'),
		axis: fc.constantFrom('severity' as const, 'likelihood' as const)
	}),
	fc.record({ kind: fc.constant('benefit' as const), benefitKey: fc.constantFrom(...KEYS, 'zz') })
);
const rules: fc.Arbitrary<Rule[]> = fc
	.array(fc.record({ target, delta: fc.integer({ min: -3, max: 3 }) }), { maxLength: 12 })
	.map((specs) => specs.map((s, i) => ({ id: `r${i}`, ...s, explanation: text })));

describe('properties', () => {
	it('raising severity or likelihood never lowers the level, for any valid table', () => {
		fc.assert(
			fc.property(anyThresholds, scale, scale, (t, s, l) => {
				const level = riskLevel(s, l, t).level;
				if (s < 4) expect(riskLevel((s + 1) as Scale, l, t).level).toBeGreaterThanOrEqual(level);
				if (l < 4) expect(riskLevel(s, (l + 1) as Scale, t).level).toBeGreaterThanOrEqual(level);
			})
		);
	});

	it('the schema accepts exactly the monotonic tables', () => {
		const isMonotonic = (m: number[][]) =>
			m.every((row, s) => row.every((v, l) => v >= (m[s - 1]?.[l] ?? 0) && v >= (row[l - 1] ?? 0)));
		const table = fc.array(fc.array(scale, { minLength: 4, maxLength: 4 }), {
			minLength: 4,
			maxLength: 4
		});
		fc.assert(
			fc.property(table, (levels) => {
				expect(matrixThresholdsSchema.safeParse({ levels }).success).toBe(isMonotonic(levels));
			})
		);
	});

	it('removing a risk-raising rule never raises any risk level', () => {
		fc.assert(
			fc.property(scenarioBase, rules, anyThresholds, fc.nat(), (b, rs, t, pick) => {
				const raising = rs.filter((r) => r.target.kind === 'risk' && r.delta > 0);
				fc.pre(raising.length > 0);
				const removed = raising[pick % raising.length];
				const result = compareScenarios(
					b,
					[
						{ id: 'with', name: 'with', rules: rs },
						{ id: 'without', name: 'without', rules: rs.filter((r) => r !== removed) }
					],
					t
				);
				if (!result.ok) throw new Error(result.error);
				const [withRule, without] = result.scenarios;
				without?.risks.forEach((r, i) => {
					expect(r.level).toBeLessThanOrEqual(withRule?.risks[i]?.level ?? 0);
				});
			})
		);
	});

	it('identical inputs give identical outputs, whatever the rule order', () => {
		fc.assert(
			fc.property(scenarioBase, rules, anyThresholds, (b, rs, t) => {
				const scenarios = [
					{ id: 'x', name: 'x', rules: rs },
					{ id: 'y', name: 'y', rules: [] }
				];
				expect(compareScenarios(b, scenarios, t)).toEqual(compareScenarios(b, scenarios, t));
				const values = (rules: Rule[]) =>
					applyScenario(b, rules).risks.map((r) => [r.severity.value, r.likelihood.value]);
				expect(values([...rs].reverse())).toEqual(values(rs));
			})
		);
	});

	it('every adjusted value and level stays within 1–4', () => {
		const inScale = (v: number) => Number.isInteger(v) && v >= 1 && v <= 4;
		fc.assert(
			fc.property(scenarioBase, rules, anyThresholds, (b, rs, t) => {
				const result = compareScenarios(
					b,
					[
						{ id: 'x', name: 'x', rules: rs },
						{ id: 'y', name: 'y', rules: [] }
					],
					t
				);
				if (!result.ok) throw new Error(result.error);
				for (const s of result.scenarios) {
					for (const r of s.risks)
						expect([r.severity, r.likelihood, r.level].every(inScale)).toBe(true);
					for (const bn of s.outcome.benefits) expect(inScale(bn.magnitude.value)).toBe(true);
				}
			})
		);
	});
	it('re-reading a comparison with another matrix equals comparing with it from the start', () => {
		fc.assert(
			fc.property(scenarioBase, rules, rules, anyThresholds, (b, rs, other, t) => {
				const scenarios = [
					{ id: 'x', name: 'x', rules: rs },
					{ id: 'y', name: 'y', rules: other }
				];
				const byDefault = compareScenarios(b, scenarios);
				const direct = compareScenarios(b, scenarios, t);
				if (!byDefault.ok || !direct.ok) throw new Error('comparison refused');
				expect(withThresholds(byDefault.scenarios, t)).toEqual(direct.scenarios);
			})
		);
	});
});
