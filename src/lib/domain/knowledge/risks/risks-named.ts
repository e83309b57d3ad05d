/**
 * The four risks that the hospitals themselves singled out when the booking platform was
 * proposed. Suggested scores describe the vendor's default offer (two-year history, SMS and
 * e-mail reminders, every reason online, current host, no patient information).
 */
import { MEASURES as M } from './measures';
import type { RiskEntry } from './types';

export const NAMED_RISKS: RiskEntry[] = [
	{
		key: 'historical_import',
		category: 'lawfulness',
		title: {
			fr: 'Transfert de l’historique des rendez-vous au prestataire',
			en: 'Transfer of the appointment history to the vendor'
		},
		description: {
			fr: 'Le prestataire demande, avant l’ouverture, tous les rendez-vous passés par spécialité (IPP, nom, prénom, date de naissance, mobile, courriel, agenda, motif) pour rapprocher les identités et vérifier qu’un patient est déjà suivi. Associer une identité à une spécialité constitue une donnée de santé, transmise pour des personnes qui ne reviendront peut-être jamais.',
			en: 'Before go-live the vendor asks for every past appointment by specialty (patient id, names, birth date, mobile, e-mail, agenda, reason) to match identities and check that a patient is already followed. An identity tied to a specialty is health data, sent for people who may never come back.'
		},
		riskSources: [
			{ fr: 'L’établissement qui exporte sa base', en: 'The hospital exporting its database' },
			{ fr: 'Le prestataire destinataire', en: 'The receiving vendor' }
		],
		threats: [
			{
				fr: 'Export massif sans base légale établie ni information des patients',
				en: 'Bulk export with no established lawful basis and no patient information'
			},
			{
				fr: 'Conservation par le prestataire de données sans utilité pour la prise de rendez-vous',
				en: 'Vendor keeping data that serve no booking purpose'
			}
		],
		impacts: [
			{
				fr: 'Des patients perdent la maîtrise d’informations sur leur parcours de soins sans le savoir',
				en: 'Patients lose control over information on their care without knowing it'
			},
			{
				fr: 'Droit d’opposition impossible à exercer faute d’information',
				en: 'Right to object impossible to use for lack of information'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 3,
			justification: {
				fr: 'Deux ans de rendez-vous de toute la patientèle, y compris des passages uniques, partent chez un tiers sans que les intéressés soient avertis ; la plupart des DPO interrogés n’y voient ni base légale ni respect de la minimisation.',
				en: 'Two years of appointments of the whole patient base, one-off visits included, go to a third party without the people concerned being told; most DPOs consulted saw neither a lawful basis nor data minimisation.'
			}
		},
		measures: [
			M.lawfulBasis,
			M.fieldReview,
			M.restrictedHistory,
			M.informationCampaign,
			M.objectionRecorded
		]
	},
	{
		key: 'us_hosting_cloud_act',
		category: 'lawfulness',
		title: {
			fr: 'Hébergement chez un fournisseur soumis au droit américain (CLOUD Act)',
			en: 'Hosting with a provider subject to US law (CLOUD Act)'
		},
		description: {
			fr: 'Le prestataire s’appuie sur un nuage d’origine américaine. Le CLOUD Act de 2018 permet aux autorités des États-Unis d’exiger des données détenues par leurs fournisseurs, où qu’elles soient stockées. Le cadre UE–États-Unis de 2023 (décision (UE) 2023/1795) encadre le renseignement, pas ces injonctions ; et comme la plateforme lit les données en clair, le chiffrement avec des clés hors de l’hébergeur ne les neutralise pas (CEPD, recommandations 01/2020, cas d’usage 6).',
			en: 'The vendor relies on a US-owned cloud. The 2018 CLOUD Act lets US authorities demand data held by their providers wherever it is stored. The 2023 EU–US framework (decision (EU) 2023/1795) governs intelligence, not these orders; and since the platform reads the data in clear, encryption with keys outside the host does not neutralise them (EDPB Recommendations 01/2020, use case 6).'
		},
		riskSources: [
			{ fr: 'Autorités étrangères', en: 'Foreign authorities' },
			{ fr: 'Fournisseur d’hébergement en nuage', en: 'Cloud hosting provider' }
		],
		threats: [
			{
				fr: 'Réquisition de données par une autorité hors UE sans que l’hôpital en soit informé',
				en: 'Data demanded by a non-EU authority without the hospital being told'
			},
			{
				fr: 'Transfert hors UE non encadré au sens du chapitre V du RGPD',
				en: 'Transfer outside the EU not covered under GDPR chapter V'
			}
		],
		impacts: [
			{
				fr: 'Divulgation de rendez-vous médicaux hors de tout recours pour les patients',
				en: 'Medical appointments disclosed with no remedy for the patients'
			},
			{
				fr: 'Perte de confiance dans l’hôpital et contentieux',
				en: 'Loss of trust in the hospital and litigation'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 2,
			justification: {
				fr: 'Les données sont celles de nombreux patients et touchent à la santé ; l’hébergeur est certifié HDS et stocke les données dans l’EEE (référentiel HDS 2024), mais reste soumis au droit américain : la menace est réelle sans être fréquente.',
				en: 'The data concern many patients and their health; the host is HDS-certified and stores the data in the EEA (2024 HDS referential), but remains subject to US law: the threat is real without being frequent.'
			}
		},
		measures: [M.hdsHost, M.keysOutsideHost, M.endToEndDocuments, M.transferClauses, M.euOwnedHost]
	},
	{
		key: 'reminder_confidentiality',
		category: 'confidentiality',
		title: {
			fr: 'Confidentialité des rappels par SMS et courriel',
			en: 'Confidentiality of text and e-mail reminders'
		},
		description: {
			fr: 'Les rappels réduisent les rendez-vous non honorés mais dévoilent une consultation à quiconque lit le téléphone ou la boîte aux lettres, ainsi qu’aux opérateurs et messageries qui ne sont pas hébergeurs de santé. Une mineure qui prend rendez-vous pour une IVG depuis le compte familial verrait le rappel arriver chez son parent ; un rappel en cancérologie peut précéder l’annonce du diagnostic.',
			en: 'Reminders cut no-shows but reveal a consultation to anyone reading the phone or mailbox, and to carriers and mail providers that are not health-data hosts. A minor booking an abortion from the family account would have the reminder land on her parent’s phone; an oncology reminder may arrive before the diagnosis is announced.'
		},
		riskSources: [
			{
				fr: 'Entourage ayant accès au téléphone ou à la messagerie',
				en: 'Relatives with access to the phone or mailbox'
			},
			{
				fr: 'Opérateurs télécoms et fournisseurs de messagerie',
				en: 'Telecom carriers and e-mail providers'
			}
		],
		threats: [
			{
				fr: 'Lecture d’un rappel sur un appareil partagé ou un compte familial',
				en: 'Reminder read on a shared device or family account'
			},
			{
				fr: 'Interception d’un courriel transmis en clair',
				en: 'Interception of an e-mail sent in clear'
			}
		],
		impacts: [
			{
				fr: 'Révélation d’une IVG, protégée par la loi (CSP L.2212-7), avec mise en danger possible',
				en: 'Disclosure of an abortion, protected by law (CSP L.2212-7), possibly putting the person at risk'
			},
			{
				fr: 'Patient apprenant une suspicion de cancer par un simple message',
				en: 'Patient learning of a suspected cancer through a mere message'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 3,
			justification: {
				fr: 'Chaque rendez-vous déclenche des rappels sur deux canaux, souvent vers un téléphone familial ou un courriel non chiffré ; les cas de l’IVG d’une mineure et de la cancérologie montrent des conséquences lourdes.',
				en: 'Every appointment triggers reminders on two channels, often to a family phone or an unencrypted mailbox; the cases of a minor’s abortion and of oncology show heavy consequences.'
			}
		},
		measures: [
			M.neutralWording,
			M.smsOnly,
			M.channelChoice,
			M.sensitiveMotifsOffline,
			M.ownAccountForMinors
		]
	},
	{
		key: 'vendor_lockin',
		category: 'dependency',
		title: {
			fr: 'Dépendance à un prestataire dominant',
			en: 'Dependence on a dominant vendor'
		},
		description: {
			fr: 'Le prestataire détient environ 85 % du marché français (près de 2 000 établissements). Les hôpitaux craignent une hausse des prix une fois la position acquise, une perte de visibilité s’ils partent, des statistiques promises jamais livrées et un déploiement mené par le vendeur qui les dépossède de leur projet.',
			en: 'The vendor holds about 85 % of the French market (close to 2,000 facilities). Hospitals fear price rises once it dominates, lost visibility if they leave, promised statistics never delivered, and a vendor-led rollout that takes the project out of their hands.'
		},
		riskSources: [
			{
				fr: 'Le prestataire et sa stratégie commerciale',
				en: 'The vendor and its commercial strategy'
			},
			{ fr: 'Calendrier de déploiement imposé', en: 'Imposed rollout schedule' }
		],
		threats: [
			{
				fr: 'Révision unilatérale des prix ou des conditions',
				en: 'Unilateral change of prices or terms'
			},
			{
				fr: 'Restitution incomplète des données en fin de contrat',
				en: 'Incomplete data return at the end of the contract'
			}
		],
		impacts: [
			{
				fr: 'Interruption ou dégradation du service de rendez-vous pour les patients',
				en: 'Booking service interrupted or degraded for patients'
			},
			{
				fr: 'Historique des rendez-vous difficile à récupérer',
				en: 'Appointment history hard to recover'
			}
		],
		suggested: {
			severity: 2,
			likelihood: 3,
			justification: {
				fr: 'Les effets touchent d’abord l’établissement et restent surmontables pour les patients tant que le téléphone demeure ; la position dominante et les engagements non tenus sur les statistiques rendent le scénario réaliste.',
				en: 'The effects fall first on the hospital and remain manageable for patients while phone booking stays; the dominant position and unkept promises on statistics make the scenario realistic.'
			}
		},
		measures: [
			M.reversibility,
			M.priceCap,
			M.statisticsDeliverables,
			M.exitPlan,
			M.phoneChannelKept,
			M.projectGovernance
		]
	}
];
