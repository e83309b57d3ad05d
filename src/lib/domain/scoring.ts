/**
 * Scoring model of the DPIA, written so that a DPO can check it line by line.
 *
 * 1. Each risk is scored on the two CNIL PIA scales, 1 Négligeable to 4 Maximale:
 *    severity (how badly the people concerned would be affected) and likelihood (how
 *    feasible the risk is for its sources). Both scores are always returned and shown;
 *    the level is a reading aid that never replaces them.
 * 2. Level. The CNIL method reads its risk map by zones and gives severity priority over
 *    likelihood, but defines no formula. The default reading is the mean of the two scores,
 *    a half-point being rounded towards severity (up when severity is the higher score,
 *    down when likelihood is):
 *
 *                      likelihood 1  2  3  4
 *        severity 1               1  1  2  2
 *        severity 2               2  2  2  3
 *        severity 3               2  3  3  3
 *        severity 4               3  3  4  4
 *
 *    So both scores ≥ 3 give at least "significant", both ≤ 2 at most "limited", and a
 *    severity-led risk never ranks below its likelihood-led mirror. An organisation may
 *    replace this table (`MatrixThresholds`) as long as raising either score can never
 *    lower the level; the schema rejects any other table.
 * 3. Residual scores above the initial ones on either axis need a written reason.
 * 4. Benefits: magnitude 1–4 weighted by confidence (high 1, medium 0.75, low 0.5), summed
 *    and rounded to 2 decimals. Risks and benefits are never netted into one number: the
 *    director weighs them and writes why.
 * 5. Scenarios: each arbitration choice carries rules "±n on one axis of one risk, or on one
 *    benefit". Deltas aimed at the same value are summed, then clamped to 1–4 once, so the
 *    order of the rules never matters. Every value lists the rules behind it, and a rule
 *    aimed at an unknown risk or benefit is reported instead of being dropped.
 */
import { z } from 'zod';
import { defineSchema } from './define-schema';
import { isValidDelta, type Axis, type Rule } from './knowledge/risks/rules';
import {
	isScale,
	LEVEL_NAMES,
	SCALE_VALUES,
	type Confidence,
	type LevelName,
	type Scale
} from './knowledge/risks/scales';

// The vocabulary lives with the CNIL scales and the rule format; re-exported for callers.
export { AXES, ruleSchema, ruleTargetSchema, type Axis, type Rule } from './knowledge/risks/rules';
export { CONFIDENCES, LEVEL_NAMES, SCALE_VALUES, isScale } from './knowledge/risks/scales';
export type { Confidence, LevelName, Scale } from './knowledge/risks/scales';

/** CNIL "Importante": from this level on, a risk needs the director's explicit attention. */
export const SIGNIFICANT_LEVEL: Scale = 3;

/** A doubtful benefit still counts, but half as much as a demonstrated one. */
export const CONFIDENCE_WEIGHTS: Readonly<Record<Confidence, number>> = Object.freeze({
	high: 1,
	medium: 0.75,
	low: 0.5
});

export const MIN_SCENARIOS = 2;
// Beyond four columns the side-by-side comparison stops being readable for the director.
export const MAX_SCENARIOS = 4;

/** Rounds to the nearest integer, then bounds to 1–4. NaN has no sensible score: it throws. */
export function clampScale(value: number): Scale {
	if (Number.isNaN(value)) throw new RangeError('scale_not_a_number');
	return Math.min(4, Math.max(1, Math.round(value))) as Scale;
}

function assertScale(value: unknown, what: string): Scale {
	if (!isScale(value)) throw new RangeError(`${what}_out_of_scale: ${String(value)}`);
	return value;
}

/** The default reading of the risk map (see the header): mean, ties rounded towards severity. */
export function defaultLevel(severity: Scale, likelihood: Scale): Scale {
	const sum = assertScale(severity, 'severity') + assertScale(likelihood, 'likelihood');
	const tieTowardsSeverity = sum % 2 === 1 && severity > likelihood ? 1 : 0;
	return (Math.floor(sum / 2) + tieTowardsSeverity) as Scale;
}

