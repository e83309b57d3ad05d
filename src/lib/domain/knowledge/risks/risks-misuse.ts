/**
 * Risks of the data being used by the wrong people for the wrong ends: sale, stolen
 * accounts, curious staff. The precedents quoted are the ones hospitals cite to their boards.
 */
import { MEASURES as M } from './measures';
import type { RiskEntry } from './types';

export const MISUSE_RISKS: RiskEntry[] = [
	{
		key: 'data_sale',
		category: 'lawfulness',
		title: {
			fr: 'Vente ou exploitation commerciale des données',
			en: 'Sale or commercial use of the data'
		},
		description: {
			fr: 'Céder des données de santé identifiantes est un délit (CSP L.1111-8, code pénal 226-21), mais des agrégats présentés comme anonymes restent vendables alors que leur anonymisation réelle est douteuse. Les DPO y voient le principal risque résiduel : ciblage par un offreur de soins concurrent, assureurs ajustant leurs primes.',
			en: 'Selling identifiable health data is a crime (CSP L.1111-8, penal code 226-21), yet aggregates presented as anonymous can still be sold while their real anonymisation is doubtful. DPOs see it as the main residual risk: targeting by a competing care provider, insurers adjusting premiums.'
		},
		riskSources: [
			{
				fr: 'Le prestataire et ses partenaires commerciaux',
				en: 'The vendor and its business partners'
			},
			{ fr: 'Acheteurs de données (assureurs, cliniques)', en: 'Data buyers (insurers, clinics)' }
		],
		threats: [
			{
				fr: 'Cession de jeux de données mal anonymisés',
				en: 'Sale of poorly anonymised datasets'
			},
			{
				fr: 'Réidentification par recoupement avec d’autres sources',
				en: 'Re-identification by cross-matching with other sources'
			}
		],
		impacts: [
			{
				fr: 'Primes d’assurance personnalisées selon l’état de santé',
				en: 'Insurance premiums tailored to health status'
			},
			{
				fr: 'Sollicitations commerciales ciblées sur une pathologie',
				en: 'Commercial approaches targeting a condition'
			}
		],
		suggested: {
			severity: 4,
			likelihood: 1,
			justification: {
				fr: 'Une réidentification exposerait durablement les personnes à des discriminations difficiles à réparer ; l’interdiction pénale et les engagements contractuels rendent toutefois le passage à l’acte peu réalisable.',
				en: 'Re-identification would expose people to lasting discrimination that is hard to repair; the criminal ban and contractual commitments nevertheless make it hardly feasible.'
			}
		},
		measures: [M.noResale, M.art28Contract, M.auditRights, M.fieldReview]
	},
	{
		key: 'account_compromise',
		category: 'confidentiality',
		title: {
			fr: 'Compromission de comptes, hameçonnage, rançongiciel',
			en: 'Account compromise, phishing, ransomware'
		},
		description: {
			fr: 'Un compte de secrétaire, de praticien ou de patient est pris par hameçonnage ou réutilisation de mot de passe ; un rançongiciel frappe l’hôpital ou le prestataire. L’attaquant voit les agendas, modifie des rendez-vous ou envoie de faux messages au nom de l’hôpital.',
			en: 'A secretary, practitioner or patient account is taken over through phishing or password reuse; ransomware hits the hospital or the vendor. The attacker sees agendas, changes appointments or sends fake messages in the hospital’s name.'
		},
		riskSources: [
			{ fr: 'Cybercriminels', en: 'Cybercriminals' },
			{ fr: 'Utilisateurs peu sensibilisés', en: 'Users with little security awareness' }
		],
		threats: [
			{
				fr: 'Vol d’identifiants par un faux message',
				en: 'Credentials stolen through a fake message'
			},
			{
				fr: 'Réutilisation de mots de passe fuités ailleurs',
				en: 'Reuse of passwords leaked elsewhere'
			}
		],
		impacts: [
			{
				fr: 'Agendas entiers consultés ou modifiés',
				en: 'Whole agendas read or altered'
			},
			{
				fr: 'Patients trompés par de faux rappels',
				en: 'Patients misled by fake reminders'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 3,
			justification: {
				fr: 'Un compte professionnel ouvre l’agenda de tout un service ; les hôpitaux sont des cibles fréquentes et les comptes patients reposent souvent sur des mots de passe réutilisés.',
				en: 'One professional account opens a whole department’s agenda; hospitals are frequent targets and patient accounts often rest on reused passwords.'
			}
		},
		measures: [
			M.strongAuthentication,
			M.passwordsAndSessions,
			M.staffAwareness,
			M.patching,
			M.backups,
			M.breachProcedure
		]
	},
	{
		key: 'excessive_staff_access',
		category: 'confidentiality',
		title: {
			fr: 'Accès excessifs du personnel',
			en: 'Excessive access by staff'
		},
		description: {
			fr: 'Des agents de l’hôpital ou du prestataire consultent des rendez-vous qui ne relèvent pas de leur mission, par curiosité ou faute d’habilitations fines. En 2019, un hôpital néerlandais a été sanctionné de 460 000 € après qu’environ 85 agents eurent ouvert le dossier d’une célébrité (autorité néerlandaise de protection des données, 2019).',
			en: 'Hospital or vendor staff look at appointments outside their duties, out of curiosity or for lack of fine-grained access rights. In 2019 a Dutch hospital was fined €460,000 after some 85 staff opened a celebrity’s record (Dutch data protection authority, 2019).'
		},
		riskSources: [
			{ fr: 'Personnel de l’hôpital', en: 'Hospital staff' },
			{ fr: 'Support du prestataire', en: 'Vendor support staff' }
		],
		threats: [
			{
				fr: 'Consultation d’agendas d’autres services',
				en: 'Looking at other departments’ agendas'
			},
			{
				fr: 'Recherche nominative sans lien avec la prise en charge',
				en: 'Name searches unrelated to care'
			}
		],
		impacts: [
			{
				fr: 'Atteinte à l’intimité, notamment de patients connus ou de collègues',
				en: 'Invasion of privacy, especially of well-known patients or colleagues'
			},
			{
				fr: 'Violation du secret professionnel engageant l’hôpital',
				en: 'Breach of professional secrecy engaging the hospital'
			}
		],
		suggested: {
			severity: 3,
			likelihood: 2,
			justification: {
				fr: 'Les précédents montrent des atteintes graves à l’intimité ; la journalisation et des habilitations par service rendent l’abus plus difficile et plus risqué pour son auteur.',
				en: 'Precedents show serious invasions of privacy; logging and per-department access rights make abuse harder and riskier for whoever tries.'
			}
		},
		measures: [M.accessReview, M.accessLogging, M.anomalyAlerts, M.staffAwareness]
	}
];
