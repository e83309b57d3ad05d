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

/**
 * The national law a public hospital's booking service rests on. A public-task basis needs a
 * law that lays the task down (GDPR art. 6(3)); health data processed for care need the
 * secrecy condition of art. 9(3); carriers and vendor support see data covered by medical
 * secrecy; some minors' care is confidential even from their parents.
 */
export type NationalLawGround = {
	key: string;
	articles: string;
	applies: Localized;
	text: Localized;
};

export const NATIONAL_LAW_GROUNDS: readonly NationalLawGround[] = [
	{
		key: 'public_task',
		articles: 'CSP L.6111-1, L.6112-1',
		applies: {
			fr: 'Mission d’intérêt public (RGPD art. 6.1.e et 6.3)',
			en: 'Public task (GDPR art. 6(1)(e) and 6(3))'
		},
		text: {
			fr: 'Les missions des établissements de santé (diagnostic, soins, consultations) et du service public hospitalier sont fixées par le code de la santé publique : c’est le droit national qui fonde la mission d’intérêt public.',
			en: 'The tasks of health establishments (diagnosis, care, consultations) and of the public hospital service are laid down by the public health code: that national law grounds the public task.'
		}
	},
	{
		key: 'health_secrecy',
		articles: 'RGPD art. 9.3 ; CSP L.1110-4',
		applies: {
			fr: 'Exception 9.2.h (prise en charge sanitaire)',
			en: 'Exception 9(2)(h) (health care)'
		},
		text: {
			fr: 'Les données de santé traitées pour les soins ne peuvent l’être que par des professionnels soumis au secret, ou sous leur responsabilité : le secret médical couvre les rendez-vous.',
			en: 'Health data processed for care may only be processed by, or under the responsibility of, professionals bound by secrecy: medical secrecy covers appointments.'
		}
	},
	{
		key: 'carriers_support',
		articles: 'CSP L.1110-4',
		applies: {
			fr: 'Opérateurs SMS et e-mail, support de l’éditeur',
			en: 'SMS and e-mail carriers, vendor support'
		},
		text: {
			fr: 'Ces intervenants ne font pas partie de l’équipe de soins : ce qu’ils voient doit être réduit au strict nécessaire (rappels neutres, accès du support tracé et limité) et le contrat doit les tenir au secret.',
			en: 'These parties are not part of the care team: what they see must be cut to the strict minimum (neutral reminders, support access logged and limited) and the contract must bind them to secrecy.'
		}
	},
	{
		key: 'minors_confidential',
		articles: 'CSP L.1111-5, L.5134-1, L.2212-7',
		applies: {
			fr: 'Patients mineurs',
			en: 'Minor patients'
		},
		text: {
			fr: 'Un mineur peut demander que ses parents ne soient pas informés de certains soins ; la contraception et l’interruption de grossesse d’une mineure sont confidentielles : ni rappel ni trace sur le compte famille pour ces rendez-vous.',
			en: 'A minor may ask that the parents are not told of some care; a minor’s contraception and abortion are confidential: no reminder and no trace on the family account for these appointments.'
		}
	}
];
