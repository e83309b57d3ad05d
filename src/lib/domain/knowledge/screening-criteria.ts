import type { Localized } from './localized';

/**
 * The nine criteria of the EDPB guidelines on DPIAs (WP248 rev.01, endorsed by the EDPB).
 * Keys are stable identifiers stored in assessments: never rename one, add a new key.
 */
export const CRITERION_KEYS = [
	'evaluation_scoring',
	'automated_decision',
	'systematic_monitoring',
	'sensitive_data',
	'large_scale',
	'matching_datasets',
	'vulnerable_subjects',
	'innovative_technology',
	'prevents_right_or_service'
] as const;

export type CriterionKey = (typeof CRITERION_KEYS)[number];

export type Criterion = {
	key: CriterionKey;
	label: Localized;
	explanation: Localized;
	/** How the criterion shows up (or typically does not) in a hospital booking rollout. */
	bookingExample: Localized;
};

export const CRITERIA: readonly Criterion[] = [
	{
		key: 'evaluation_scoring',
		label: { fr: 'Évaluation ou notation', en: 'Evaluation or scoring' },
		explanation: {
			fr: 'Le traitement évalue, note ou profile des personnes (santé, comportement, fiabilité…).',
			en: 'The processing evaluates, scores or profiles people (health, behaviour, reliability…).'
		},
		bookingExample: {
			fr: 'Rarement rempli, sauf si la plateforme calcule un indicateur de « patients qui ne viennent pas » pour limiter leurs réservations.',
			en: 'Rarely met, unless the platform computes a "no-show patient" indicator to restrict their bookings.'
		}
	},
	{
		key: 'automated_decision',
		label: {
			fr: 'Décision automatique avec effet significatif',
			en: 'Automated decision with significant effect'
		},
		explanation: {
			fr: 'Une décision produisant un effet juridique ou similaire est prise sans intervention humaine.',
			en: 'A decision with a legal or similarly significant effect is taken without human involvement.'
		},
		bookingExample: {
			fr: 'Rempli si des règles automatiques refusent un créneau à un nouveau patient selon le motif, sans relecture par le secrétariat.',
			en: 'Met if automatic rules refuse a slot to a new patient depending on the reason, with no review by the secretaries.'
		}
	},
	{
		key: 'systematic_monitoring',
		label: { fr: 'Surveillance systématique', en: 'Systematic monitoring' },
		explanation: {
			fr: 'Les personnes sont observées ou suivies de manière systématique, notamment dans un espace public.',
			en: 'People are observed or tracked systematically, notably in a publicly accessible area.'
		},
		bookingExample: {
			fr: 'En général non rempli ; à réexaminer si le parcours de navigation des patients est suivi à des fins statistiques.',
			en: 'Usually not met; reconsider if patients’ browsing journeys are tracked for statistics.'
		}
	},
	{
		key: 'sensitive_data',
		label: {
			fr: 'Données sensibles ou à caractère hautement personnel',
			en: 'Sensitive or highly personal data'
		},
		explanation: {
			fr: 'Le traitement porte sur des données de l’article 9 du RGPD (santé…) ou des données très personnelles.',
			en: 'The processing involves GDPR article 9 data (health…) or data of a highly personal nature.'
		},
		bookingExample: {
			fr: 'Rempli : un rendez-vous chez un spécialiste hospitalier révèle déjà une information de santé (art. 4.15 du RGPD).',
			en: 'Met: an appointment with a hospital specialist already reveals health information (GDPR art. 4(15)).'
		}
	},
	{
		key: 'large_scale',
		label: { fr: 'Traitement à grande échelle', en: 'Large-scale processing' },
		explanation: {
			fr: 'Le nombre de personnes, le volume de données, la durée ou l’étendue géographique sont importants.',
			en: 'The number of people, volume of data, duration or geographical extent is significant.'
		},
		bookingExample: {
			fr: 'Rempli : toute la file active des consultations externes d’un hôpital ou d’un GHT, sur plusieurs années.',
			en: 'Met: the whole outpatient population of a hospital or hospital group, over several years.'
		}
	},
	{
		key: 'matching_datasets',
		label: { fr: 'Croisement de données', en: 'Matching or combining datasets' },
		explanation: {
			fr: 'Des jeux de données issus de traitements différents sont rapprochés ou combinés.',
			en: 'Datasets from different processing operations are matched or combined.'
		},
		bookingExample: {
			fr: 'Rempli : les réservations sont rapprochées du dossier administratif du patient (IPP) et un historique de rendez-vous peut être importé.',
			en: 'Met: bookings are matched with the patient’s administrative file (IPP) and an appointment history may be imported.'
		}
	},
	{
		key: 'vulnerable_subjects',
		label: { fr: 'Personnes vulnérables', en: 'Vulnerable data subjects' },
		explanation: {
			fr: 'Les personnes concernées sont en situation de faiblesse : patients, mineurs, personnes âgées…',
			en: 'The data subjects are in a weaker position: patients, minors, elderly people…'
		},
		bookingExample: {
			fr: 'Rempli : des patients, dont des mineurs, des femmes enceintes et des personnes âgées.',
			en: 'Met: patients, including minors, pregnant women and elderly people.'
		}
	},
	{
		key: 'innovative_technology',
		label: {
			fr: 'Usage innovant ou nouvelle technologie',
			en: 'Innovative use or new technology'
		},
		explanation: {
			fr: 'Le traitement utilise une technologie ou une organisation nouvelle dont les effets sont mal connus.',
			en: 'The processing relies on a new technology or organisation whose effects are not well known.'
		},
		bookingExample: {
			fr: 'Discutable : la réservation en ligne est répandue, mais l’ajout d’un agent conversationnel ou d’un tri automatisé le serait.',
			en: 'Debatable: online booking is common, but adding a chatbot or automated triage would be innovative.'
		}
	},
	{
		key: 'prevents_right_or_service',
		label: {
			fr: 'Exclusion d’un droit ou d’un service',
			en: 'Prevents exercising a right or using a service'
		},
		explanation: {
			fr: 'Le traitement peut empêcher des personnes d’exercer un droit ou d’accéder à un service ou un contrat.',
			en: 'The processing may stop people from exercising a right or using a service or contract.'
		},
		bookingExample: {
			fr: 'Rempli si la réservation en ligne devient le seul canal : les personnes éloignées du numérique perdent l’accès aux consultations.',
			en: 'Met if online booking becomes the only channel: people without digital skills lose access to consultations.'
		}
	}
];

/**
 * The CNIL list adopted under GDPR art. 35(4) (deliberation no. 2018-327) names health-data
 * processing by health or social-care facilities for patient care. An entry on that list
 * makes the DPIA mandatory by itself, whatever the count of WP248 criteria.
 */
export const CNIL_LIST_ITEM = {
	key: 'health_facility_care',
	label: {
		fr: 'Liste CNIL : données de santé traitées par un établissement de santé pour la prise en charge des patients',
		en: 'CNIL list: health data processed by a health facility for patient care'
	},
	explanation: {
		fr: 'Ce type de traitement figure sur la liste des traitements pour lesquels la CNIL exige une AIPD ; l’analyse est alors obligatoire.',
		en: 'This kind of processing is on the list of processing for which the CNIL requires a DPIA; the assessment is then mandatory.'
	}
} as const satisfies { key: string; label: Localized; explanation: Localized };

export function isCriterionKey(value: unknown): value is CriterionKey {
	return typeof value === 'string' && (CRITERION_KEYS as readonly string[]).includes(value);
}

export function criterion(key: CriterionKey): Criterion {
	const found = CRITERIA.find((candidate) => candidate.key === key);
	if (!found) throw new Error(`Unknown criterion: ${key}`);
	return found;
}
