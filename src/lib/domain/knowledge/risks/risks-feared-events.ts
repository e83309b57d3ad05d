/**
 * The three feared events of the CNIL PIA method, applied to online booking: data seen by
 * the wrong people, data changed without authority, data no longer available.
 */
import { MEASURES as M } from './measures';
import type { RiskEntry } from './types';

export const FEARED_EVENT_RISKS: RiskEntry[] = [
	{
		key: 'illegitimate_access',
		category: 'confidentiality',
		title: { fr: 'Accès illégitime aux données', en: 'Illegitimate access to data' },
		description: {
			fr: 'Des personnes non autorisées consultent les rendez-vous, les coordonnées ou les documents (comptes rendus, ordonnances, imagerie) stockés par la plateforme : attaquant externe, personnel du prestataire ou de l’hébergeur, tiers récupérant un export. En 2017, une pédiatre de l’AP-HM a été condamnée à 5 000 € d’amende par le tribunal de grande instance de Marseille pour avoir constitué, sans l’autorisation de la CNIL alors requise, une base de suivi des nouveau-nés restée accessible en ligne : une mère a retrouvé le dossier de naissance de son fils en cherchant son propre nom.',
			en: 'Unauthorised people read the appointments, contact details or documents (reports, prescriptions, imaging) stored by the platform: an outside attacker, vendor or host staff, a third party getting hold of an export. In 2017 a paediatrician of the Marseille university hospitals (AP-HM) was fined €5,000 by the Marseille court for setting up, without the CNIL authorisation then required, a newborn follow-up database that stayed reachable online: a mother found her son’s birth record by searching her own name.'
		},
		riskSources: [
			{ fr: 'Attaquants externes', en: 'Outside attackers' },
			{ fr: 'Personnel du prestataire ou de l’hébergeur', en: 'Vendor or host staff' }
		],
		threats: [
			{
				fr: 'Exfiltration de la base ou d’un fichier d’export',
				en: 'Theft of the database or of an export file'
			},
			{
				fr: 'Lecture des documents partagés hors du circuit prévu',
				en: 'Shared documents read outside the intended path'
			}
		],
		impacts: [
			{
				fr: 'Pathologies révélées, chantage ou discrimination',
				en: 'Conditions revealed, blackmail or discrimination'
			},
			{
				fr: 'Hameçonnage ciblé grâce aux coordonnées et rendez-vous',
				en: 'Targeted phishing using contact details and appointments'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 2,
			justification: {
				fr: 'Un rendez-vous chez un spécialiste suffit à révéler une information de santé, pour un grand nombre de patients ; hébergeur certifié, chiffrement et authentification forte rendent l’accès difficile.',
				en: 'An appointment with a specialist is enough to reveal health information, for a large number of patients; a certified host, encryption and strong authentication make access hard.'
			}
		},
		measures: [
			M.keysOutsideHost,
			M.endToEndDocuments,
			M.strongAuthentication,
			M.accessLogging,
			M.breachProcedure
		]
	},
	{
		key: 'unwanted_modification',
		category: 'integrity',
		title: { fr: 'Modification non désirée des données', en: 'Unwanted modification of data' },
		description: {
			fr: 'Un rendez-vous est déplacé, annulé ou attribué à tort, ou des coordonnées sont modifiées, par erreur de synchronisation avec le SIH, par malveillance ou par une personne ayant accès au compte.',
			en: 'An appointment is moved, cancelled or wrongly assigned, or contact details are changed, through a sync error with the hospital system, malice, or someone with access to the account.'
		},
		riskSources: [
			{
				fr: 'Interface entre la plateforme et le SIH',
				en: 'Interface between the platform and the hospital system'
			},
			{
				fr: 'Tiers ayant accès au compte patient',
				en: 'Third party with access to the patient account'
			}
		],
		threats: [
			{
				fr: 'Annulation ou déplacement d’un rendez-vous à l’insu du patient',
				en: 'Appointment cancelled or moved without the patient knowing'
			},
			{
				fr: 'Numéro de téléphone remplacé, détournant les rappels',
				en: 'Phone number replaced, diverting reminders'
			}
		],
		impacts: [
			{
				fr: 'Consultation manquée et retard de prise en charge',
				en: 'Missed consultation and delayed care'
			},
			{
				fr: 'Rappels envoyés à un tiers',
				en: 'Reminders sent to someone else'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 1,
			justification: {
				fr: 'Un suivi annulé en silence peut retarder des soins importants ; l’agenda du SIH reste la référence et les opérations sont tracées, ce qui rend une modification durable peu réalisable.',
				en: 'A follow-up silently cancelled can delay important care; the hospital agenda stays the reference and operations are logged, so a lasting change is hardly feasible.'
			}
		},
		measures: [M.hisReference, M.accessLogging, M.strongAuthentication, M.identityVigilance]
	},
	{
		key: 'data_disappearance',
		category: 'availability',
		title: { fr: 'Disparition des données', en: 'Disappearance of data' },
		description: {
			fr: 'Les agendas en ligne deviennent indisponibles ou sont perdus : panne de la plateforme, rançongiciel à l’hôpital coupant l’interface, fin de contrat sans restitution.',
			en: 'Online agendas become unavailable or are lost: platform outage, ransomware at the hospital cutting the interface, contract ending without data return.'
		},
		riskSources: [
			{ fr: 'Pannes techniques', en: 'Technical failures' },
			{
				fr: 'Groupes criminels diffusant des rançongiciels',
				en: 'Criminal groups spreading ransomware'
			}
		],
		threats: [
			{
				fr: 'Indisponibilité prolongée de la plateforme ou de l’interface',
				en: 'Prolonged unavailability of the platform or interface'
			},
			{
				fr: 'Chiffrement malveillant des systèmes de l’hôpital',
				en: 'Malicious encryption of the hospital’s systems'
			}
		],
		impacts: [
			{
				fr: 'Patients sans confirmation ni moyen de déplacer leur rendez-vous',
				en: 'Patients with no confirmation and no way to move their appointment'
			},
			{
				fr: 'Créneaux perdus et reprogrammations en urgence',
				en: 'Lost slots and emergency rescheduling'
			}
		],
		suggested: {
			severity: 2,
			likelihood: 2,
			justification: {
				fr: 'Le téléphone et l’agenda du SIH permettent de reconstituer les rendez-vous ; le prestataire annonce une disponibilité de 99,9 % et un hébergement réparti, mais les hôpitaux restent exposés aux rançongiciels.',
				en: 'Phone booking and the hospital agenda allow appointments to be rebuilt; the vendor claims 99.9 % availability and multi-site hosting, but hospitals remain exposed to ransomware.'
			}
		},
		measures: [M.backups, M.hisReference, M.reversibility, M.phoneChannelKept, M.patching]
	}
];
