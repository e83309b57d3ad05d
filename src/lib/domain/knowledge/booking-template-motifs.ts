import { defaultDecision, type Motif, type Motifs } from '../method/motifs';
import { translator, type Locale } from './localized';
import type { PractitionerType, SensitivityFlag, VisitKind } from './motif-vocabulary';

type MotifSeed = {
	id: string;
	gyn: boolean;
	reason: [fr: string, en: string];
	practitioner: PractitionerType;
	visit: VisitKind;
	durationMin: number;
	flags: SensitivityFlag[];
	reasonCollected: boolean;
	rationale: [fr: string, en: string];
};

/**
 * A realistic pilot catalogue for obstetrics-gynaecology and paediatrics. Decisions come
 * from `defaultDecision`, so the template shows the rule the workbench applies: every
 * flagged reason stays with the secretaries.
 */
const SEEDS: readonly MotifSeed[] = [
	{
		id: 'gyn-pregnancy-midwife',
		gyn: true,
		reason: ['Suivi de grossesse', 'Pregnancy follow-up'],
		practitioner: 'midwife',
		visit: 'follow_up',
		durationMin: 30,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Rend visibles les créneaux des sages-femmes et laisse à la patiente le choix du praticien.',
			'Makes midwives’ slots visible and lets the patient choose her practitioner.'
		]
	},
	{
		id: 'gyn-pregnancy-doctor',
		gyn: true,
		reason: ['Suivi de grossesse', 'Pregnancy follow-up'],
		practitioner: 'doctor',
		visit: 'follow_up',
		durationMin: 30,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Motif courant, sans préparation particulière.',
			'Common reason, no preparation needed.'
		]
	},
	{
		id: 'gyn-prenatal-interview',
		gyn: true,
		reason: ['Entretien prénatal précoce', 'Early prenatal interview'],
		practitioner: 'midwife',
		visit: 'first',
		durationMin: 45,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Consultation standardisée, sans tri préalable.',
			'Standard visit, no triage needed.'
		]
	},
	{
		id: 'gyn-perineal-rehab',
		gyn: true,
		reason: ['Rééducation du périnée', 'Perineal rehabilitation'],
		practitioner: 'midwife',
		visit: 'follow_up',
		durationMin: 30,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Séances répétées, faciles à replanifier en ligne.',
			'Repeated sessions, easy to reschedule online.'
		]
	},
	{
		id: 'gyn-routine-follow-up',
		gyn: true,
		reason: [
			'Suivi gynécologique (contraception, dépistage)',
			'Gynaecological check-up (contraception, screening)'
		],
		practitioner: 'doctor',
		visit: 'follow_up',
		durationMin: 20,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Patientes déjà suivies, motif peu sensible.',
			'Patients already followed, low-sensitivity reason.'
		]
	},
	{
		id: 'gyn-abortion',
		gyn: true,
		reason: ['Interruption volontaire de grossesse (IVG)', 'Abortion (voluntary termination)'],
		practitioner: 'doctor',
		visit: 'first',
		durationMin: 30,
		flags: ['abortion', 'minors'],
		reasonCollected: false,
		rationale: [
			'Confidentialité protégée par la loi, y compris vis-à-vis des parents d’une mineure : pas de rappel automatique.',
			'Confidentiality protected by law, including from a minor’s parents: no automatic reminder.'
		]
	},
	{
		id: 'gyn-first-pathology',
		gyn: true,
		reason: [
			'Première consultation gynécologique (pathologie)',
			'First gynaecology visit (condition)'
		],
		practitioner: 'doctor',
		visit: 'first',
		durationMin: 30,
		flags: ['needs_triage'],
		reasonCollected: true,
		rationale: [
			'Le secrétariat pose les questions qui orientent vers le bon praticien et la bonne durée.',
			'The secretary asks the questions that route to the right practitioner and duration.'
		]
	},
	{
		id: 'gyn-breast-oncology',
		gyn: true,
		reason: ['Suivi de cancer du sein', 'Breast cancer follow-up'],
		practitioner: 'doctor',
		visit: 'both',
		durationMin: 30,
		flags: ['oncology'],
		reasonCollected: false,
		rationale: [
			'Un rappel pourrait précéder l’annonce du diagnostic ou être lu par un proche.',
			'A reminder could precede the announcement of the diagnosis or be read by a relative.'
		]
	},
	{
		id: 'gyn-perinatal-psychiatry',
		gyn: true,
		reason: ['Psychiatrie périnatale', 'Perinatal psychiatry'],
		practitioner: 'doctor',
		visit: 'both',
		durationMin: 45,
		flags: ['psychiatry', 'needs_triage'],
		reasonCollected: false,
		rationale: [
			'Suivi stigmatisant et évaluation préalable nécessaire.',
			'Stigmatising follow-up, prior assessment needed.'
		]
	},
	{
		id: 'ped-follow-up',
		gyn: false,
		reason: [
			'Suivi pédiatrique (croissance, vaccinations)',
			'Paediatric check-up (growth, vaccinations)'
		],
		practitioner: 'doctor',
		visit: 'follow_up',
		durationMin: 20,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Forte demande téléphonique ; réservation par les parents sans enjeu de confidentialité.',
			'Heavy phone demand; parents book with no confidentiality issue.'
		]
	},
	{
		id: 'ped-epilepsy',
		gyn: false,
		reason: ['Neuropédiatrie : suivi d’épilepsie', 'Neuropaediatrics: epilepsy follow-up'],
		practitioner: 'doctor',
		visit: 'follow_up',
		durationMin: 45,
		flags: [],
		reasonCollected: false,
		rationale: [
			'Enfants déjà suivis par le praticien.',
			'Children already followed by the practitioner.'
		]
	},
	{
		id: 'ped-first-specialised',
		gyn: false,
		reason: [
			'Première consultation de pédiatrie spécialisée',
			'First specialised paediatric visit'
		],
		practitioner: 'doctor',
		visit: 'first',
		durationMin: 45,
		flags: ['needs_triage'],
		reasonCollected: true,
		rationale: [
			'Le positionnement dépend de questions successives du secrétariat.',
			'Placement depends on successive questions from the secretary.'
		]
	},
	{
		id: 'ped-child-protection',
		gyn: false,
		reason: ['Suivi après information préoccupante', 'Follow-up after a child-protection report'],
		practitioner: 'doctor',
		visit: 'follow_up',
		durationMin: 60,
		flags: ['child_protection', 'minors'],
		reasonCollected: false,
		rationale: [
			'L’appel du secrétariat est ce qui décide les parents à venir ; les rappels iraient aux personnes concernées par le signalement.',
			'The secretary’s call is what gets the parents to come; reminders would go to the people the report is about.'
		]
	},
	{
		id: 'ped-adolescent-confidential',
		gyn: false,
		reason: [
			'Consultation d’adolescent (contraception, santé sexuelle)',
			'Adolescent visit (contraception, sexual health)'
		],
		practitioner: 'doctor',
		visit: 'both',
		durationMin: 30,
		flags: ['minors'],
		reasonCollected: false,
		rationale: [
			'Le mineur peut demander le secret vis-à-vis de ses parents, titulaires du compte famille.',
			'The minor may ask for secrecy from the parents who hold the family account.'
		]
	}
];

export function bookingMotifs(locale: Locale): Motifs {
	const t = translator(locale);
	const gyn = t('Gynécologie-obstétrique', 'Obstetrics-gynaecology');
	const ped = t('Pédiatrie', 'Paediatrics');
	const rows: Motif[] = SEEDS.map((seed) => ({
		id: seed.id,
		service: seed.gyn ? gyn : ped,
		reason: t(...seed.reason),
		practitioner: seed.practitioner,
		visit: seed.visit,
		durationMin: seed.durationMin,
		flags: [...seed.flags],
		reasonCollected: seed.reasonCollected,
		decision: defaultDecision(seed.flags),
		rationale: t(...seed.rationale)
	}));
	return { rows };
}
