/**
 * Arbitration options on what leaves the hospital and where it lives: history import,
 * hosting, information of patients. Deltas are relative to the vendor's default offer,
 * which the catalogue's suggested scores already describe (hence empty reference choices).
 */
import { onBenefit, onRisk } from './option-rules';
import type { OptionGroup } from './types';

const IMPORT = 'historical_import';
const HOSTING = 'hosting';
const INFORMATION = 'patient_information';

export const HISTORICAL_IMPORT_GROUP: OptionGroup = {
	key: IMPORT,
	title: { fr: 'Import de l’historique des rendez-vous', en: 'Import of the appointment history' },
	question: {
		fr: 'Quel historique transmettre au prestataire avant l’ouverture ?',
		en: 'Which history, if any, is sent to the vendor before go-live?'
	},
	choices: [
		{
			key: 'none',
			label: { fr: 'Aucun import', en: 'No import' },
			description: {
				fr: 'Les patients créent leur compte à la première réservation ; l’agenda du SIH reste seul dépositaire du passé.',
				en: 'Patients create their account at their first booking; the hospital agenda alone keeps the past.'
			},
			rules: [
				onRisk(
					`${IMPORT}.none`,
					'historical_import',
					'likelihood',
					-3,
					'Rien n’est transmis : le transfert d’historique n’a plus lieu.',
					'Nothing is sent: the history transfer no longer happens.'
				),
				onRisk(
					`${IMPORT}.none`,
					'identity_mismatch',
					'likelihood',
					1,
					'Sans historique, le rapprochement des nouveaux comptes avec l’IPP repose sur la seule saisie du patient.',
					'With no history, matching new accounts to the patient id relies on what the patient types alone.'
				),
				onRisk(
					`${IMPORT}.none`,
					'wrong_appointment_placement',
					'likelihood',
					1,
					'La plateforme ne peut plus vérifier qu’un patient se disant suivi l’est vraiment.',
					'The platform can no longer check that a patient claiming to be followed really is.'
				)
			]
		},
		{
			key: 'two_years',
			label: { fr: 'Deux ans (demande du prestataire)', en: 'Two years (vendor’s request)' },
			description: {
				fr: 'Tous les rendez-vous des deux dernières années par spécialité, avec identité, coordonnées et motif.',
				en: 'Every appointment of the last two years by specialty, with identity, contact details and reason.'
			},
			reference: true,
			rules: []
		},
		{
			key: 'five_years',
			label: { fr: 'Cinq ans', en: 'Five years' },
			description: {
				fr: 'Historique étendu, proposé par un établissement pour mieux repérer les patients se disant connus.',
				en: 'Extended history, offered by one hospital to better spot patients claiming to be known.'
			},
			rules: [
				onRisk(
					`${IMPORT}.five_years`,
					'historical_import',
					'severity',
					1,
					'Cinq ans de rendez-vous par personne dessinent une part bien plus large de son parcours de soins.',
					'Five years of appointments per person sketch a much wider part of their care path.'
				),
				onRisk(
					`${IMPORT}.five_years`,
					'historical_import',
					'likelihood',
					1,
					'Plus l’historique est long, plus il contient de patients qui ne reviendront jamais.',
					'The longer the history, the more patients it holds who will never come back.'
				),
				onRisk(
					`${IMPORT}.five_years`,
					'illegitimate_access',
					'severity',
					1,
					'Une fuite chez le prestataire dévoilerait cinq ans de parcours de soins par personne.',
					'A breach at the vendor would reveal five years of each person’s care path.'
				)
			]
		},
		{
			key: 'restricted_scope',
			label: { fr: 'Périmètre restreint', en: 'Restricted scope' },
			description: {
				fr: 'Une spécialité, les seuls patients vus plusieurs fois, sans motif ni courriel.',
				en: 'One specialty, only patients seen several times, without reason or e-mail.'
			},
			rules: [
				onRisk(
					`${IMPORT}.restricted_scope`,
					'historical_import',
					'severity',
					-1,
					'Moins de champs transmis, et plus aucun motif de consultation.',
					'Fewer fields sent, and no consultation reason any more.'
				),
				onRisk(
					`${IMPORT}.restricted_scope`,
					'historical_import',
					'likelihood',
					-1,
					'Seuls les patients réellement suivis, donc susceptibles de réserver, sont transmis.',
					'Only patients actually followed, hence likely to book, are sent.'
				)
			]
		}
	]
};