const levelSchema = defineSchema(() => z.literal(SCALE_VALUES));
const rowSchema = defineSchema(() => z.tuple([levelSchema, levelSchema, levelSchema, levelSchema]));

/**
 * Per-organisation risk map: `levels[severity - 1][likelihood - 1]`. Branded, so only a
 * table that went through the schema (and its monotonicity check) can reach `riskLevel`.
 */
export const matrixThresholdsSchema = defineSchema(() =>
	z
		.object({ levels: z.tuple([rowSchema, rowSchema, rowSchema, rowSchema]) })
		.superRefine(({ levels }, ctx) => {
			const flag = (message: string, s: number, l: number) =>
				ctx.addIssue({ code: 'custom', message, path: ['levels', s, l] });
			for (let s = 0; s < 4; s++) {
				for (let l = 0; l < 4; l++) {
					const cell = levels[s]?.[l] ?? 0;
					if (s > 0 && cell < (levels[s - 1]?.[l] ?? 0)) flag('non_monotonic_severity', s, l);
					if (l > 0 && cell < (levels[s]?.[l - 1] ?? 0)) flag('non_monotonic_likelihood', s, l);
				}
			}
		})
		.brand<'MatrixThresholds'>()
);

export type MatrixThresholds = z.infer<typeof matrixThresholdsSchema>;

function freezeTable(thresholds: MatrixThresholds): MatrixThresholds {
	thresholds.levels.forEach((row) => Object.freeze(row));
	Object.freeze(thresholds.levels);
	return Object.freeze(thresholds);
}

// Built from `defaultLevel` and frozen: a shared default must not be edited in place. Not
// run through the schema here: pages that colour a risk import this module, and a parse at
// load time would ship zod to them. scoring.test.ts proves the schema accepts this table.
export const DEFAULT_THRESHOLDS: MatrixThresholds = freezeTable({
	levels: SCALE_VALUES.map((s) => SCALE_VALUES.map((l) => defaultLevel(s, l)))
} as MatrixThresholds);

export type ScorePair = { severity: Scale; likelihood: Scale };
export type RiskLevel = ScorePair & { level: Scale; name: LevelName };

export function levelName(level: Scale): LevelName {
	return LEVEL_NAMES[assertScale(level, 'level') - 1] as LevelName;
}

export function riskLevel(
	severity: Scale,
	likelihood: Scale,
	thresholds: MatrixThresholds = DEFAULT_THRESHOLDS
): RiskLevel {
	assertScale(severity, 'severity');
	assertScale(likelihood, 'likelihood');
	const level = assertScale(thresholds.levels[severity - 1]?.[likelihood - 1], 'level');
	return { severity, likelihood, level, name: levelName(level) };
}

export type ResidualErrorCode =
	| 'residual_severity_above_initial'
	| 'residual_likelihood_above_initial'
	| 'residual_both_above_initial';

/**
 * Measures are expected to lower a risk. A residual score above the initial one is allowed
 * (a measure may shift the risk, new facts may emerge) but only with a written reason.
 */
export function validateResidual(
	initial: ScorePair,
	residual: ScorePair,
	reason?: string | null
): ResidualErrorCode | null {
	const [s0, l0] = [
		assertScale(initial.severity, 'severity'),
		assertScale(initial.likelihood, 'likelihood')
	];
	const severityUp = assertScale(residual.severity, 'severity') > s0;
	const likelihoodUp = assertScale(residual.likelihood, 'likelihood') > l0;
	if ((!severityUp && !likelihoodUp) || (reason ?? '').trim() !== '') return null;
	if (severityUp && likelihoodUp) return 'residual_both_above_initial';
	return severityUp ? 'residual_severity_above_initial' : 'residual_likelihood_above_initial';
}

export type BenefitScore = { magnitude: Scale; confidence: Confidence };

