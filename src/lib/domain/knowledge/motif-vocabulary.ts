import type { Localized } from './localized';

/** Closed vocabularies of the consultation-reasons (motifs) table, with labels. */

export const PRACTITIONER_TYPES = ['doctor', 'midwife', 'nurse', 'other'] as const;
export type PractitionerType = (typeof PRACTITIONER_TYPES)[number];

export const PRACTITIONER_LABELS: Record<PractitionerType, Localized> = {
	doctor: { fr: 'Médecin', en: 'Doctor' },
	midwife: { fr: 'Sage-femme', en: 'Midwife' },
	nurse: { fr: 'Infirmier·e', en: 'Nurse' },
	other: { fr: 'Autre', en: 'Other' }
};

export const VISIT_KINDS = ['first', 'follow_up', 'both'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const VISIT_KIND_LABELS: Record<VisitKind, Localized> = {
	first: { fr: 'Première consultation', en: 'First visit' },
	follow_up: { fr: 'Suivi', en: 'Follow-up' },
	both: { fr: 'Première consultation et suivi', en: 'First visit and follow-up' }
};

export const MOTIF_DECISIONS = ['online', 'kept'] as const;
export type MotifDecision = (typeof MOTIF_DECISIONS)[number];

export const MOTIF_DECISION_LABELS: Record<MotifDecision, Localized> = {
	online: { fr: 'Ouvert en ligne', en: 'Bookable online' },
	kept: { fr: 'Gardé au secrétariat', en: 'Kept with the secretaries' }
};

export const SENSITIVITY_FLAGS = [
	'abortion',
	'oncology',
	'psychiatry',
	'child_protection',
	'minors',
	'needs_triage'
] as const;
export type SensitivityFlag = (typeof SENSITIVITY_FLAGS)[number];

export type SensitivityFlagInfo = {
	label: Localized;
	/** Shown when the flag is set on a motif that is opened online: names the concrete risk. */
	warning: Localized;
};

/**
 * The flags follow the reasons most hospitals keep off booking platforms. `minors` is meant
 * for visits a minor may legally keep from their parents (not for every paediatric visit):
 * the danger is the family account run by a parent.
 */
export const SENSITIVITY_FLAG_INFO: Record<SensitivityFlag, SensitivityFlagInfo> = {
	abortion: {
		label: { fr: 'IVG', en: 'Abortion' },
		warning: {
			fr: 'IVG en ligne : une mineure qui réserve depuis le compte famille peut voir le SMS de rappel arriver sur le téléphone du parent titulaire du compte, alors que la loi lui permet de garder le secret (CSP L.2212-7).',
			en: 'Abortion online: a minor booking from the family account may have the reminder SMS sent to the parent who holds the account, although the law lets her keep it confidential (CSP L.2212-7).'
		}
	},
	oncology: {
		label: { fr: 'Cancérologie', en: 'Oncology' },
		warning: {
			fr: 'Cancérologie en ligne : un rappel peut parvenir au patient avant l’annonce de son diagnostic, ou être lu par un proche.',
			en: 'Oncology online: a reminder may reach the patient before the diagnosis has been announced, or be read by a relative.'
		}
	},
	psychiatry: {
		label: { fr: 'Psychiatrie', en: 'Psychiatry' },
		warning: {
			fr: 'Psychiatrie en ligne : le nom du service dans un rappel ou l’historique du compte révèle un suivi très stigmatisant à quiconque les lit.',
			en: 'Psychiatry online: the service name in a reminder or in the account history reveals a highly stigmatising follow-up to whoever reads it.'
		}
	},
	child_protection: {
		label: { fr: 'Protection de l’enfance', en: 'Child protection' },
		warning: {
			fr: 'Suivi après information préoccupante en ligne : l’échange avec le secrétariat, qui convainc les parents de venir, disparaît, et les rappels vont aux parents concernés par le signalement.',
			en: 'Child-protection follow-up online: the secretary’s call that persuades the parents to come is lost, and reminders go to the parents the report is about.'
		}
	},
	minors: {
		label: { fr: 'Mineur (confidentialité)', en: 'Minor (confidentiality)' },
		warning: {
			fr: 'Mineur en ligne : le titulaire du compte famille reçoit les confirmations et rappels et voit l’historique, même pour une consultation que le mineur peut garder confidentielle.',
			en: 'Minor online: the family account holder receives confirmations and reminders and sees the history, even for a visit the minor may keep confidential.'
		}
	},
	needs_triage: {
		label: { fr: 'Tri préalable nécessaire', en: 'Needs triage' },
		warning: {
			fr: 'Motif à trier en ligne : sans les questions du secrétariat, le rendez-vous risque d’être mal positionné, et le patient risque de décrire son état de santé au prestataire en texte libre.',
			en: 'Triage motif online: without the secretary’s questions the appointment may be misplaced, and the patient may describe their condition to the vendor in free text.'
		}
	}
};
