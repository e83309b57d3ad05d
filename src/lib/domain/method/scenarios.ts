import { z } from 'zod';
import { defineSchema } from '../define-schema';
import { RISK_KEYS } from '../knowledge/risks/risk-catalogue';
import { isPatientBenefit } from '../knowledge/risks/types';
import {
	getOptionGroup,
	referenceChoice,
	rulesForSelection,
	SCENARIO_OPTION_GROUPS
} from '../knowledge/risks/scenario-options';
import type { Rule } from '../knowledge/risks/rules';
import { MAX_SCENARIOS, type ScenarioBase } from '../scoring';
import {
	compareScenarios,
	type ComparisonErrorCode,
	type ScenarioInput,
	type ScenarioResult
} from '../scenario-comparison';
import type { Benefits } from './benefits';
import { freeText, reportDuplicates, requiredShortText } from './fields';
import { CUSTOM_KEY, type Risks } from './risks';

/** The four risks named by the hospitals' own analysis: always shown in the comparison. */
export const NAMED_RISK_KEYS = RISK_KEYS.slice(0, 4);

/** Prefix of the comparison keys of custom risks and benefits (no option rule aims at them). */
export const CUSTOM_PREFIX = `${CUSTOM_KEY}:`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A form sends an empty select as absent, and a new scenario has no id yet: drop the empty
 * choices (a group left out keeps its reference choice) and give each new scenario the
 * first free id `s1`, `s2`…, so the schema stays pure and deterministic.
 */
function prepare(value: unknown): unknown {
	if (!isRecord(value) || !Array.isArray(value.scenarios)) return value;
	const items: unknown[] = value.scenarios;
	const used = new Set(
		items.map((s) => (isRecord(s) && typeof s.id === 'string' ? s.id.trim() : '')).filter(Boolean)
	);
	let next = 1;
	const freshId = () => {
		while (used.has(`s${next}`)) next++;
		used.add(`s${next}`);
		return `s${next}`;
	};
	return {
		...value,
		scenarios: items.map((item) => {
			if (!isRecord(item)) return item;
			const out: Record<string, unknown> = { ...item };
			if (out.id === undefined || (typeof out.id === 'string' && out.id.trim() === '')) {
				out.id = freshId();
			}
			if (isRecord(out.selection)) {
				out.selection = Object.fromEntries(
					Object.entries(out.selection).filter(([, v]) => v !== undefined && v !== '')
				);
			}
			if (out.notes === undefined) out.notes = '';
			return out;
		})
	};
}

const UNKNOWN_OPTION = 'scenarios_unknown_option';

/** Group key → choice key; unknown keys are refused, missing groups get their reference. */
export const selectionSchema = defineSchema(() =>
	z
		.record(z.string(), z.string())
		.superRefine((selection, ctx) => {
			for (const [groupKey, choiceKey] of Object.entries(selection)) {
				const group = getOptionGroup(groupKey);
				if (!group || !group.choices.some((c) => c.key === choiceKey)) {
					ctx.addIssue({
						code: 'custom',
						path: [groupKey],
						message: UNKNOWN_OPTION,
						input: choiceKey
					});
				}
			}
		})
		.transform((selection) =>
			Object.fromEntries(
				SCENARIO_OPTION_GROUPS.map((g) => [g.key, selection[g.key] ?? referenceChoice(g).key])
			)
		)
);

export const scenarioSchema = defineSchema(() =>
	z.object({
		id: requiredShortText(),
		name: requiredShortText(),
		selection: selectionSchema,
		notes: freeText()
	})
);

export const scenariosSchema = defineSchema(() =>
	z.preprocess(
		prepare,
		z
			.object({
				scenarios: z.array(scenarioSchema).max(MAX_SCENARIOS, 'scenarios_too_many')
			})
			.superRefine(({ scenarios }, ctx) =>
				reportDuplicates(
					scenarios.map((s) => s.id),
					['scenarios'],
					ctx,
					['id']
				)
			)
	)
);

export type Scenario = z.infer<typeof scenarioSchema>;
export type Scenarios = z.infer<typeof scenariosSchema>;

/** A risk or benefit of the comparison: its key (catalogue key or `custom:<id>`) and title. */
export type ComparedItem = { key: string; title: string };

export type StepComparison =
	| { ok: true; risks: ComparedItem[]; benefits: ComparedItem[]; scenarios: ScenarioResult[] }
	| { ok: false; error: ComparisonErrorCode | 'invalid_selection' };

/**
 * A unique key per row: the catalogue key for a catalogue entry (option rules aim at those),
 * `custom:<id>` otherwise. A second row with the same key falls back to its id, then its index.
 */
function keysOf(rows: ReadonlyArray<{ id: string; catalogueKey: string }>): string[] {
	const used = new Set<string>();
	return rows.map((row, index) => {
		const candidates = [
			row.catalogueKey === CUSTOM_KEY ? null : row.catalogueKey,
			`${CUSTOM_PREFIX}${row.id}`,
			`${CUSTOM_PREFIX}${row.id}#${index}`
		];
		const key = candidates.find((c): c is string => c !== null && !used.has(c)) ?? `#${index}`;
		used.add(key);
		return key;
	});
}

/**
 * Compares the scenarios of an assessment on its own scores: the RESIDUAL scores of its risks
 * (after the measures already decided) and its benefits. Each selection becomes the rules of
 * its choices; rules aimed at a risk or benefit the assessment does not have are reported by
 * `compareScenarios` as orphans. Fewer than two scenarios: nothing to compare yet.
 */
export function compareFromSteps(
	risksContent: Risks | null | undefined,
	benefitsContent: Benefits | null | undefined,
	scenarios: ReadonlyArray<Scenario>
): StepComparison {
	const risks = risksContent?.risks ?? [];
	const benefits = benefitsContent?.benefits ?? [];
	const riskKeys = keysOf(risks);
	const benefitKeys = keysOf(benefits);
	const base: ScenarioBase = {
		risks: risks.map((r, i) => ({
			key: riskKeys[i] ?? r.id,
			severity: r.residualSeverity,
			likelihood: r.residualLikelihood
		})),
		benefits: benefits.map((b, i) => ({
			key: benefitKeys[i] ?? b.id,
			magnitude: b.magnitude,
			confidence: b.confidence,
			counted: isPatientBenefit(b.catalogueKey)
		}))
	};
	const inputs: ScenarioInput[] = [];
	for (const scenario of scenarios) {
		const selected = rulesForSelection(scenario.selection);
		if (!selected.ok) return { ok: false, error: 'invalid_selection' };
		const rules: Rule[] = selected.rules;
		inputs.push({ id: scenario.id, name: scenario.name, rules });
	}
	const comparison = compareScenarios(base, inputs);
	if (!comparison.ok) return comparison;
	return {
		ok: true,
		risks: risks.map((r, i) => ({ key: base.risks[i]?.key ?? r.id, title: r.title })),
		benefits: benefits.map((b, i) => ({ key: base.benefits[i]?.key ?? b.id, title: b.title })),
		scenarios: comparison.scenarios
	};
}

/** The empty content of the step, before any scenario is written. */
export const EMPTY_SCENARIOS: Scenarios = { scenarios: [] };