export const HOSTING_GROUP: OptionGroup = {
	key: HOSTING,
	title: { fr: 'Hébergement', en: 'Hosting' },
	question: {
		fr: 'Quelles garanties d’hébergement exiger du prestataire ?',
		en: 'Which hosting guarantees are required from the vendor?'
	},
	choices: [
		{
			key: 'vendor_current_host',
			label: { fr: 'Hébergeur actuel du prestataire', en: 'Vendor’s current host' },
			description: {
				fr: 'Nuage certifié HDS d’origine américaine, chiffrement au repos annoncé par le prestataire.',
				en: 'HDS-certified, US-owned cloud, encryption at rest as stated by the vendor.'
			},
			reference: true,
			rules: []
		},
		{
			key: 'eu_owned_host',
			label: { fr: 'Exiger un hébergeur européen', en: 'Require an EU-owned host' },
			description: {
				fr: 'Hébergeur HDS relevant du seul droit européen, inscrit au contrat.',
				en: 'HDS host subject to EU law only, written into the contract.'
			},
			rules: [
				onRisk(
					`${HOSTING}.eu_owned_host`,
					'us_hosting_cloud_act',
					'likelihood',
					-2,
					'Le levier extraterritorial du droit américain disparaît, au-delà d’être rendu difficile.',
					'The extraterritorial lever of US law disappears, rather than merely being made harder.'
				)
			]
		},
		{
			key: 'keys_outside_host',
			label: { fr: 'Exiger des clés hors de l’hébergeur', en: 'Require keys outside the host' },
			description: {
				fr: 'Chiffrement au repos avec clés détenues dans l’UE par un tiers, chiffrement de bout en bout des documents, le tout contractuel et audité. Protège d’un accès au niveau de l’hébergeur, pas d’une injonction étrangère : la plateforme doit lire les données en clair pour fonctionner (CEPD, recommandations 01/2020, cas d’usage 6).',
				en: 'Encryption at rest with keys held in the EU by a third party, end-to-end encryption of documents, all contractual and audited. Protects against access at host level, not against a foreign order: the platform must read the data in clear to work (EDPB Recommendations 01/2020, use case 6).'
			},
			rules: [
				// No rule on us_hosting_cloud_act: the platform reads the data in clear to show
				// agendas and send reminders, so key custody does not lower the likelihood of a
				// foreign order (EDPB Recommendations 01/2020, use case 6).
				onRisk(
					`${HOSTING}.keys_outside_host`,
					'illegitimate_access',
					'likelihood',
					-1,
					'Un accès au niveau de l’hébergeur ne suffit plus à lire les données.',
					'Access at host level is no longer enough to read the data.'
				)
			]
		}
	]
};

export const PATIENT_INFORMATION_GROUP: OptionGroup = {
	key: INFORMATION,
	title: { fr: 'Information des patients', en: 'Information of patients' },
	question: {
		fr: 'Les patients sont-ils informés avant l’ouverture ?',
		en: 'Are patients informed before go-live?'
	},
	choices: [
		{
			key: 'campaign',
			label: { fr: 'Campagne d’information', en: 'Information campaign' },
			description: {
				fr: 'Affiches, dépliants avec coupon d’opposition, SMS aux patients, page du site internet ; les oppositions sont tracées dans le SIH.',
				en: 'Posters, leaflets with an objection slip, text messages to patients, a website page; objections are recorded in the hospital system.'
			},
			rules: [
				onRisk(
					`${INFORMATION}.campaign`,
					'historical_import',
					'likelihood',
					-1,
					'Les patients qui s’opposent sont retirés avant tout transfert.',
					'Patients who object are removed before any transfer.'
				),
				onRisk(
					`${INFORMATION}.campaign`,
					'digital_divide_exclusion',
					'likelihood',
					-1,
					'Les supports rappellent que la réservation par téléphone reste ouverte.',
					'The materials remind people that phone booking remains open.'
				),
				onBenefit(
					`${INFORMATION}.campaign`,
					'visibility',
					1,
					'La campagne fait connaître le nouveau service au-delà des habitués.',
					'The campaign makes the new service known beyond regular patients.'
				)
			]
		},
		{
			key: 'none',
			label: { fr: 'Pas d’information spécifique', en: 'No specific information' },
			description: {
				fr: 'Situation observée dans les hôpitaux ayant transmis leur historique.',
				en: 'What was observed in hospitals that sent their history.'
			},
			reference: true,
			rules: []
		}
	]
};
