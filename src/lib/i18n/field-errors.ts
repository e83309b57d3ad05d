import { m } from '$lib/paraglide/messages';

/** A translatable validation error: a message key, or a generic code with its limit. */
export interface FieldError {
	code: string;
	max?: number;
}

export interface FormFailure {
	errors: Record<string, FieldError>;
	values: Record<string, string>;
}

/**
 * The sentence of every specific error code the server sends, each message named: a
 * lookup by a variable key into all messages would ship every UI string of both
 * languages to every page with a form (the bundler can only drop messages named in the
 * code). `field-errors.test.ts` fails when the server sends a code missing here.
 */
export const FIELD_ERROR_MESSAGES: Record<string, () => string> = {
	action_plan_required: m.action_plan_required,
	project_lead_not_eligible: m.project_lead_not_eligible,
	signoff_authorship_reason_required: m.signoff_authorship_reason_required,
	admin_email_invalid: m.admin_email_invalid,
	admin_email_taken: m.admin_email_taken,
	admin_email_already_member: m.admin_email_already_member,
	comments_error_frozen: m.comments_error_frozen,
	decision_conditions_need_outcome: m.decision_conditions_need_outcome,
	decision_conditions_required: m.decision_conditions_required,
	decision_date_past: m.decision_date_past,
	decision_rationale_required: m.decision_rationale_required,
	decision_risk_not_accepted: m.decision_risk_not_accepted,
	decision_scenario_required: m.decision_scenario_required,
	decision_unknown_risk: m.decision_unknown_risk,
	decision_unknown_scenario: m.decision_unknown_scenario,
	duplicate_value: m.duplicate_value,
	country_unknown: m.country_unknown,
	measure_due_in_past: m.measure_due_in_past,
	orgsettings_duplicate_key: m.orgsettings_duplicate_key,
	orgsettings_key_invalid: m.orgsettings_key_invalid,
	orgsettings_level_invalid: m.orgsettings_level_invalid,
	orgsettings_too_many_opinions: m.orgsettings_too_many_opinions,
	password_mismatch: m.password_mismatch,
	password_too_short: m.password_too_short,
	password_too_long: m.password_too_long,
	password_common: m.password_common,
	password_contains_email: m.password_contains_email,
	password_wrong_current: m.password_wrong_current,
	risk_residual_reason_required: m.risk_residual_reason_required,
	scenarios_too_many: m.scenarios_too_many,
	signoff_code_required: m.signoff_code_required,
	signoff_refused_content_changed: m.signoff_refused_content_changed,
	signoff_throttled: m.signoff_throttled,
	signoff_totp_enrolment_required: m.signoff_totp_enrolment_required,
	signoff_directory_stepup_required: m.signoff_directory_stepup_required,
	signoff_unexpected_field: m.signoff_unexpected_field,
	signoff_wrong_code: m.signoff_wrong_code,
	signoff_wrong_password: m.signoff_wrong_password,
	signoff_wrong_role: m.signoff_wrong_role,
	title_required_blank: m.title_required_blank,
	twofactor_code_wrong: m.twofactor_code_wrong,
	orgsettings_non_monotonic_likelihood: m.orgsettings_non_monotonic_likelihood,
	orgsettings_non_monotonic_severity: m.orgsettings_non_monotonic_severity,
	signoff_refused_already_signed: m.signoff_refused_already_signed,
	signoff_refused_data_subjects_view_missing: m.signoff_refused_data_subjects_view_missing,
	signoff_refused_decision_incomplete: m.signoff_refused_decision_incomplete,
	signoff_refused_dpo_opinion_missing: m.signoff_refused_dpo_opinion_missing,
	signoff_refused_extra_opinion_missing: m.signoff_refused_extra_opinion_missing,
	signoff_refused_frozen: m.signoff_refused_frozen,
	signoff_refused_invalid_from_state: m.signoff_refused_invalid_from_state,
	signoff_refused_not_awaiting_decision: m.signoff_refused_not_awaiting_decision,
	signoff_refused_not_collecting_opinions: m.signoff_refused_not_collecting_opinions,
	signoff_refused_role_not_allowed: m.signoff_refused_role_not_allowed,
	signoff_refused_screening_missing: m.signoff_refused_screening_missing,
	signoff_refused_security_opinion_missing: m.signoff_refused_security_opinion_missing,
	signoff_refused_stale_opinion: m.signoff_refused_stale_opinion,
	signoff_refused_steps_not_evaluated: m.signoff_refused_steps_not_evaluated,
	signoff_refused_view_already_given: m.signoff_refused_view_already_given,
	admin_not_manageable: m.admin_not_manageable,
	admin_cannot_disable_self: m.admin_cannot_disable_self,
	admin_stale: m.admin_stale,
	review_severity_required: m.review_severity_required,
	field_invalid: m.field_invalid,
	field_required: m.field_required
};

/** The sentence shown under a field for an error code sent by the server. */
export function fieldErrorText(error: FieldError | undefined): string | undefined {
	if (!error) return undefined;
	if (error.code === 'too_long') return m.field_too_long({ max: error.max ?? 0 });
	if (error.code === 'required') return m.field_required();
	const message = FIELD_ERROR_MESSAGES[error.code];
	return message ? message() : m.field_invalid();
}
