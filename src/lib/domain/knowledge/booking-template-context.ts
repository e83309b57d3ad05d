import type { Context } from '../method/context';
import { bookingActors, bookingAssets } from './booking-template-actors';
import { translator, type Locale } from './localized';

/** Context step of the built-in booking template; the parties are in their own module. */
export function bookingContext(locale: Locale): Context {
	const t = translator(locale);
	return {
		description: t(
			'Mise à disposition d’un service de prise de rendez-vous en ligne pour les consultations externes de l’établissement, accessible à toute heure depuis le site de l’hôpital ou l’application de l’éditeur. Les patients, leurs proches et les médecins adresseurs peuvent réserver, annuler ou déplacer un rendez-vous ; des rappels sont envoyés par SMS et/ou e-mail. Le service est interfacé avec le système d’information hospitalier pour éviter les doubles saisies et rattacher chaque réservation au dossier administratif du patient. Il est déployé d’abord dans deux services pilotes, la gynécologie-obstétrique et la pédiatrie, dans le cadre de l’objectif national d’un service unique de rendez-vous en ligne par GHT. L’éditeur agit comme sous-traitant de l’hôpital et reste responsable des comptes patients qu’il héberge.',
			'An online booking service for the hospital’s outpatient consultations, available at any time from the hospital website or the vendor’s app. Patients, their relatives and referring doctors can book, cancel or reschedule an appointment; reminders are sent by SMS and/or e-mail. The service is interfaced with the hospital information system to avoid re-entry and to link each booking to the patient’s administrative file. It is first rolled out in two pilot services, obstetrics-gynaecology and paediatrics, within the national target of one online booking service per hospital group. The vendor acts as the hospital’s processor and is itself controller of the patient accounts it hosts.'
		),
		purposes: [
			{
				text: t(
					'Permettre aux patients et aux médecins adresseurs de réserver, annuler et déplacer des consultations en ligne.',
					'Let patients and referring doctors book, cancel and reschedule consultations online.'
				),
				legalBasis: 'public_task',
				involvesHealthData: true,
				healthException: 'h_health_care'
			},
			{
				text: t(
					'Envoyer des confirmations et des rappels de rendez-vous par SMS et/ou e-mail pour réduire les rendez-vous non honorés.',
					'Send appointment confirmations and reminders by SMS and/or e-mail to reduce missed appointments.'
				),
				legalBasis: 'public_task',
				involvesHealthData: true,
				healthException: 'h_health_care'
			},
			{
				text: t(
					'Rapprocher chaque réservation du dossier administratif du patient (identitovigilance) et alimenter les agendas du système d’information hospitalier.',
					'Match each booking with the patient’s administrative file (identity vigilance) and feed the hospital information system’s schedules.'
				),
				legalBasis: 'public_task',
				involvesHealthData: true,
				healthException: 'h_health_care'
			},
			{
				text: t(
					'Reprise de l’historique de rendez-vous demandée par l’éditeur (identitovigilance, repérage des patients déjà suivis).',
					'Import of the appointment history requested by the vendor (identity vigilance, spotting patients already followed).'
				),
				internalNote: t(
					'Base légale contestée : à trancher dans les scénarios.',
					'Legal basis disputed: to be settled in the scenarios.'
				),
				legalBasis: 'public_task',
				involvesHealthData: true,
				healthException: 'h_health_care'
			}
		],
		dataInventory: [
			{
				category: t('Identité', 'Identity'),
				fields: [
					t('IPP', 'IPP (permanent patient id)'),
					t('Nom', 'Last name'),
					t('Prénom', 'First name'),
					t('Date de naissance', 'Birth date')
				],
				source: t(
					'Patient à la réservation ; SIH pour l’IPP',
					'Patient at booking; HIS for the IPP'
				),
				sensitive: false,
				retention: t(
					'Durée du compte ; dossier : 20 ans',
					'Account lifetime; patient file: 20 years'
				),
				recipients: t(
					'Secrétariats médicaux, praticiens du service, support de l’éditeur.',
					'Medical secretaries, practitioners of the service, vendor support.'
				)
			},
			{
				category: t('Coordonnées', 'Contact details'),
				fields: [t('Téléphone mobile', 'Mobile phone'), t('Adresse e-mail', 'E-mail address')],
				source: t('Patient ou titulaire du compte famille', 'Patient or family account holder'),
				sensitive: false,
				retention: t('Durée du compte', 'Account lifetime'),
				recipients: t(
					'Secrétariats, éditeur, opérateurs d’envoi des SMS et e-mails.',
					'Secretaries, vendor, SMS and e-mail carriers.'
				)
			},
			{
				category: t('Rendez-vous', 'Appointment'),
				fields: [
					t('Praticien', 'Practitioner'),
					t('Spécialité', 'Specialty'),
					t('Date et heure', 'Date and time'),
					t('Agenda', 'Schedule'),
					t('Motif', 'Reason')
				],
				source: t(
					'Patient, médecin adresseur ou secrétariat',
					'Patient, referring doctor or secretary'
				),
				sensitive: true,
				retention: t('Le temps nécessaire à la prise en charge', 'As long as needed for the care'),
				recipients: t(
					'Praticiens et secrétariats du service, éditeur ; le contenu des rappels atteint le téléphone ou la messagerie du destinataire.',
					'Practitioners and secretaries of the service, vendor; reminder content reaches the recipient’s phone or mailbox.'
				)
			},
			{
				category: t('Compte patient', 'Patient account'),
				fields: [
					t('Identifiant de connexion', 'Login'),
					t('Mot de passe (empreinte)', 'Password (hash)'),
					t('Membres du compte famille', 'Family account members')
				],
				source: t('Patient', 'Patient'),
				sensitive: false,
				retention: t('Supprimé après 3 ans d’inactivité', 'Deleted after 3 years of inactivity'),
				recipients: t('Éditeur (responsable des comptes).', 'Vendor (controller of the accounts).')
			},
			{
				category: t('Documents transmis', 'Shared documents'),
				fields: [
					t('Comptes rendus', 'Reports'),
					t('Ordonnances', 'Prescriptions'),
					t('Imagerie', 'Imaging')
				],
				source: t('Praticiens et patients', 'Practitioners and patients'),
				sensitive: true,
				retention: t('À définir', 'To be defined'),
				recipients: t('Patient et praticiens concernés.', 'Patient and the practitioners involved.')
			},
			{
				category: t('Historique demandé par l’éditeur', 'History requested by the vendor'),
				fields: [
					t('IPP', 'IPP'),
					t('Nom', 'Last name'),
					t('Prénom', 'First name'),
					t('Date de naissance', 'Birth date'),
					t('Mobile', 'Mobile'),
					t('E-mail', 'E-mail'),
					t('Agenda', 'Schedule'),
					t('Motif', 'Reason')
				],
				source: t(
					'Export du SIH : 2 ans de rendez-vous par spécialité',
					'HIS export: 2 years of appointments per specialty'
				),
				sensitive: true,
				retention: t(
					'À décider (aucune reprise tant que non décidé)',
					'To be decided (no import until decided)'
				),
				recipients: t('Éditeur.', 'Vendor.')
			},
			{
				category: t('Journaux d’accès', 'Access logs'),
				fields: [
					t('Utilisateur', 'User'),
					t('Date et heure', 'Date and time'),
					t('Action', 'Action')
				],
				source: t('Plateforme et SIH', 'Platform and HIS'),
				sensitive: false,
				retention: t('6 mois', '6 months'),
				recipients: t(
					'RSSI, DPO, administrateurs habilités.',
					'Security officer, DPO, authorised administrators.'
				)
			}
		],
		dataSubjects: {
			kinds: ['patients', 'minors', 'vulnerable_people', 'family_account_holders', 'practitioners'],
			notes: t(
				'Les services pilotes reçoivent beaucoup de femmes enceintes et d’enfants ; les comptes famille sont souvent ouverts par un parent. Une partie des patients, souvent âgés, n’utilise pas le numérique.',
				'The pilot services see many pregnant women and children; family accounts are often opened by a parent. Some patients, often elderly, do not use digital tools.'
			)
		},
		actors: bookingActors(locale),
		lifecycle: {
			collection: t(
				'Le patient, un proche via le compte famille, un médecin adresseur ou le secrétariat saisit l’identité, les coordonnées et le rendez-vous.',
				'The patient, a relative through the family account, a referring doctor or the secretary enters identity, contact details and the appointment.'
			),
			import: t(
				'Synchronisation des agendas et de l’identité avec le SIH ; reprise d’historique demandée par l’éditeur, en attente de décision.',
				'Schedules and identity synchronised with the HIS; history import requested by the vendor, pending a decision.'
			),
			storage: t(
				'Chez l’hébergeur de l’éditeur, certifié HDS, données chiffrées au repos avec des clés détenues par un prestataire HSM distinct.',
				'At the vendor’s HDS-certified host, data encrypted at rest with keys held by a separate HSM provider.'
			),
			reminders: t(
				'SMS et/ou e-mail 24 à 48 h avant le rendez-vous, envoyés au numéro et à l’adresse du compte, qui peut être celui d’un proche.',
				'SMS and/or e-mail 24 to 48 h before the appointment, sent to the account’s number and address, which may belong to a relative.'
			),
			deletion: t(
				'Comptes inactifs supprimés par l’éditeur après 3 ans ; données de rendez-vous à purger une fois inutiles ; restitution puis effacement en fin de contrat.',
				'Inactive accounts deleted by the vendor after 3 years; appointment data to be purged once no longer needed; return then erasure at the end of the contract.'
			)
		},
		assets: bookingAssets(locale)
	};
}
