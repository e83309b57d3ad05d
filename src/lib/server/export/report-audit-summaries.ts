/**
 * The stored audit summaries of an assessment's entries, told in the reader's language.
 * Entries are written once, in a fixed English form, because the hash chain seals them
 * (audit.ts); what is shown is rebuilt from that form: step keys become step titles,
 * statuses, verdicts and outcomes become their labels. A summary of an unknown form (an
 * older wording) is shown as stored, never guessed.
 */
import { m } from '$lib/paraglide/messages';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import { STEPS } from '$lib/domain/method/steps';
import { parseImportSummary } from '$lib/domain/interop/cnil-pia-report';
import type { SignatureKindName } from '$lib/domain/signoff';
import type { SignalKind } from '$lib/domain/review';
import { signalKindLabel } from '$lib/i18n/review-labels';
import { findingStatusLabel, kindLabel, outcomeLabel, verdictLabel } from './report-labels';

type O = { locale: Locale };
type Render = (g: string[], o: O) => string;

const stepTitle = (key: string, o: O): string => {
	const step = STEPS.find((s) => s.key === key);
	if (step) return localize(step.title, o.locale);
	return key === 'assessment' ? m.legal_audit_where_assessment({}, o) : key;
};

const EVALUATION: Record<string, (o: O) => string> = {
	acceptable: (o) => m.step_eval_acceptable({}, o),
	improvable: (o) => m.step_eval_improvable({}, o),
	to_correct: (o) => m.step_eval_to_correct({}, o)
};

/** Export kinds as `exportResponse` records them (`report.pdf`, `evidence bundle`, ...). */
const EXPORTS: Record<string, (o: O) => string> = {
	report: (o) => m.legal_audit_doc_report({}, o),
	notice: (o) => m.legal_audit_doc_notice({}, o),
	'record-of-processing': (o) => m.legal_audit_doc_record_of_processing({}, o),
	art36: (o) => m.legal_audit_doc_art36({}, o),
	assessment: (o) => m.legal_audit_doc_assessment_json({}, o),
	'cnil-pia': (o) => m.legal_audit_doc_cnil_pia({}, o),
	'action-plan': (o) => m.legal_audit_doc_action_plan({}, o),
	motifs: (o) => m.legal_audit_doc_motifs({}, o),
	'evidence bundle': (o) => m.legal_audit_doc_bundle({}, o)
};

const LANGUAGES: Record<string, (o: O) => string> = {
	fr: (o) => m.legal_audit_lang_fr({}, o),
	en: (o) => m.legal_audit_lang_en({}, o)
};

const label = (table: Record<string, (o: O) => string>, code: string, o: O) =>
	table[code]?.(o) ?? code;

/** `report.pdf` + `PDF` → "rapport d'analyse d'impact (PDF)"; an unknown kind as recorded. */
const documentLabel = (kind: string, ext: string, o: O): string => {
	const base = kind.replace(/\.[a-z]+$/, '');
	return EXPORTS[base] ? `${EXPORTS[base](o)} (${ext})` : kind;
};

const signatureKind = (kind: string, o: O) =>
	kind.startsWith('extra:')
		? `${kindLabel('extra', o.locale)} (${kind.slice('extra:'.length)})`
		: kindLabel(kind as SignatureKindName, o.locale);