export function benefitTotal(
	benefits: ReadonlyArray<BenefitScore>,
	weights: Readonly<Record<Confidence, number>> = CONFIDENCE_WEIGHTS
): number {
	let total = 0;
	for (const b of benefits) {
		const weight = weights[b.confidence];
		if (weight === undefined) throw new RangeError(`unknown_confidence: ${String(b.confidence)}`);
		total += assertScale(b.magnitude, 'magnitude') * weight;
	}
	return Math.round(total * 100) / 100;
}

export type RiskInput = { key: string; severity: Scale; likelihood: Scale };
/** `counted: false` keeps a benefit out of the total (an organisation's benefit, see types.ts). */
export type BenefitInput = {
	key: string;
	magnitude: Scale;
	confidence: Confidence;
	counted?: boolean;
};
export type ScenarioBase = {
	risks: ReadonlyArray<RiskInput>;
	benefits: ReadonlyArray<BenefitInput>;
};

/** One adjusted value: where it started, where it lands, and the rules that moved it. */
export type Adjustment = { base: Scale; value: Scale; unclamped: number; rules: Rule[] };
export type AdjustedRisk = { key: string; severity: Adjustment; likelihood: Adjustment };
export type AdjustedBenefit = {
	key: string;
	confidence: Confidence;
	magnitude: Adjustment;
	/** Present, and false, only for a benefit the total leaves out (BenefitInput.counted). */
	counted?: false;
};
export type ScenarioOutcome = {
	risks: AdjustedRisk[];
	benefits: AdjustedBenefit[];
	orphanRules: Rule[];
};

// Outputs never share objects with inputs, so callers may mutate either safely.
function copyRule(rule: Rule): Rule {
	return { ...rule, target: { ...rule.target }, explanation: { ...rule.explanation } };
}

function uniqueKeys(what: string, keys: string[]): void {
	const seen = new Set<string>();
	for (const key of keys) {
		if (seen.has(key)) throw new Error(`duplicate_${what}: ${key}`);
		seen.add(key);
	}
}

const keyOf = (item: { key: string }) => item.key;
const idOf = (item: { id: string }) => item.id;

function adjust(base: Scale, rules: Rule[]): Adjustment {
	const unclamped = rules.reduce<number>((sum, rule) => sum + rule.delta, base);
	return { base, value: clampScale(unclamped), unclamped, rules };
}

export function applyScenario(base: ScenarioBase, rules: ReadonlyArray<Rule>): ScenarioOutcome {
	// Duplicates would make the trace ambiguous: which risk did rule X move?
	uniqueKeys('risk_key', base.risks.map(keyOf));
	uniqueKeys('benefit_key', base.benefits.map(keyOf));
	uniqueKeys('rule_id', rules.map(idOf));
	const riskRules = new Map<string, Record<Axis, Rule[]>>(
		base.risks.map((r) => [r.key, { severity: [], likelihood: [] }])
	);
	const benefitRules = new Map<string, Rule[]>(base.benefits.map((b) => [b.key, []]));
	const orphanRules: Rule[] = [];
	for (const rule of rules) {
		// Rules are schema-checked when edited; this guards rules that bypassed the schema.
		if (!isValidDelta(rule.delta)) throw new RangeError(`rule_delta_out_of_range: ${rule.id}`);
		const t = rule.target;
		const list: Rule[] | undefined =
			t.kind === 'risk' ? riskRules.get(t.riskKey)?.[t.axis] : benefitRules.get(t.benefitKey);
		(list ?? orphanRules).push(copyRule(rule));
	}
	return {
		risks: base.risks.map((r) => {
			const found = riskRules.get(r.key) ?? { severity: [], likelihood: [] };
			return {
				key: r.key,
				severity: adjust(assertScale(r.severity, 'severity'), found.severity),
				likelihood: adjust(assertScale(r.likelihood, 'likelihood'), found.likelihood)
			};
		}),
		benefits: base.benefits.map((b) => ({
			key: b.key,
			confidence: b.confidence,
			magnitude: adjust(assertScale(b.magnitude, 'magnitude'), benefitRules.get(b.key) ?? []),
			...(b.counted === false ? { counted: false as const } : {})
		})),
		orphanRules
	};
}
