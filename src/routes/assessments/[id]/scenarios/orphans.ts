import type { Rule } from '$lib/domain/knowledge/risks/rules';
import {
	SCENARIO_OPTION_GROUPS,
	type OptionChoice,
	type OptionGroup
} from '$lib/domain/knowledge/risks/scenario-options';
import type { ScenarioResult } from '$lib/domain/scenario-comparison';

/**
 * A rule of a saved scenario aimed at a risk or benefit the assessment no longer has (it was
 * deleted from its register). The scoring model leaves it out; the page says so, naming the
 * scenario, the option that carries the rule and the missing target, so the DPO can restore
 * the risk or choose another option. Nothing is removed from the saved scenario.
 */
export type OrphanNotice = {
	scenarioId: string;
	scenario: string;
	group: OptionGroup | null;
	choice: OptionChoice | null;
	rule: Rule;
};

function ownerOf(rule: Rule): { group: OptionGroup; choice: OptionChoice } | null {
	for (const group of SCENARIO_OPTION_GROUPS) {
		const choice = group.choices.find((c) => c.rules.some((r) => r.id === rule.id));
		if (choice) return { group, choice };
	}
	return null;
}

export function orphanNotices(results: ReadonlyArray<ScenarioResult>): OrphanNotice[] {
	return results.flatMap((result) =>
		result.outcome.orphanRules.map((rule) => {
			const owner = ownerOf(rule);
			return {
				scenarioId: result.id,
				scenario: result.name,
				group: owner?.group ?? null,
				choice: owner?.choice ?? null,
				rule
			};
		})
	);
}
