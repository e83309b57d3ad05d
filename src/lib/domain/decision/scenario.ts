/**
 * The chosen scenario as the decision reads it. The residual levels the director accepts are
 * those of the chosen scenario (the step's residual scores with the scenario's option rules
 * applied), not the step's own: otherwise the approval would rest on figures of a scenario
 * not chosen. Some options break a principle outright and can never be approved.
 */
import { getOptionGroup, rulesForSelection } from '../knowledge/risks/scenario-options';
import { applyScenario } from '../scoring';
import type { Risk } from '../method/risks';
import type { Scale } from '../knowledge/risks/scales';
import { CUSTOM_KEY } from '../method/risks';

/**
 * Options that break a fundamental principle, whatever their scores: informing patients is
 * an obligation (GDPR art. 13 and 14; art. 14(5)(b) exempts only where informing is
 * impossible or disproportionate, not a hospital with its patients' contacts). The knowledge
 * catalogue may also flag an option with `compliant: false`.
 */
export const NON_COMPLIANT_CHOICES: Readonly<Record<string, readonly string[]>> = {
	patient_information: ['none']
};

export function nonCompliantChoices(
	selection: Readonly<Record<string, string>>
): { group: string; choice: string }[] {
	const out: { group: string; choice: string }[] = [];
	for (const [group, choice] of Object.entries(selection)) {
		const flagged = getOptionGroup(group)?.choices.find((c) => c.key === choice) as
			{ compliant?: boolean } | undefined;
		if (NON_COMPLIANT_CHOICES[group]?.includes(choice) || flagged?.compliant === false)
			out.push({ group, choice });
	}
	return out;
}

/** Same keys as the scenario comparison: catalogue key, else `custom:<id>`, unique. */
function keysOf(risks: readonly Pick<Risk, 'id' | 'catalogueKey'>[]): string[] {
	const used = new Set<string>();
	return risks.map((r, i) => {
		const candidates = [
			r.catalogueKey === CUSTOM_KEY ? null : r.catalogueKey,
			`custom:${r.id}`,
			`custom:${r.id}#${i}`
		];
		const key = candidates.find((c): c is string => c !== null && !used.has(c)) ?? `#${i}`;
		used.add(key);
		return key;
	});
}

/**
 * Residual severity and likelihood of each risk under a selection. Without a selection (no
 * scenario chosen), the step's own residual scores.
 */
export function residualsUnder(
	risks: readonly Risk[],
	selection: Readonly<Record<string, string>> | null
): { id: string; title: string; severity: Scale; likelihood: Scale }[] {
	const own = risks.map((r) => ({
		id: r.id,
		title: r.title,
		severity: r.residualSeverity,
		likelihood: r.residualLikelihood
	}));
	if (!selection) return own;
	const selected = rulesForSelection(selection);
	if (!selected.ok) return own;
	const keys = keysOf(risks);
	const outcome = applyScenario(
		{
			risks: risks.map((r, i) => ({
				key: keys[i] ?? r.id,
				severity: r.residualSeverity,
				likelihood: r.residualLikelihood
			})),
			benefits: []
		},
		selected.rules
	);
	return own.map((r, i) => ({
		...r,
		severity: outcome.risks[i]?.severity.value ?? r.severity,
		likelihood: outcome.risks[i]?.likelihood.value ?? r.likelihood
	}));
}
