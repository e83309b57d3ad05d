import * as messages from '$lib/paraglide/messages';
import { PROCESSOR_CLAUSES } from '$lib/domain/knowledge/processor-clauses';
import { getOptionGroup } from '$lib/domain/knowledge/risks/scenario-options';
import { localize, type Locale, type Localized } from '$lib/domain/knowledge/localized';
import { isStepKey, stepDefinition } from '$lib/domain/method/steps';
import { kindLabel } from '$lib/i18n/signoff-labels';

type Msg = (inputs?: Record<string, unknown>) => string;
const dict = messages as unknown as Record<string, Msg | undefined>;

/** A message of the decision area by key (codes come from the domain). */
export function msg(key: string, inputs: Record<string, unknown> = {}): string {
	return dict[key]?.(inputs) ?? key;
}

/** What a blocker or an item is about, in the reader's language. */
export function subjectText(
	ref: string,
	subject: string,
	locale: Locale,
	extraLabels: Record<string, Localized>
): string {
	if (ref.startsWith('processor_contract:')) {
		const clause = PROCESSOR_CLAUSES.find((c) => `processor_contract:${c.key}` === ref);
		return clause ? localize(clause.label, locale) : ref;
	}
	if (subject) return subject;
	if (isStepKey(ref)) return localize(stepDefinition(ref).title, locale);
	if (/^(dpo|security|data_subjects|extra:)/.test(ref)) {
		const [kind, extra] = ref.split(':');
		return kindLabel(kind ?? ref, extra ?? null, extraLabels, locale);
	}
	const [group, choice] = ref.split('.');
	const option = getOptionGroup(group ?? '')?.choices.find((c) => c.key === choice);
	return option ? localize(option.label, locale) : ref;
}
