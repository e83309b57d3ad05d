/**
 * Arbitration options on what the platform tells patients and which appointments it takes:
 * reminder channel, reminder wording, sensitive consultation reasons. The brief lists
 * "neutral wording" among the reminder choices; it is a separate group here because it
 * combines with any channel (an SMS can be neutral or not).
 */
import { onBenefit, onRisk } from './option-rules';
import type { OptionGroup } from './types';

const CHANNEL = 'reminder_channel';
const WORDING = 'reminder_wording';
const REASONS = 'sensitive_reasons';

export const REMINDER_CHANNEL_GROUP: OptionGroup = {
	key: CHANNEL,
	title: { fr: 'Canal des rappels', en: 'Reminder channel' },
	question: {
		fr: 'Par quel canal les rappels de rendez-vous sont-ils envoyés ?',
		en: 'Through which channel are appointment reminders sent?'
	},
	choices: [
		{
			key: 'sms',
			label: { fr: 'SMS uniquement', en: 'Text message only' },
			description: {
				fr: 'Position de la plupart des responsables sécurité : pas de courriel en clair.',
				en: 'The position of most security officers: no plain e-mail.'
			},
			rules: [
				onRisk(
					`${CHANNEL}.sms`,
					'reminder_confidentiality',
					'likelihood',
					-1,
					'Les courriels non chiffrés et les messageries non certifiées sortent du circuit.',
					'Unencrypted e-mail and uncertified mail providers leave the loop.'
				)
			]
		},
		{
			key: 'email',
			label: { fr: 'Courriel uniquement', en: 'E-mail only' },
			description: {
				fr: 'Rappels envoyés par courriel seulement.',
				en: 'Reminders sent by e-mail only.'
			},
			rules: [
				onRisk(
					`${CHANNEL}.email`,
					'reminder_confidentiality',
					'likelihood',
					0,
					'Aucun gain : le canal conservé est celui que les responsables sécurité jugent le plus exposé.',
					'No gain: the channel kept is the one security officers see as most exposed.'
				),
				onBenefit(
					`${CHANNEL}.email`,
					'fewer_no_shows',
					-1,
					'Un courriel est lu plus tard qu’un SMS, le rappel agit moins.',
					'An e-mail is read later than a text, so the reminder works less well.'
				)
			]
		},
		{
			key: 'both',
			label: { fr: 'SMS et courriel', en: 'Text and e-mail' },
			description: {
				fr: 'Offre par défaut du prestataire.',
				en: 'The vendor’s default offer.'
			},
			reference: true,
			rules: []
		},
		{
			key: 'none',
			label: { fr: 'Aucun rappel', en: 'No reminders' },
			description: {
				fr: 'Seule la confirmation à la réservation subsiste.',
				en: 'Only the confirmation at booking remains.'
			},
			rules: [
				onRisk(
					`${CHANNEL}.none`,
					'reminder_confidentiality',
					'likelihood',
					-2,
					'Plus de rappel : il ne reste que le message de confirmation.',
					'No more reminders: only the confirmation message is left.'
				),
				onBenefit(
					`${CHANNEL}.none`,
					'fewer_no_shows',
					-2,
					'Le principal levier contre les oublis disparaît.',
					'The main lever against forgotten appointments is gone.'
				)
			]
		},
		{
			key: 'patient_choice',
			label: { fr: 'Au choix du patient', en: 'Patient’s choice' },
			description: {
				fr: 'Le patient choisit SMS, courriel ou aucun rappel ; position de ceux qui refusent de décider à sa place.',
				en: 'The patient picks text, e-mail or no reminder; the position of those who refuse to decide for them.'
			},
			rules: [
				onRisk(
					`${CHANNEL}.patient_choice`,
					'reminder_confidentiality',
					'likelihood',
					-1,
					'Qui connaît sa situation peut refuser les rappels ; le titulaire d’un compte familial reste toutefois celui qui choisit.',
					'People aware of their situation can decline reminders; on a family account, though, the holder still decides.'
				)
			]
		}
	]
};

export const REMINDER_WORDING_GROUP: OptionGroup = {
	key: WORDING,
	title: { fr: 'Contenu des rappels', en: 'Reminder wording' },
	question: {
		fr: 'Que dit le rappel du rendez-vous ?',
		en: 'What does the reminder say about the appointment?'
	},
	choices: [
		{
			key: 'detailed',
			label: { fr: 'Détaillé', en: 'Detailed' },
			description: {
				fr: 'Service, praticien, date et lieu.',
				en: 'Department, practitioner, date and place.'
			},
			reference: true,
			rules: []
		},
		{
			key: 'neutral',
			label: { fr: 'Libellé neutre', en: 'Neutral wording' },
			description: {
				fr: 'Date, heure et site seulement, sans service ni praticien.',
				en: 'Date, time and site only, no department or practitioner.'
			},
			rules: [
				onRisk(
					`${WORDING}.neutral`,
					'reminder_confidentiality',
					'severity',
					-1,
					'Un rappel lu par un tiers ne révèle plus la spécialité consultée.',
					'A reminder read by someone else no longer reveals the specialty.'
				)
			]
		}
	]
};

export const SENSITIVE_REASONS_GROUP: OptionGroup = {
	key: REASONS,
	title: { fr: 'Motifs sensibles', en: 'Sensitive reasons' },
	question: {
		fr: 'IVG, cancérologie, protection de l’enfance, psychiatrie, premières consultations complexes : en ligne ou au secrétariat ?',
		en: 'Abortion, oncology, child protection, psychiatry, complex first visits: online or with the secretaries?'
	},
	choices: [
		{
			key: 'online',
			label: { fr: 'Réservables en ligne', en: 'Bookable online' },
			description: {
				fr: 'Tous les motifs sont ouverts sur la plateforme.',
				en: 'All reasons are open on the platform.'
			},
			reference: true,
			rules: []
		},
		{
			key: 'kept_with_secretaries',
			label: { fr: 'Gardés au secrétariat', en: 'Kept with the secretaries' },
			description: {
				fr: 'Ces motifs sont pris par téléphone et restent hors de l’agenda en ligne, rappels compris.',
				en: 'These reasons are booked by phone and stay out of the online agenda, reminders included.'
			},
			rules: [
				onRisk(
					`${REASONS}.kept_with_secretaries`,
					'reminder_confidentiality',
					'severity',
					-1,
					'Les rendez-vous dont la révélation serait la plus grave ne génèrent plus de rappel.',
					'The appointments whose disclosure would be worst no longer trigger reminders.'
				),
				onRisk(
					`${REASONS}.kept_with_secretaries`,
					'wrong_appointment_placement',
					'likelihood',
					-1,
					'Les cas qui demandent un tri passent par la secrétaire.',
					'Cases that need triage go through a secretary.'
				),
				onBenefit(
					`${REASONS}.kept_with_secretaries`,
					'access_24_7',
					-1,
					'Une partie de l’offre n’est plus réservable en dehors des heures d’ouverture.',
					'Part of the offer can no longer be booked outside office hours.'
				),
				onBenefit(
					`${REASONS}.kept_with_secretaries`,
					'secretaries_freed',
					-1,
					'Les secrétaires gardent ces appels, souvent longs.',
					'Secretaries keep these calls, which are often long.'
				)
			]
		}
	]
};
