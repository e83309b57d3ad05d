import type { Localized } from './localized';

/** Lawful bases of GDPR art. 6(1), points a to f, in the order of the article. */
export const LEGAL_BASES = [
	'consent',
	'contract',
	'legal_obligation',
	'vital_interests',
	'public_task',
	'legitimate_interests'
] as const;

export type LegalBasis = (typeof LEGAL_BASES)[number];

export const LEGAL_BASIS_LABELS: Record<LegalBasis, Localized> = {
	consent: { fr: 'Consentement (art. 6.1.a)', en: 'Consent (art. 6(1)(a))' },
	contract: {
		fr: 'Exécution d’un contrat (art. 6.1.b)',
		en: 'Performance of a contract (art. 6(1)(b))'
	},
	legal_obligation: {
		fr: 'Obligation légale (art. 6.1.c)',
		en: 'Legal obligation (art. 6(1)(c))'
	},
	vital_interests: {
		fr: 'Sauvegarde des intérêts vitaux (art. 6.1.d)',
		en: 'Vital interests (art. 6(1)(d))'
	},
	public_task: {
		fr: 'Mission d’intérêt public (art. 6.1.e)',
		en: 'Task carried out in the public interest (art. 6(1)(e))'
	},
	legitimate_interests: {
		fr: 'Intérêts légitimes (art. 6.1.f)',
		en: 'Legitimate interests (art. 6(1)(f))'
	}
};

/**
 * Exceptions of GDPR art. 9(2) that lift the ban on processing health data. The letter is
 * part of the key so that a key read in an export maps back to the article without a table.
 */
export const HEALTH_EXCEPTIONS = [
	'a_explicit_consent',
	'b_employment_social_protection',
	'c_vital_interests',
	'd_not_for_profit_body',
	'e_made_public',
	'f_legal_claims',
	'g_substantial_public_interest',
	'h_health_care',
	'i_public_health',
	'j_archiving_research'
] as const;

export type HealthException = (typeof HEALTH_EXCEPTIONS)[number];

export const HEALTH_EXCEPTION_LABELS: Record<HealthException, Localized> = {
	a_explicit_consent: {
		fr: 'a) Consentement explicite',
		en: 'a) Explicit consent'
	},
	b_employment_social_protection: {
		fr: 'b) Droit du travail et de la protection sociale',
		en: 'b) Employment and social protection law'
	},
	c_vital_interests: {
		fr: 'c) Intérêts vitaux d’une personne hors d’état de consentir',
		en: 'c) Vital interests of a person unable to consent'
	},
	d_not_for_profit_body: {
		fr: 'd) Fondation, association ou organisme à but non lucratif',
		en: 'd) Foundation, association or not-for-profit body'
	},
	e_made_public: {
		fr: 'e) Données rendues publiques par la personne',
		en: 'e) Data manifestly made public by the data subject'
	},
	f_legal_claims: {
		fr: 'f) Constatation, exercice ou défense d’un droit en justice',
		en: 'f) Establishment, exercise or defence of legal claims'
	},
	g_substantial_public_interest: {
		fr: 'g) Motif d’intérêt public important',
		en: 'g) Substantial public interest'
	},
	h_health_care: {
		fr: 'h) Médecine préventive, diagnostics, prise en charge sanitaire, gestion des services de santé',
		en: 'h) Preventive medicine, diagnosis, health care, management of health services'
	},
	i_public_health: {
		fr: 'i) Intérêt public dans le domaine de la santé publique',
		en: 'i) Public interest in the area of public health'
	},
	j_archiving_research: {
		fr: 'j) Archives, recherche scientifique ou historique, statistiques',
		en: 'j) Archiving, scientific or historical research, statistics'
	}
};
