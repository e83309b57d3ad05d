/**
 * The audit trail as the report prints it: an action label in the reader's language instead
 * of the stored code (`workflow.submit_for_review`), and summaries with the codes they carry
 * (workflow states, outcomes, document kinds) replaced by words. The stored entries are not
 * touched: the evidence bundle keeps them verbatim for the hash chain.
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/knowledge/localized';
import { outcomeLabel } from './report-labels';
import { summaryInWords } from './report-audit-summaries';

type Msg = (inputs: Record<string, never>, options: { locale: Locale }) => string;

const ACTIONS: Record<string, Msg> = {
	'assessment.create': m.legal_audit_assessment_create,
	'assessment.update': m.legal_audit_assessment_update,
	'assessment.archive': m.legal_audit_assessment_archive,
	'assessment.export': m.legal_audit_assessment_export,
	'assessment.import': m.legal_audit_assessment_import,
	'step.save': m.legal_audit_step_save,
	'step.request_review': m.legal_audit_step_request_review,
	'step.evaluate': m.legal_audit_step_evaluate,
	'step.export_csv': m.legal_audit_step_export_csv,
	'action_plan.export_csv': m.legal_audit_action_plan_export_csv,
	'attachment.upload': m.legal_audit_attachment_upload,
	'comment.add': m.legal_audit_comment_add,
	'finding.create': m.legal_audit_finding_create,
	'finding.update': m.legal_audit_finding_update,
	'opinion.sign': m.legal_audit_opinion_sign,
	'decision.sign': m.legal_audit_decision_sign,
	'review.signal': m.legal_audit_review_signal,
	'decision.condition_met': m.conditions_audit_action
};

const STATES: Record<string, Msg> = {
	draft: m.legal_audit_state_draft,
	in_review: m.legal_audit_state_in_review,
	opinions: m.legal_audit_state_opinions,
	awaiting_decision: m.legal_audit_state_awaiting_decision,
	decided: m.legal_audit_state_decided,
	archived: m.legal_audit_state_archived
};

const DOCS: Record<string, Msg> = {
	report: m.legal_audit_doc_report,
	notice: m.legal_audit_doc_notice,
	'record-of-processing': m.legal_audit_doc_record_of_processing
};

export function auditActionLabel(action: string, locale: Locale): string {
	const o = { locale };
	if (action.startsWith('workflow.')) return m.legal_audit_workflow({}, o);
	return (ACTIONS[action] ?? m.legal_audit_other)({}, o);
}

const OUTCOMES = /\b(approve_with_conditions|approve|reject|refer_cnil)\b/g;

export function auditSummaryText(action: string, summary: string, locale: Locale): string {
	const o = { locale };
	const state = (code: string) => STATES[code]?.({}, o) ?? code;
	if (action.startsWith('workflow.')) {
		const t = /^([a-z_]+) → ([a-z_]+)(?: \(version (\d+)\))?$/.exec(summary);
		if (t) {
			const text = m.legal_audit_transition({ from: state(t[1]!), to: state(t[2]!) }, o);
			return t[3] ? m.legal_audit_new_version({ text, n: t[3] }, o) : text;
		}
	}
	const words = summaryInWords(action, summary, locale);
	if (words !== null) return words;
	// Older or unknown wordings: the codes they carry are still spelled out.
	let text = summary.replace(
		/\b(report|notice|record-of-processing)\.(pdf|docx)\b/g,
		(_, kind: string) => DOCS[kind]!({}, o)
	);
	if (action === 'decision.sign') text = text.replace(OUTCOMES, (c) => outcomeLabel(c, locale));
	// A state named in free text is spelled out too.
	return text.replace(/\b(in_review|awaiting_decision)\b/g, (c) => state(c));
}
