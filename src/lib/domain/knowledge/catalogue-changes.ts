/**
 * The change log of the risk and benefit catalogue, which ships with the application: a
 * release that adds an entry or revises what an entry says (its description, its
 * suggested scores and why, its measures) records it here. A review version lists the
 * changes dated from the decision on, for the entries the decided version used and for
 * entries it could not have used (GDPR art. 35(11): the review asks whether the risk
 * changed, and a revised reading of a risk is such a change for the reviewer to weigh).
 * The entries before a version's decision are history only. Pure.
 */
import { getBenefit, isBenefitKey } from './risks/benefit-catalogue';
import { getRisk, isRiskKey } from './risks/risk-catalogue';
import { localize, type Locale, type Localized } from './localized';
import type { BenefitKey, RiskKey } from './risks/types';
import type { ContentChange } from '../review';

export interface CatalogueChange {
	/** The day the release changed the entry (YYYY-MM-DD). */
	date: string;
	key: RiskKey | BenefitKey;
	kind: 'added' | 'revised';
	note: Localized;
}

/** Newest last. Every entry of the first catalogue was added on 2026-11-23. */
export const CATALOGUE_CHANGES: readonly CatalogueChange[] = [
	{
		date: '2026-12-04',
		key: 'us_hosting_cloud_act',
		kind: 'revised',
		note: {
			fr: 'Le chiffrement avec des clés détenues hors de l’hébergeur ne réduit plus la vraisemblance : la plateforme lit les données en clair (CEPD, recommandations 01/2020, cas d’usage 6) ; le cadre UE–États-Unis (décision (UE) 2023/1795) vise le renseignement, pas les injonctions du CLOUD Act.',
			en: 'Encryption with keys held outside the host no longer lowers the likelihood: the platform reads the data in clear (EDPB Recommendations 01/2020, use case 6); the EU–US framework (decision (EU) 2023/1795) governs intelligence, not CLOUD Act orders.'
		}
	},
	{
		date: '2026-12-04',
		key: 'illegitimate_access',
		kind: 'revised',
		note: {
			fr: 'Exemple d’un cas passé corrigé dans la description.',
			en: 'Example of a past case corrected in the description.'
		}
	},
	{
		date: '2026-12-04',
		key: 'excessive_staff_access',
		kind: 'revised',
		note: {
			fr: 'Exemples de cas passés corrigés et sourcés dans la description.',
			en: 'Examples of past cases corrected and sourced in the description.'
		}
	},
	{
		date: '2026-12-04',
		key: 'management_visibility',
		kind: 'revised',
		note: {
			fr: 'Calcul de l’exemple corrigé (créneaux de 45 minutes sur 6 heures : 8 patients au plus).',
			en: 'Arithmetic of the example corrected (45-minute slots over 6 hours: at most 8 patients).'
		}
	}
];

function titleOf(key: string): Localized | null {
	if (isRiskKey(key)) return getRisk(key).title;
	if (isBenefitKey(key)) return getBenefit(key).title;
	return null;
}

/**
 * The catalogue changes a review lists: entries revised on or after the day of the decision
 * among those the decided version used (a same-day release may have come after it), and
 * entries added since, which the decided version could not have considered.
 */
export function catalogueChangesSince(
	log: readonly CatalogueChange[],
	decidedOn: string,
	used: ReadonlySet<string>,
	locale: Locale
): ContentChange[] {
	const changes: ContentChange[] = [];
	for (const c of log) {
		const title = titleOf(c.key);
		if (!title || c.date < decidedOn) continue;
		if (c.kind === 'revised' && !used.has(c.key)) continue;
		changes.push({
			kind: c.kind === 'added' ? 'catalogue_added' : 'catalogue_revised',
			title: localize(title, locale),
			date: c.date,
			note: localize(c.note, locale)
		});
	}
	return changes;
}