/** One entry per stored form, by action: the first pattern that matches tells it. */
const FORMS: Record<string, [RegExp, Render][]> = {
	'step.save': [
		[/^([a-z_]+) saved$/, ([s], o) => m.legal_audit_sum_step_saved({ step: stepTitle(s!, o) }, o)]
	],
	'step.request_review': [
		[
			/^([a-z_]+): review requested$/,
			([s], o) => m.legal_audit_sum_review_requested({ step: stepTitle(s!, o) }, o)
		]
	],
	'step.evaluate': [
		[
			/^([a-z_]+) evaluated: ([a-z_]+)$/,
			([s, status], o) =>
				m.legal_audit_sum_step_evaluated(
					{ step: stepTitle(s!, o), status: label(EVALUATION, status!, o) },
					o
				)
		]
	],
	'comment.add': [
		[
			/^([a-z_]+): comment added \((\d+) characters\)$/,
			([s, n], o) => m.legal_audit_sum_comment({ step: stepTitle(s!, o), n: n! }, o)
		]
	],
	'attachment.upload': [
		[
			/^([a-z_]+): (.*) \(([A-Z]+), (\d+) bytes, sha256 ([0-9a-f]{64})\)$/,
			([s, name, type, size, hash], o) =>
				m.legal_audit_sum_attachment(
					{ where: stepTitle(s!, o), name: name!, type: type!, size: size!, hash: hash! },
					o
				)
		]
	],
	'assessment.create': [
		[/^created from template booking$/, (_, o) => m.legal_audit_sum_created_booking({}, o)],
		[/^created blank$/, (_, o) => m.legal_audit_sum_created_blank({}, o)]
	],
	'assessment.update': [
		[/^title\/description edited$/, (_, o) => m.legal_audit_sum_meta_edited({}, o)],
		[
			/^title\/description\/project lead edited$/,
			(_, o) => m.legal_audit_sum_meta_lead_edited({}, o)
		]
	],
	'assessment.archive': [[/^archived$/, (_, o) => m.legal_audit_state_archived({}, o)]],
	'assessment.export': [
		[
			/^(.+?) \(([A-Z]+)\) of version (\d+) exported in ([a-z]{2}), content sha256 ([0-9a-f]{64})$/,
			([kind, ext, n, lang, hash], o) =>
				m.legal_audit_sum_exported(
					{
						doc: documentLabel(kind!, ext!, o),
						n: n!,
						language: label(LANGUAGES, lang!, o),
						hash: hash!
					},
					o
				)
		],
		[/^evidence bundle \(ZIP\) exported$/, (_, o) => m.legal_audit_sum_bundle_exported({}, o)]
	],
	'opinion.sign': [
		[
			/^([a-z_]+(?::[\w-]+)?) ([a-z]+) on ([0-9a-f]{12})$/,
			([kind, verdict, hash], o) =>
				m.legal_audit_sum_signed(
					{
						what: signatureKind(kind!, o),
						verdict:
							verdict === 'waiver'
								? verdictLabel(null, o.locale)
								: verdictLabel(verdict!, o.locale),
						hash: hash!
					},
					o
				)
		]
	],
	'decision.sign': [
		[
			/^([a-z_]+) on ([0-9a-f]{12}); version (\d+) frozen$/,
			([outcome, hash, n], o) =>
				m.legal_audit_sum_decided(
					{ outcome: outcomeLabel(outcome!, o.locale), hash: hash!, n: n! },
					o
				)
		]
	],
	'finding.create': [
		[
			/^security finding added \(severity (\d), (\d+) linked risks\)$/,
			([severity, n], o) => m.legal_audit_sum_finding_added({ severity: severity!, n: n! }, o)
		]
	],
	'finding.update': [
		[
			/^security finding updated \(status ([a-z_]+)\)$/,
			([status], o) =>
				m.legal_audit_sum_finding_updated({ status: findingStatusLabel(status!, o.locale) }, o)
		]
	],
	'review.signal': [
		[
			/^change reported \((subprocessor|vulnerability|incident|other)(?:, severity (\d))?\)(; review brought forward)?$/,
			([kind, severity, forward], o) =>
				m.legal_audit_sum_review_signal(
					{
						text: [
							signalKindLabel(kind as SignalKind, o.locale),
							...(severity ? [m.review_signal_severity({ severity }, o)] : []),
							...(forward ? [m.review_signal_raises({}, o)] : [])
						].join(', ')
					},
					o
				)
		],
		[
			/^change reported \(cnil_import, (\d+) change\(s\) found\)(; review brought forward)?$/,
			([count, forward], o) =>
				m.legal_audit_sum_review_signal(
					{
						text: [
							signalKindLabel('cnil_import', o.locale),
							m.review_import_changes_count({ count: Number(count) }, o),
							...(forward ? [m.review_signal_raises({}, o)] : [])
						].join(', ')
					},
					o
				)
		]
	],
	'decision.condition_met': [
		// The condition's text is the director's own words: told as written.
		[/^condition \d+ met: (.*)$/, ([text], o) => m.conditions_audit_summary({ text: text! }, o)]
	]
};

/** The summary in the reader's words, or null when its form is not one of the above. */
export function summaryInWords(action: string, summary: string, locale: Locale): string | null {
	const o = { locale };
	if (action === 'assessment.import') {
		const parsed = parseImportSummary(summary);
		if (!parsed) return null;
		const c = parsed.report.counts;
		return m.legal_audit_sum_imported(
			{
				file: parsed.fileName,
				answers: c.answers,
				measures: c.measures,
				evaluations: c.evaluations,
				comments: c.comments
			},
			o
		);
	}
	for (const [pattern, render] of FORMS[action] ?? []) {
		const match = pattern.exec(summary);
		if (match) return render(match.slice(1), o);
	}
	return null;
}
