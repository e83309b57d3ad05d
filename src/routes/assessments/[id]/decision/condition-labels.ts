import { m } from '$lib/paraglide/messages';

/** The sentence of each refusal of "Marquer comme remplie" (condition-met.server.ts). */
const REFUSALS: Record<string, () => string> = {
	note_empty: m.conditions_refused_note_empty,
	note_too_long: m.conditions_refused_note_too_long,
	not_decided: m.conditions_refused_not_decided,
	no_decision: m.conditions_refused_no_decision,
	no_condition: m.conditions_refused_no_condition,
	already_met: m.conditions_refused_already_met,
	position: m.conditions_refused_position
};

export function conditionRefusalText(reason: string): string {
	return (REFUSALS[reason] ?? m.conditions_refused_position)();
}

/** What the condition actions answer, as the page reads it from `form`. */
export interface ConditionResult {
	condition: number | null;
	conditionRefused?: string;
	conditionMet?: boolean;
	values?: Record<string, string>;
}

/** The answer of a condition action, or null when `form` answers another action. */
export function conditionResultOf(form: unknown): ConditionResult | null {
	return form && typeof form === 'object' && 'condition' in form ? (form as ConditionResult) : null;
}
