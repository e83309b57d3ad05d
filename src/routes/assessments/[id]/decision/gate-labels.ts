import { m } from '$lib/paraglide/messages';
import { localize, type Locale, type Localized } from '$lib/domain/knowledge/localized';
import { kindLabel } from '$lib/i18n/signoff-labels';

// Each text takes its own inputs; `never` accepts them all, `msg` passes what the caller gave.
type Msg = (inputs: never) => string;

/**
 * The texts the gate shows for a code of the domain (blockers, art. 36 reasons, compliance
 * areas, statuses and problems, contradictions), named one by one: looking a code up in the
 * whole messages module would ship every text of the application to this page.
 * gate-labels.test.ts checks that each code the messages define is listed.
 */
export const GATE_TEXTS: Readonly<Record<string, Msg>> = {
	decision_blocker_compliance_open: m.decision_blocker_compliance_open,
	decision_blocker_compliance_unknown: m.decision_blocker_compliance_unknown,
	decision_blocker_compliance_due_past: m.decision_blocker_compliance_due_past,
	decision_blocker_risk_without_measure: m.decision_blocker_risk_without_measure,
	decision_blocker_risk_lowered_without_measure: m.decision_blocker_risk_lowered_without_measure,
	decision_blocker_step_not_evaluated: m.decision_blocker_step_not_evaluated,
	decision_blocker_step_action_missing: m.decision_blocker_step_action_missing,
	decision_blocker_scenario_non_compliant: m.decision_blocker_scenario_non_compliant,
	decision_blocker_art36_top_level: m.decision_blocker_art36_top_level,
	decision_blocker_art36_severe_and_likely: m.decision_blocker_art36_severe_and_likely,
	decision_blocker_contradiction_unexplained: m.decision_blocker_contradiction_unexplained,
	decision_blocker_reservation_unanswered: m.decision_blocker_reservation_unanswered,
	decision_blocker_reservation_condition_without_conditions:
		m.decision_blocker_reservation_condition_without_conditions,
	decision_art36_top_level: m.decision_art36_top_level,
	decision_art36_severe_and_likely: m.decision_art36_severe_and_likely,
	decision_art36_compliance_open: m.decision_art36_compliance_open,
	decision_area_lawful_basis: m.decision_area_lawful_basis,
	decision_area_information: m.decision_area_information,
	decision_area_processor_contract: m.decision_area_processor_contract,
	decision_area_transfer: m.decision_area_transfer,
	decision_area_retention: m.decision_area_retention,
	decision_status_compliant: m.decision_status_compliant,
	decision_status_to_fix: m.decision_status_to_fix,
	decision_status_not_applicable: m.decision_status_not_applicable,
	decision_problem_health_exception_missing: m.decision_problem_health_exception_missing,
	decision_problem_national_law_missing: m.decision_problem_national_law_missing,
	decision_problem_information_missing: m.decision_problem_information_missing,
	decision_problem_clause_missing: m.decision_problem_clause_missing,
	decision_problem_clause_partial: m.decision_problem_clause_partial,
	decision_problem_clause_na_without_reason: m.decision_problem_clause_na_without_reason,
	decision_problem_transfer_without_tool: m.decision_problem_transfer_without_tool,
	decision_problem_transfer_not_assessed: m.decision_problem_transfer_not_assessed,
	decision_problem_retention_not_fixed: m.decision_problem_retention_not_fixed,
	decision_problem_step_empty: m.decision_problem_step_empty,
	decision_contradiction_sensitive_motif_online: m.decision_contradiction_sensitive_motif_online,
	decision_contradiction_reminder_wording_against_dpo:
		m.decision_contradiction_reminder_wording_against_dpo,
	decision_contradiction_information_without_notice:
		m.decision_contradiction_information_without_notice
};

/** A message of the decision area by key (codes come from the domain). */
export function msg(key: string, inputs: Record<string, unknown> = {}): string {
	const text = GATE_TEXTS[key] as ((inputs: Record<string, unknown>) => string) | undefined;
	return text?.(inputs) ?? key;
}

/**
 * What a blocker or an item is about, in the reader's language. `label` is the catalogue
 * name the server found for `ref` (a clause, a step, a scenario option: see refLabel in
 * gate-view.server.ts), so the catalogues stay off this page.
 */
export function subjectText(
	ref: string,
	subject: string,
	label: Localized | null | undefined,
	locale: Locale,
	extraLabels: Record<string, Localized>
): string {
	if (ref.startsWith('processor_contract:')) return label ? localize(label, locale) : ref;
	if (subject) return subject;
	if (label) return localize(label, locale);
	if (/^(dpo|security|data_subjects|extra:)/.test(ref)) {
		const [kind, extra] = ref.split(':');
		return kindLabel(kind ?? ref, extra ?? null, extraLabels, locale);
	}
	return ref;
}
