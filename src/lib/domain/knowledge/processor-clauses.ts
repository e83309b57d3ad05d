import type { Localized } from './localized';

/**
 * What the processor contract must contain. The first seven items are the obligations of
 * GDPR art. 28(3) that the CNIL/CNOM guidance asks physicians to check before signing; the
 * last three are the other commitments a hospital needs from a booking vendor.
 */
export const PROCESSOR_CLAUSE_KEYS = [
	'documented_instructions',
	'staff_confidentiality',
	'security_measures',
	'sub_processor_authorisation',
	'data_subject_requests',
	'deletion_or_return',
	'audits',
	'breach_notification',
	'certified_health_host',
	'processor_record'
] as const;

export type ProcessorClauseKey = (typeof PROCESSOR_CLAUSE_KEYS)[number];

export type ProcessorClause = {
	key: ProcessorClauseKey;
	/** Where the obligation comes from, for the evidence column of exports. */
	reference: string;
	label: Localized;
	help: Localized;
};

export const PROCESSOR_CLAUSES: readonly ProcessorClause[] = [
	{
		key: 'documented_instructions',
		reference: 'RGPD/GDPR 28(3)(a)',
		label: {
			fr: 'Traitement sur instruction documentée',
			en: 'Processing on documented instructions'
		},
		help: {
			fr: 'Le prestataire n’utilise les données que pour ce que l’hôpital lui demande par écrit, jamais pour ses propres fins.',
			en: 'The vendor uses the data only for what the hospital asks in writing, never for its own ends.'
		}
	},
	{
		key: 'staff_confidentiality',
		reference: 'RGPD/GDPR 28(3)(b)',
		label: { fr: 'Confidentialité du personnel', en: 'Staff confidentiality' },
		help: {
			fr: 'Les personnes qui accèdent aux données chez le prestataire sont tenues au secret par contrat ou par la loi.',
			en: 'The vendor’s staff with access to the data are bound to secrecy by contract or by law.'
		}
	},
	{
		key: 'security_measures',
		reference: 'RGPD/GDPR 28(3)(c), 32',
		label: { fr: 'Mesures de sécurité (art. 32)', en: 'Security measures (art. 32)' },
		help: {
			fr: 'Le contrat décrit ou annexe les mesures techniques et organisationnelles : chiffrement, habilitations, journalisation, sauvegardes.',
			en: 'The contract describes or appends the technical and organisational measures: encryption, access rights, logging, backups.'
		}
	},
	{
		key: 'sub_processor_authorisation',
		reference: 'RGPD/GDPR 28(2), 28(3)(d), 28(4)',
		label: {
			fr: 'Sous-traitants ultérieurs autorisés par écrit',
			en: 'Sub-processors authorised in writing'
		},
		help: {
			fr: 'Aucun hébergeur, opérateur SMS ou autre sous-traitant ultérieur sans autorisation écrite préalable ; la liste est annexée.',
			en: 'No host, SMS carrier or other sub-processor without prior written authorisation; the list is appended.'
		}
	},
	{
		key: 'data_subject_requests',
		reference: 'RGPD/GDPR 28(3)(e)',
		label: {
			fr: 'Aide aux demandes des personnes',
			en: 'Help with data subjects’ requests'
		},
		help: {
			fr: 'Le prestataire aide l’hôpital à répondre aux demandes d’accès, de rectification, d’effacement ou d’opposition des patients.',
			en: 'The vendor helps the hospital answer patients’ access, rectification, erasure or objection requests.'
		}
	},
	{
		key: 'deletion_or_return',
		reference: 'RGPD/GDPR 28(3)(g)',
		label: {
			fr: 'Suppression ou restitution en fin de contrat',
			en: 'Deletion or return at the end of the contract'
		},
		help: {
			fr: 'En fin de prestation, toutes les données sont rendues dans un format exploitable puis effacées, copies comprises.',
			en: 'When the service ends, all data are returned in a usable format and then erased, copies included.'
		}
	},
	{
		key: 'audits',
		reference: 'RGPD/GDPR 28(3)(h)',
		label: { fr: 'Audits et inspections', en: 'Audits and inspections' },
		help: {
			fr: 'Le prestataire fournit les informations utiles et accepte les audits menés par l’hôpital ou un auditeur mandaté.',
			en: 'The vendor provides the information needed and accepts audits by the hospital or an appointed auditor.'
		}
	},
	{
		key: 'breach_notification',
		reference: 'RGPD/GDPR 33(2)',
		label: {
			fr: 'Notification des violations sans délai',
			en: 'Breach notification without undue delay'
		},
		help: {
			fr: 'Toute violation de données est signalée à l’hôpital assez tôt pour qu’il prévienne la CNIL dans les 72 heures et l’ARS.',
			en: 'Any breach is reported to the hospital early enough for it to notify the CNIL within 72 hours and the regional health agency.'
		}
	},
	{
		key: 'certified_health_host',
		reference: 'CSP L.1111-8',
		label: { fr: 'Hébergeur certifié HDS', en: 'Certified health-data host (HDS)' },
		help: {
			fr: 'Les données de santé sont hébergées chez un hébergeur certifié HDS ; le certificat et son périmètre sont joints.',
			en: 'Health data are hosted by an HDS-certified host; the certificate and its scope are attached.'
		}
	},
	{
		key: 'processor_record',
		reference: 'RGPD/GDPR 30(2)',
		label: {
			fr: 'Registre du sous-traitant',
			en: 'Processor’s record of processing'
		},
		help: {
			fr: 'Le prestataire tient un registre des traitements qu’il réalise pour le compte de l’hôpital et peut le produire.',
			en: 'The vendor keeps a record of the processing it carries out for the hospital and can produce it.'
		}
	}
];

export const CLAUSE_STATUSES = ['present', 'partial', 'missing', 'not_applicable'] as const;

export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

export const CLAUSE_STATUS_LABELS: Record<ClauseStatus, Localized> = {
	present: { fr: 'Présente', en: 'Present' },
	partial: { fr: 'Partielle', en: 'Partial' },
	missing: { fr: 'Absente', en: 'Missing' },
	not_applicable: { fr: 'Sans objet', en: 'Not applicable' }
};
