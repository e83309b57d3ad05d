/**
 * Risks for the care path itself rather than for the data alone: a booking in the wrong
 * slot, patients left behind by the digital divide, two people merged into one.
 */
import { MEASURES as M } from './measures';
import type { RiskEntry } from './types';

export const CARE_RISKS: RiskEntry[] = [
	{
		key: 'wrong_appointment_placement',
		category: 'care_quality',
		title: {
			fr: 'Rendez-vous mal positionné',
			en: 'Appointment booked in the wrong slot'
		},
		description: {
			fr: 'Sans l’échange avec la secrétaire, qui oriente le patient au fil de ses questions, une situation complexe peut être placée chez un praticien inadapté ou sans les pièces nécessaires ; à l’inverse, un créneau d’expertise peut être occupé par une demande simple.',
			en: 'Without the talk with a secretary, who steers the patient question by question, a complex case may land with the wrong practitioner or without the documents needed; conversely, an expert slot may be taken by a simple request.'
		},
		riskSources: [
			{ fr: 'Patients réservant seuls', en: 'Patients booking on their own' },
			{ fr: 'Paramétrage des motifs en ligne', en: 'Set-up of online reasons' }
		],
		threats: [
			{
				fr: 'Motif choisi ne correspondant pas au besoin réel',
				en: 'Reason picked that does not match the real need'
			},
			{
				fr: 'Patient se déclarant déjà suivi pour obtenir un créneau',
				en: 'Patient claiming to be already followed to get a slot'
			}
		],
		impacts: [
			{
				fr: 'Délai supplémentaire et perte de chance',
				en: 'Extra delay and loss of chance'
			},
			{
				fr: 'Consultation à refaire, créneau perdu pour un autre patient',
				en: 'Consultation to redo, slot lost for another patient'
			}
		],
		suggested: {
			severity: 2,
			likelihood: 3,
			justification: {
				fr: 'Le plus souvent, l’erreur se corrige par un nouveau rendez-vous ; elle reste fréquente dès que des motifs nécessitant un tri sont ouverts en ligne.',
				en: 'Most of the time the error is fixed with a new appointment; it stays frequent as soon as reasons that need triage are open online.'
			}
		},
		measures: [M.secretaryTriage, M.prerequisiteCheck, M.sensitiveMotifsOffline]
	},
	{
		key: 'digital_divide_exclusion',
		category: 'rights',
		title: {
			fr: 'Exclusion des patients éloignés du numérique',
			en: 'Exclusion of patients left out by the digital divide'
		},
		description: {
			fr: 'Environ 15 à 17 % de la population peine à utiliser les outils numériques, dont plus de la moitié a plus de 75 ans ; l’âge moyen des patients de l’hôpital de référence est de 58 ans, 79 ans en gériatrie. Si les créneaux partent en ligne, ces patients accèdent moins bien aux consultations.',
			en: 'About 15 to 17 % of the population struggles with digital tools, over half of them aged over 75; the mean patient age at the reference hospital is 58, and 79 in geriatrics. If slots go online first, these patients get to consultations less easily.'
		},
		riskSources: [
			{ fr: 'Organisation de l’offre de rendez-vous', en: 'How the booking offer is organised' },
			{ fr: 'Réduction du temps de secrétariat', en: 'Cuts in secretary time' }
		],
		threats: [
			{
				fr: 'Créneaux réservés en ligne avant d’être proposés au téléphone',
				en: 'Slots taken online before being offered by phone'
			},
			{
				fr: 'Suppression progressive de l’accueil téléphonique',
				en: 'Gradual removal of phone booking'
			}
		],
		impacts: [
			{
				fr: 'Renoncement aux soins des personnes âgées ou précaires',
				en: 'Elderly or vulnerable people giving up care'
			},
			{
				fr: 'Dépendance à un proche pour prendre rendez-vous',
				en: 'Reliance on a relative to book'
			}
		],
		suggested: {
			severity: 2,
			likelihood: 2,
			justification: {
				fr: 'Le téléphone est maintenu et le temps libéré des secrétaires doit bénéficier à ceux qui appellent ; le risque naît surtout si ce canal se dégrade.',
				en: 'Phone booking is kept and the secretaries’ freed time should go to those who call; the risk arises mainly if that channel degrades.'
			}
		},
		measures: [M.phoneChannelKept, M.informationCampaign]
	},
	{
		key: 'identity_mismatch',
		category: 'integrity',
		title: {
			fr: 'Erreur d’identification du patient',
			en: 'Patient identity mismatch'
		},
		description: {
			fr: 'Les comptes créés par les patients, les comptes familiaux et les homonymes créent des doublons ou des rapprochements erronés avec l’IPP : le rendez-vous, les rappels ou les documents se retrouvent rattachés à la mauvaise personne.',
			en: 'Self-created patient accounts, family accounts and namesakes create duplicates or wrong matches with the patient id: the appointment, reminders or documents end up attached to the wrong person.'
		},
		riskSources: [
			{ fr: 'Saisie par les patients eux-mêmes', en: 'Data entered by patients themselves' },
			{
				fr: 'Rapprochement automatique avec le SIH',
				en: 'Automatic matching with the hospital system'
			}
		],
		threats: [
			{
				fr: 'Fusion de deux patients homonymes',
				en: 'Two namesake patients merged'
			},
			{
				fr: 'Création d’un doublon non détecté',
				en: 'Undetected duplicate created'
			}
		],
		impacts: [
			{
				fr: 'Informations de santé communiquées à une autre personne',
				en: 'Health information passed to another person'
			},
			{
				fr: 'Erreur de prise en charge faute d’antécédents retrouvés',
				en: 'Care error because past history cannot be found'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 2,
			justification: {
				fr: 'Une confusion d’identité peut conduire à divulguer ou à mal soigner ; l’interface avec l’IPP et les contrôles d’identitovigilance la rendent peu fréquente.',
				en: 'An identity mix-up can lead to disclosure or wrong care; the interface with the patient id and identity-vigilance checks make it uncommon.'
			}
		},
		measures: [M.identityVigilance, M.hisReference, M.ownAccountForMinors]
	}
];
