import { m } from '$lib/paraglide/messages';
import type { Localized } from '$lib/domain/knowledge/localized';

const KIND: Record<string, () => string> = {
	dpo: m.signoff_kind_dpo,
	security: m.signoff_kind_security,
	data_subjects: m.signoff_kind_data_subjects,
	data_subjects_waiver: m.signoff_kind_data_subjects_waiver,
	decision: m.signoff_kind_decision
};

/** The name of an opinion (or of a further opinion, from the organisation's settings). */
export function kindLabel(
	kind: string,
	extraKey: string | null,
	extraLabels: Record<string, Localized>,
	locale: 'fr' | 'en'
): string {
	if (kind === 'extra' && extraKey) return extraLabels[extraKey]?.[locale] ?? extraKey;
	return (KIND[kind] ?? (() => kind))();
}

const VERDICT: Record<string, () => string> = {
	favourable: m.signoff_verdict_favourable,
	reservations: m.signoff_verdict_reservations,
	unfavourable: m.signoff_verdict_unfavourable,
	approve: m.signoff_outcome_approve,
	approve_with_conditions: m.signoff_outcome_approve_with_conditions,
	reject: m.signoff_outcome_reject,
	refer_cnil: m.signoff_outcome_refer_cnil
};

export function verdictLabel(verdict: string | null): string {
	if (!verdict) return m.signoff_verdict_none();
	return (VERDICT[verdict] ?? (() => verdict))();
}

const STATUS: Record<string, () => string> = {
	none: m.signoff_status_none,
	current: m.signoff_status_current,
	stale: m.signoff_status_stale
};

export function signatureStatusLabel(status: 'none' | 'current' | 'stale'): string {
	return STATUS[status]!();
}

const ACTION: Record<string, () => string> = {
	submit_for_review: m.workflow_action_submit_for_review,
	return_to_draft: m.workflow_action_return_to_draft,
	open_opinions: m.workflow_action_open_opinions,
	request_decision: m.workflow_action_request_decision,
	decide: m.workflow_action_decide,
	reopen: m.workflow_action_reopen
};

export function workflowActionLabel(action: string): string {
	return (ACTION[action] ?? (() => action))();
}
