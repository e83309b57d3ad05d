import type { Localized } from './localized';

/** Closed vocabularies of the Principles step, with labels and one-line guidance. */

export const RIGHT_KEYS = [
	'information',
	'access',
	'rectification',
	'erasure',
	'restriction_objection',
	'portability'
] as const;

export type RightKey = (typeof RIGHT_KEYS)[number];

export const RIGHTS: Record<RightKey, { label: Localized; help: Localized }> = {
	information: {
		label: { fr: 'Information des personnes (art. 13)', en: 'Information (art. 13)' },
		help: {
			fr: 'Responsable et DPO, finalités et bases légales, destinataires, durées, droits, réclamation CNIL, caractère obligatoire des réponses.',
			en: 'Controller and DPO, purposes and legal bases, recipients, retention, rights, complaint to the CNIL, whether answers are mandatory.'
		}
	},
	access: {
		label: { fr: 'Droit d’accès (art. 15)', en: 'Right of access (art. 15)' },
		help: {
			fr: 'Pour le dossier médical : réponse sous 8 jours, ou 2 mois si les informations ont plus de 5 ans.',
			en: 'For the medical record: answer within 8 days, or 2 months when the information is over 5 years old.'
		}
	},
	rectification: {
		label: { fr: 'Rectification (art. 16)', en: 'Rectification (art. 16)' },
		help: {
			fr: 'Qui corrige une identité ou un contact erroné, et comment la correction atteint la plateforme et le dossier.',
			en: 'Who corrects a wrong identity or contact, and how the fix reaches both the platform and the patient file.'
		}
	},
	erasure: {
		label: { fr: 'Effacement (art. 17)', en: 'Erasure (art. 17)' },
		help: {
			fr: 'Suppression du compte et des rendez-vous passés, dans les limites des obligations de conservation du dossier.',
			en: 'Deleting the account and past appointments, within the limits of the medical-record retention duties.'
		}
	},
	restriction_objection: {
		label: {
			fr: 'Limitation et opposition (art. 18 et 21)',
			en: 'Restriction and objection (art. 18 and 21)'
		},
		help: {
			fr: 'Comment un patient refuse la reprise de son historique ou les rappels, et où ce refus est enregistré.',
			en: 'How a patient refuses the import of their history or the reminders, and where that refusal is recorded.'
		}
	},
	portability: {
		label: { fr: 'Portabilité (art. 20)', en: 'Portability (art. 20)' },
		help: {
			fr: 'Ne s’applique qu’aux traitements fondés sur le consentement ou le contrat ; sinon, indiquez-le.',
			en: 'Only applies to processing based on consent or contract; otherwise say so.'
		}
	}
};

export const TRANSFER_MECHANISMS = ['adequacy', 'sccs', 'bcr', 'derogation', 'none'] as const;

export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const TRANSFER_MECHANISM_LABELS: Record<TransferMechanism, Localized> = {
	adequacy: { fr: 'Décision d’adéquation (art. 45)', en: 'Adequacy decision (art. 45)' },
	sccs: {
		fr: 'Clauses contractuelles types (art. 46)',
		en: 'Standard contractual clauses (art. 46)'
	},
	bcr: {
		fr: 'Règles d’entreprise contraignantes (art. 47)',
		en: 'Binding corporate rules (art. 47)'
	},
	derogation: { fr: 'Dérogation (art. 49)', en: 'Derogation (art. 49)' },
	none: { fr: 'Aucun mécanisme', en: 'No mechanism' }
};

/** Outcome of the small transfer impact assessment; `to_assess` until the DPO concludes. */
export const TRANSFER_OUTCOMES = [
	'to_assess',
	'acceptable',
	'acceptable_with_measures',
	'not_acceptable'
] as const;

export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

export const TRANSFER_OUTCOME_LABELS: Record<TransferOutcome, Localized> = {
	to_assess: { fr: 'À évaluer', en: 'To be assessed' },
	acceptable: { fr: 'Acceptable', en: 'Acceptable' },
	acceptable_with_measures: {
		fr: 'Acceptable avec mesures complémentaires',
		en: 'Acceptable with supplementary measures'
	},
	not_acceptable: { fr: 'Non acceptable', en: 'Not acceptable' }
};
