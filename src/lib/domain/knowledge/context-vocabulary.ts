import type { Localized } from './localized';

/**
 * Closed vocabularies of the Context step, with their labels. Keys are stored in the
 * assessments, so they are stable identifiers; labels may be reworded freely.
 */

export const DATA_SUBJECT_KINDS = [
	'patients',
	'minors',
	'vulnerable_people',
	'family_account_holders',
	'practitioners'
] as const;

export type DataSubjectKind = (typeof DATA_SUBJECT_KINDS)[number];

export const DATA_SUBJECT_LABELS: Record<DataSubjectKind, Localized> = {
	patients: { fr: 'Patients', en: 'Patients' },
	minors: { fr: 'Patients mineurs', en: 'Minor patients' },
	vulnerable_people: {
		fr: 'Personnes vulnérables (âgées, enceintes, protégées…)',
		en: 'Vulnerable people (elderly, pregnant, under guardianship…)'
	},
	family_account_holders: {
		fr: 'Proches titulaires d’un compte famille',
		en: 'Relatives holding a family account'
	},
	practitioners: {
		fr: 'Praticiens (hospitaliers et adresseurs)',
		en: 'Practitioners (hospital and referring)'
	}
};

/**
 * `separate_controller`: a party that decides its own purposes for part of the data (the
 * booking vendor for the patient accounts it hosts); `joint_controller`: purposes decided
 * together (GDPR art. 26). Both must appear in the notice and the record, not as processors.
 */
export const ACTOR_ROLES = [
	'controller',
	'dpo',
	'processor',
	'sub_processor',
	'separate_controller',
	'joint_controller'
] as const;

export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_LABELS: Record<ActorRole, Localized> = {
	controller: { fr: 'Responsable de traitement', en: 'Controller' },
	dpo: { fr: 'Délégué à la protection des données', en: 'Data protection officer' },
	processor: { fr: 'Sous-traitant (art. 28)', en: 'Processor (art. 28)' },
	sub_processor: { fr: 'Sous-traitant ultérieur', en: 'Sub-processor' },
	separate_controller: {
		fr: 'Responsable de traitement distinct (pour ses propres finalités)',
		en: 'Separate controller (for its own purposes)'
	},
	joint_controller: {
		fr: 'Responsable conjoint (art. 26)',
		en: 'Joint controller (art. 26)'
	}
};

/** Certifications are often claimed but unproven: "unknown" keeps that visible. */
export const TRI_STATES = ['yes', 'no', 'unknown'] as const;

export type TriState = (typeof TRI_STATES)[number];

export const TRI_STATE_LABELS: Record<TriState, Localized> = {
	yes: { fr: 'Oui', en: 'Yes' },
	no: { fr: 'Non', en: 'No' },
	unknown: { fr: 'Inconnu / à vérifier', en: 'Unknown / to check' }
};

export const LIFECYCLE_STAGES = [
	'collection',
	'import',
	'storage',
	'reminders',
	'deletion'
] as const;

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, { label: Localized; help: Localized }> =
	{
		collection: {
			label: { fr: 'Collecte', en: 'Collection' },
			help: {
				fr: 'Qui saisit quoi, par quel canal (site, application, secrétariat, médecin adresseur).',
				en: 'Who enters what, through which channel (website, app, secretaries, referring doctor).'
			}
		},
		import: {
			label: { fr: 'Reprise et interfaçage', en: 'Import and interfacing' },
			help: {
				fr: 'Données reprises du système d’information hospitalier ou synchronisées avec lui.',
				en: 'Data imported from, or synchronised with, the hospital information system.'
			}
		},
		storage: {
			label: { fr: 'Stockage', en: 'Storage' },
			help: {
				fr: 'Où et comment les données sont hébergées, chiffrées et sauvegardées.',
				en: 'Where and how the data are hosted, encrypted and backed up.'
			}
		},
		reminders: {
			label: { fr: 'Rappels', en: 'Reminders' },
			help: {
				fr: 'Contenu et canal des rappels (SMS, e-mail), intermédiaires techniques traversés.',
				en: 'Content and channel of reminders (SMS, e-mail), technical intermediaries involved.'
			}
		},
		deletion: {
			label: { fr: 'Suppression', en: 'Deletion' },
			help: {
				fr: 'Quand et comment les données sont effacées ou restituées, y compris en fin de contrat.',
				en: 'When and how data are erased or returned, including at the end of the contract.'
			}
		}
	};

/** Asset families of the CNIL PIA method (hardware, software, networks, people, paper). */
export const ASSET_TYPES = [
	'hardware',
	'software',
	'network',
	'people',
	'paper',
	'service'
] as const;

export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_TYPE_LABELS: Record<AssetType, Localized> = {
	hardware: { fr: 'Matériel', en: 'Hardware' },
	software: { fr: 'Logiciel', en: 'Software' },
	network: { fr: 'Réseau et flux', en: 'Network and data flows' },
	people: { fr: 'Personnes', en: 'People' },
	paper: { fr: 'Support papier', en: 'Paper' },
	service: { fr: 'Service en ligne (cloud)', en: 'Online (cloud) service' }
};
