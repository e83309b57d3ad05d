/**
 * Labels of the closed vocabularies as the generated documents print them. Domain
 * vocabulary comes from the knowledge catalogues; the few labels that only exist as UI
 * messages are read from paraglide with an explicit locale (documents are built in the
 * requester's language, not the ambient one).
 */
import { m } from '$lib/paraglide/messages';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import { LEVEL_LABELS, LEVEL_NAMES, type Scale } from '$lib/domain/knowledge/risks/scales';
import type { Role } from '$lib/domain/roles';
import type { Outcome, SignatureKindName, Verdict } from '$lib/domain/signoff';
import { riskLevel, type MatrixThresholds } from '$lib/domain/scoring';
import type { FindingStatus } from '$lib/domain/finding-status';
import { FINDING_STATUS_TEXT } from '$lib/i18n/finding-labels';

export const opts = (locale: Locale) => ({ locale });

export function levelLabel(level: Scale, locale: Locale): string {
	return localize(LEVEL_LABELS[LEVEL_NAMES[level - 1] ?? 'negligible'], locale);
}

/** "Importante (G3 × V2)": the level never shown without the two scores it comes from. */
export function scoredLevel(
	severity: Scale,
	likelihood: Scale,
	thresholds: MatrixThresholds,
	locale: Locale
): string {
	const { level } = riskLevel(severity, likelihood, thresholds);
	return m.exports_report_scored_level(
		{ level: levelLabel(level, locale), severity, likelihood },
		opts(locale)
	);
}

export function yesNo(value: boolean, locale: Locale): string {
	return value ? m.exports_report_yes({}, opts(locale)) : m.exports_report_no({}, opts(locale));
}

export function roleLabel(role: string, locale: Locale): string {
	const o = opts(locale);
	const labels: Record<Role, () => string> = {
		admin: () => m.role_admin({}, o),
		dpo: () => m.role_dpo({}, o),
		director: () => m.role_director({}, o),
		security: () => m.role_security({}, o),
		contributor: () => m.role_contributor({}, o),
		representative: () => m.role_representative({}, o),
		auditor: () => m.role_auditor({}, o)
	};
	return (labels as Record<string, () => string>)[role]?.() ?? role;
}

export function kindLabel(kind: SignatureKindName, locale: Locale): string {
	const o = opts(locale);
	const labels: Record<SignatureKindName, () => string> = {
		dpo: () => m.exports_report_kind_dpo({}, o),
		security: () => m.exports_report_kind_security({}, o),
		data_subjects: () => m.exports_report_kind_data_subjects({}, o),
		data_subjects_waiver: () => m.exports_report_kind_data_subjects_waiver({}, o),
		extra: () => m.exports_report_kind_extra({}, o),
		decision: () => m.exports_report_kind_decision({}, o)
	};
	return labels[kind]();
}

export function verdictLabel(verdict: string | null, locale: Locale): string {
	const o = opts(locale);
	const labels: Record<Verdict, () => string> = {
		favourable: () => m.exports_report_verdict_favourable({}, o),
		reservations: () => m.exports_report_verdict_reservations({}, o),
		unfavourable: () => m.exports_report_verdict_unfavourable({}, o)
	};
	if (verdict === null) return m.exports_report_verdict_none({}, o);
	return (labels as Record<string, () => string>)[verdict]?.() ?? verdict;
}

export function outcomeLabel(outcome: Outcome | string, locale: Locale): string {
	const o = opts(locale);
	// The decision page's own wording: one label per outcome in the UI, the record and the PDF.
	const labels: Record<Outcome, () => string> = {
		approve: () => m.signoff_outcome_approve({}, o),
		approve_with_conditions: () => m.signoff_outcome_approve_with_conditions({}, o),
		reject: () => m.signoff_outcome_reject({}, o),
		refer_cnil: () => m.signoff_outcome_refer_cnil({}, o)
	};
	return (labels as Record<string, () => string>)[outcome]?.() ?? outcome;
}

/** A security finding's status (`FINDING_STATUSES`), as the findings page words it. */
export function findingStatusLabel(status: string, locale: Locale): string {
	const label = FINDING_STATUS_TEXT[status as FindingStatus] as
		((o: { locale: Locale }) => string) | undefined;
	return label ? label(opts(locale)) : status;
}

/** What a document prints for an empty value. */
export const dash = '—';
export const orDash = (text: string | undefined | null) =>
	text && text.trim() !== '' ? text : dash;
