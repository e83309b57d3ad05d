/**
 * What a patient notice cannot be published without (GDPR art. 13(1)(a), (b), (f) and
 * 13(2)(a)): the controller's identity, a way to reach the DPO, the retention periods and
 * the transfer information. While any of them is empty or still a drafting placeholder,
 * the notice is refused with the list of what to fill in, rather than printed with holes.
 */
import { m } from '$lib/paraglide/messages';
import { isEeaCountry } from '$lib/domain/knowledge/countries';
import type { Locale } from '$lib/domain/knowledge/localized';
import type { AssessmentRecord } from '$lib/server/record';
import { reportContext, type ReportContext } from './report-context';

/** Drafting markers the template and users leave in fields not yet settled. */
const PLACEHOLDER =
	/à compléter|à définir|à confirmer|à décider|à fixer|to be completed|to be defined|to be confirmed|to be decided|to be set|\bTODO\b|\bXXX\b/i;

export const isPlaceholder = (text: string | undefined | null): boolean => {
	const t = (text ?? '').trim();
	return t === '' || PLACEHOLDER.test(t);
};

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_RE = /\bhttps?:\/\/[^\s;,)]+/g;
const PHONE = /(?:\+\d{2}\s?|\b0)\d(?:[\s.]?\d{2}){4}\b/g;

/**
 * The ways to reach the DPO found in the DPO actor's name and notes: e-mail, web address or
 * phone number. Only these are printed, never the notes themselves (which are internal).
 */
export function dpoContacts(ctx: ReportContext): string[] {
	const dpo = (ctx.steps.context?.actors ?? []).find((a) => a.role === 'dpo');
	if (!dpo) return [];
	const text = `${dpo.name} ${dpo.notes}`;
	return [
		...new Set([
			...(text.match(EMAIL) ?? []),
			...(text.match(URL_RE) ?? []),
			...(text.match(PHONE) ?? [])
		])
	];
}

export function noticeGapsOf(ctx: ReportContext): string[] {
	const o = ctx.o;
	const c = ctx.steps.context;
	const p = ctx.steps.principles;
	const actors = c?.actors ?? [];
	const gaps: string[] = [];
	// The adult notice names the processing by the assessment's title.
	if (PLACEHOLDER.test(ctx.record.assessment.title)) gaps.push(m.notice_gap_title({}, o));
	const controller = actors.find((a) => a.role === 'controller');
	if (!controller || isPlaceholder(controller.name)) gaps.push(m.notice_gap_controller({}, o));
	const dpo = actors.find((a) => a.role === 'dpo');
	if (!dpo || isPlaceholder(dpo.name)) gaps.push(m.notice_gap_dpo({}, o));
	else if (dpoContacts(ctx).length === 0) gaps.push(m.notice_gap_dpo_contact({}, o));
	if ((c?.purposes ?? []).length === 0) gaps.push(m.notice_gap_purposes({}, o));

	const retention = p?.retention ?? [];
	if (retention.length === 0) gaps.push(m.notice_gap_retention_none({}, o));
	const vague = retention.filter((r) => isPlaceholder(r.period)).map((r) => r.category);
	if (vague.length) gaps.push(m.notice_gap_retention({ list: vague.join(' ; ') }, o));

	const transfers = p?.transfers ?? [];
	const unsettled = transfers
		.filter(
			(t) =>
				isPlaceholder(t.recipient) ||
				t.outcome === 'to_assess' ||
				(t.mechanism === 'none' && t.outcome !== 'not_acceptable')
		)
		.map((t) => t.recipient || '—');
	if (unsettled.length) gaps.push(m.notice_gap_transfers({ list: unsettled.join(' ; ') }, o));
	const covered = new Set(transfers.map((t) => t.recipient));
	const unassessed = actors
		.filter((a) => a.country !== '' && !isEeaCountry(a.country) && !covered.has(a.name))
		.map((a) => `${a.name} (${a.country})`);
	if (unassessed.length) {
		gaps.push(m.notice_gap_transfer_unassessed({ list: unassessed.join(' ; ') }, o));
	}
	return gaps;
}

/** The fields to fill in before the notice of this record can be generated; empty when it can. */
export function noticeGaps(record: AssessmentRecord, locale: Locale): string[] {
	return noticeGapsOf(reportContext(record, locale));
}

/**
 * Words of the hospital's jargon that a patient does not know, replaced in the data-driven
 * parts of the notice (the fixed texts are written without them).
 */
const JARGON: Record<Locale, Array<[RegExp, string]>> = {
	fr: [
		[/\bIPP\b/g, 'numéro de patient de l’hôpital'],
		[/\bSIH\b/g, 'système informatique de l’hôpital'],
		[/\bHSM\b/g, 'coffre-fort de clés de chiffrement'],
		[/\bHDS\b/g, 'certifié pour héberger des données de santé'],
		[/\bAMA\b/g, 'secrétaires médicales'],
		[/\bGHT\b/g, 'groupement d’hôpitaux'],
		[/\bRSSI\b/g, 'responsable de la sécurité informatique'],
		[/\bDPO\b/g, 'délégué à la protection des données']
	],
	en: [
		[/\bIPP \(permanent patient id\)/g, 'hospital patient number'],
		[/\bIPP\b/g, 'hospital patient number'],
		[/\bHIS\b/g, 'hospital computer system'],
		[/\bHSM\b/g, 'encryption key safe'],
		[/\bHDS\b/g, 'certified to host health data'],
		[/\bDPO\b/g, 'data protection officer']
	]
};

export function plainWords(text: string, locale: Locale): string {
	return JARGON[locale].reduce((s, [re, plain]) => s.replace(re, plain), text);
}

/** Codes of the fixed vocabulary a patient would not understand; tests scan the notice for them. */
export const JARGON_PATTERN = /\b(IPP|SIH|HIS|HSM|HDS|AMA|GHT|RSSI|DPO)\b/;
