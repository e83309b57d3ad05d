/**
 * The arbitration options the director decides on, as groups of mutually exclusive choices.
 * A scenario is one choice per group; its rules are the concatenation of the chosen choices'
 * rules, applied by `applyScenario` to the catalogue's suggested scores (or to the scores of
 * the assessment at hand). Each group has one reference choice, the vendor's default offer,
 * which carries no rule because the suggested scores already describe it.
 */
import type { ScenarioBase } from '../../scoring';
import { BENEFIT_CATALOGUE } from './benefit-catalogue';
import { isPatientBenefit } from './types';
import {
	HISTORICAL_IMPORT_GROUP,
	HOSTING_GROUP,
	PATIENT_INFORMATION_GROUP
} from './options-data-hosting';
import {
	REMINDER_CHANNEL_GROUP,
	REMINDER_WORDING_GROUP,
	SENSITIVE_REASONS_GROUP
} from './options-reminders-reasons';
import { RISK_CATALOGUE } from './risk-catalogue';
import type { Rule } from './rules';
import type { OptionChoice, OptionGroup } from './types';

export type { OptionChoice, OptionGroup } from './types';

export const SCENARIO_OPTION_GROUPS: readonly OptionGroup[] = [
	HISTORICAL_IMPORT_GROUP,
	REMINDER_CHANNEL_GROUP,
	REMINDER_WORDING_GROUP,
	SENSITIVE_REASONS_GROUP,
	HOSTING_GROUP,
	PATIENT_INFORMATION_GROUP
];

/** Group key → choice key. A group left out keeps its reference choice. */
export type ScenarioSelection = Readonly<Record<string, string>>;

export type SelectionResult =
	| { ok: true; rules: Rule[]; choices: Array<{ group: string; choice: string }> }
	| { ok: false; error: 'unknown_group' | 'unknown_choice'; key: string };

export function getOptionGroup(key: string): OptionGroup | undefined {
	return SCENARIO_OPTION_GROUPS.find((g) => g.key === key);
}

export function referenceChoice(group: OptionGroup): OptionChoice {
	const found = group.choices.find((c) => c.reference);
	// Guarded by the catalogue tests: every group has exactly one reference choice.
	if (!found) throw new Error(`option_group_without_reference: ${group.key}`);
	return found;
}

export const REFERENCE_SELECTION: ScenarioSelection = Object.freeze(
	Object.fromEntries(SCENARIO_OPTION_GROUPS.map((g) => [g.key, referenceChoice(g).key]))
);

/**
 * Resolves a selection into the rules to apply, in group order so that two equal selections
 * always yield the same list. Unknown keys are errors: silently falling back to the
 * reference would show the director a scenario other than the one chosen.
 */
export function rulesForSelection(selection: ScenarioSelection): SelectionResult {
	for (const key of Object.keys(selection)) {
		if (!getOptionGroup(key)) return { ok: false, error: 'unknown_group', key };
	}
	const rules: Rule[] = [];
	const choices: Array<{ group: string; choice: string }> = [];
	for (const group of SCENARIO_OPTION_GROUPS) {
		const wanted = selection[group.key] ?? referenceChoice(group).key;
		const choice = group.choices.find((c) => c.key === wanted);
		if (!choice) return { ok: false, error: 'unknown_choice', key: `${group.key}.${wanted}` };
		choices.push({ group: group.key, choice: choice.key });
		rules.push(...choice.rules);
	}
	return { ok: true, rules, choices };
}

/** The catalogue's suggested scores as a scenario base, for the demonstration assessment. */
export function suggestedBase(): ScenarioBase {
	return {
		risks: RISK_CATALOGUE.map((r) => ({
			key: r.key,
			severity: r.suggested.severity,
			likelihood: r.suggested.likelihood
		})),
		benefits: BENEFIT_CATALOGUE.map((b) => ({
			key: b.key,
			magnitude: b.suggested.magnitude,
			confidence: b.suggested.confidence,
			counted: isPatientBenefit(b.key)
		}))
	};
}
