import type { Context } from '../method/context';
import type { Principles } from '../method/principles';
import { localize, translator, type Locale } from '../knowledge/localized';
import { LEGAL_BASIS_LABELS, HEALTH_EXCEPTION_LABELS } from '../knowledge/legal-bases';
import {
	ACTOR_ROLE_LABELS,
	ASSET_TYPE_LABELS,
	DATA_SUBJECT_LABELS,
	TRI_STATE_LABELS
} from '../knowledge/context-vocabulary';
import {
	TRANSFER_MECHANISM_LABELS,
	TRANSFER_OUTCOME_LABELS
} from '../knowledge/principles-vocabulary';
import { CLAUSE_STATUS_LABELS, PROCESSOR_CLAUSES } from '../knowledge/processor-clauses';

export const joinParts = (parts: Array<string | undefined>) =>
	parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');

/**
 * The texts of questions 111–227: a field holding the imported answer comes first, then the
 * note kept for that question (`q`), then the workbench's structured content written out as
 * one readable line per row. An assessment imported from the CNIL has only one of these, so
 * the text goes back unchanged.
 */
export function questionTexts(
	c: Context | null,
	p: Principles | null,
	q: (id: number) => string,
	locale: Locale
): Map<number, string> {
	const t = translator(locale);
	const L = (x: { fr: string; en: string }) => localize(x, locale);
	const texts = new Map<number, string>();
	// Context (1.1, 1.2)
	texts.set(111, joinParts([c?.description, q(111)]));
	texts.set(
		112,
		joinParts([
			q(112),
			...(c?.actors ?? []).map((a) =>
				[
					`${a.name} — ${L(ACTOR_ROLE_LABELS[a.role])}`,
					a.country && `${t('pays', 'country')} ${a.country}`,
					`HDS ${L(TRI_STATE_LABELS[a.hdsCertified])}`,
					`ISO 27001 ${L(TRI_STATE_LABELS[a.iso27001])}`,
					a.keysHeldBy && `${t('clés', 'keys')} : ${a.keysHeldBy}`,
					a.notes
				]
					.filter(Boolean)
					.join(' ; ')
			)
		])
	);
	texts.set(113, q(113));
	texts.set(
		121,
		joinParts([
			q(121),
			...(c?.dataInventory ?? []).map((d) =>
				[
					`${d.category} : ${d.fields.join(', ')}`,
					d.source && `${t('source', 'source')} : ${d.source}`,
					d.retention && `${t('conservation', 'retention')} : ${d.retention}`,
					d.recipients && `${t('destinataires', 'recipients')} : ${d.recipients}`
				]
					.filter(Boolean)
					.join(' ; ')
			),
			c && c.dataSubjects.kinds.length
				? `${t('Personnes concernées', 'Data subjects')} : ${c.dataSubjects.kinds.map((k) => L(DATA_SUBJECT_LABELS[k])).join(', ')}`
				: '',
			c?.dataSubjects.notes
		])
	);
	texts.set(
		122,
		joinParts([
			q(122),
			...Object.entries(c?.lifecycle ?? {}).map(([stage, text]) =>
				text ? `${stage} : ${text}` : ''
			)
		])
	);
	texts.set(
		123,
		joinParts([
			q(123),
			...(c?.assets ?? []).map((a) =>
				[a.name, L(ASSET_TYPE_LABELS[a.type]), a.owner].filter(Boolean).join(' — ')
			)
		])
	);

	// Principles (2.1, 2.2)
	texts.set(211, joinParts([q(211), ...(c?.purposes ?? []).map((x) => x.text)]));
	texts.set(
		212,
		joinParts([
			q(212),
			...(c?.purposes ?? []).map((x) =>
				[
					`${x.text} — ${L(LEGAL_BASIS_LABELS[x.legalBasis])}`,
					x.healthException && L(HEALTH_EXCEPTION_LABELS[x.healthException])
				]
					.filter(Boolean)
					.join(' ; ')
			)
		])
	);
	texts.set(
		213,
		joinParts([
			q(213),
			...(p?.minimisation ?? []).map(
				(r) =>
					`${r.field} — ${r.needed ? t('nécessaire', 'needed') : t('non nécessaire', 'not needed')}${r.why ? ` : ${r.why}` : ''}`
			)
		])
	);
	texts.set(214, joinParts([p?.accuracy, q(214)]));
	texts.set(
		215,
		joinParts([
			q(215),
			...(p?.retention ?? []).map((r) =>
				[r.category, r.period, r.justification].filter(Boolean).join(' — ')
			)
		])
	);
	texts.set(221, joinParts([p?.rights.information, q(221)]));
	texts.set(222, q(222));
	texts.set(223, joinParts([p?.rights.access, p?.rights.portability, q(223)]));
	texts.set(224, joinParts([p?.rights.rectification, p?.rights.erasure, q(224)]));
	texts.set(225, joinParts([p?.rights.restriction_objection, q(225)]));
	const clauseLines = p
		? PROCESSOR_CLAUSES.filter((clause) => p.processorContract[clause.key]).map((clause) => {
				const check = p.processorContract[clause.key];
				return [L(clause.label), L(CLAUSE_STATUS_LABELS[check.status]), check.evidence]
					.filter(Boolean)
					.join(' — ');
			})
		: [];
	const contractTouched = p
		? Object.values(p.processorContract).some((x) => x.status !== 'missing' || x.evidence)
		: false;
	texts.set(226, joinParts([q(226), ...(contractTouched ? clauseLines : [])]));
	texts.set(
		227,
		joinParts([
			q(227),
			...(p?.transfers ?? []).map((x) =>
				[
					`${x.recipient} (${x.country})`,
					L(TRANSFER_MECHANISM_LABELS[x.mechanism]),
					x.supplementaryMeasures,
					x.thirdCountryLaw,
					x.conclusion,
					L(TRANSFER_OUTCOME_LABELS[x.outcome])
				]
					.filter(Boolean)
					.join(' — ')
			)
		])
	);

	return texts;
}
