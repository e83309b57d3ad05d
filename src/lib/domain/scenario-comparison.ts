/**
 * Scenarios side by side (scoring.ts, point 5): each arbitration choice applied to the same
 * base, read with the organisation's risk map, and what differs from the first scenario,
 * rule by rule. Kept apart from scoring.ts, which scores one risk, benefit or scenario.
 */
import type { Rule } from './knowledge/risks/rules';
import type { Scale } from './knowledge/risks/scales';
import {
	applyScenario,
	benefitTotal,
	DEFAULT_THRESHOLDS,
	MAX_SCENARIOS,
	MIN_SCENARIOS,
	riskLevel,
	SIGNIFICANT_LEVEL,
	type AdjustedRisk,
	type MatrixThresholds,
	type RiskLevel,
	type ScenarioBase,
	type ScenarioOutcome
} from './scoring';

export type ScenarioInput = { id: string; name: string; rules: ReadonlyArray<Rule> };

/** Rules present in this scenario and not in the first one (added), or the reverse (removed). */
export type ScenarioDifference =
	| { kind: 'risk'; key: string; from: RiskLevel; to: RiskLevel; added: Rule[]; removed: Rule[] }
	| { kind: 'benefit'; key: string; from: Scale; to: Scale; added: Rule[]; removed: Rule[] };

export type ScenarioResult = {
	id: string;
	name: string;
	outcome: ScenarioOutcome;
	risks: Array<RiskLevel & { key: string }>;
	significantCount: number;
	highest: { key: string; level: Scale } | null;
	benefitTotal: number;
	differences: ScenarioDifference[];
};

export type ComparisonErrorCode =
	'too_few_scenarios' | 'too_many_scenarios' | 'duplicate_scenario_id';

export type Comparison =
	{ ok: true; scenarios: ScenarioResult[] } | { ok: false; error: ComparisonErrorCode };

// A rule edited between scenarios (same id, other delta or target) counts as removed + added.
function sameRule(a: Rule, b: Rule): boolean {
	if (a.id !== b.id || a.delta !== b.delta) return false;
	const [x, y] = [a.target, b.target];
	if (x.kind === 'risk') return y.kind === 'risk' && x.riskKey === y.riskKey && x.axis === y.axis;
	return y.kind === 'benefit' && x.benefitKey === y.benefitKey;
}

function ruleChanges(first: Rule[], other: Rule[]): { added: Rule[]; removed: Rule[] } {
	return {
		added: other.filter((r) => !first.some((f) => sameRule(f, r))),
		removed: first.filter((f) => !other.some((r) => sameRule(f, r)))
	};
}

function differencesFrom(
	first: ScenarioResult,
	outcome: ScenarioOutcome,
	levels: ScenarioResult['risks']
): ScenarioDifference[] {
	const differences: ScenarioDifference[] = [];
	outcome.risks.forEach((risk, i) => {
		const before = first.outcome.risks[i];
		const from = first.risks[i];
		const to = levels[i];
		if (!before || !from || !to) return;
		if (from.severity === to.severity && from.likelihood === to.likelihood) return;
		const all = (r: AdjustedRisk) => [...r.severity.rules, ...r.likelihood.rules];
		const { added, removed } = ruleChanges(all(before), all(risk));
		differences.push({
			kind: 'risk',
			key: risk.key,
			from: { ...from },
			to: { ...to },
			added,
			removed
		});
	});
	outcome.benefits.forEach((benefit, i) => {
		const before = first.outcome.benefits[i];
		if (!before || before.magnitude.value === benefit.magnitude.value) return;
		const { added, removed } = ruleChanges(before.magnitude.rules, benefit.magnitude.rules);
		const [from, to] = [before.magnitude.value, benefit.magnitude.value];
		differences.push({ kind: 'benefit', key: benefit.key, from, to, added, removed });
	});
	return differences;
}

/**
 * Side-by-side comparison of 2 to 4 scenarios over the same base. The first scenario is the
 * reference: every other one lists what differs from it and which rules caused the change.
 * A wrong number of scenarios is an expected user error and is returned; a malformed base or
 * rule (duplicate key, delta out of range) is a programming error and throws, as in
 * `applyScenario`.
 */
export function compareScenarios(
	base: ScenarioBase,
	scenarios: ReadonlyArray<ScenarioInput>,
	thresholds: MatrixThresholds = DEFAULT_THRESHOLDS
): Comparison {
	if (scenarios.length < MIN_SCENARIOS) return { ok: false, error: 'too_few_scenarios' };
	if (scenarios.length > MAX_SCENARIOS) return { ok: false, error: 'too_many_scenarios' };
	if (new Set(scenarios.map((s) => s.id)).size !== scenarios.length) {
		return { ok: false, error: 'duplicate_scenario_id' };
	}
	const outcomes = scenarios.map((scenario) => ({
		id: scenario.id,
		name: scenario.name,
		outcome: applyScenario(base, scenario.rules)
	}));
	return { ok: true, scenarios: resultsOf(outcomes, thresholds) };
}

type NamedOutcome = Pick<ScenarioResult, 'id' | 'name' | 'outcome'>;

/** Levels, counts and differences of outcomes already computed, read with `thresholds`. */
function resultsOf(
	outcomes: ReadonlyArray<NamedOutcome>,
	thresholds: MatrixThresholds
): ScenarioResult[] {
	const results: ScenarioResult[] = [];
	for (const { id, name, outcome } of outcomes) {
		const risks = outcome.risks.map((r) => ({
			key: r.key,
			...riskLevel(r.severity.value, r.likelihood.value, thresholds)
		}));
		// Strictly greater: on a tie the risk listed first in the base stays the highest.
		const highest = risks.reduce<ScenarioResult['highest']>(
			(best, r) => (best === null || r.level > best.level ? { key: r.key, level: r.level } : best),
			null
		);
		const first = results[0];
		results.push({
			id,
			name,
			outcome,
			risks,
			significantCount: risks.filter((r) => r.level >= SIGNIFICANT_LEVEL).length,
			highest,
			benefitTotal: benefitTotal(
				outcome.benefits
					.filter((b) => b.counted !== false)
					.map((b) => ({ magnitude: b.magnitude.value, confidence: b.confidence }))
			),
			differences: first ? differencesFrom(first, outcome, risks) : []
		});
	}
	return results;
}

/**
 * The same comparison read with another organisation's risk map: scores, rules and benefits
 * are unchanged, only levels (and what depends on them) are recomputed. Equal to comparing
 * with `thresholds` from the start.
 */
export function withThresholds(
	results: ReadonlyArray<ScenarioResult>,
	thresholds: MatrixThresholds
): ScenarioResult[] {
	return resultsOf(results, thresholds);
}
