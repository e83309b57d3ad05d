/**
 * Benefits felt first by patients and referring doctors. Magnitudes and confidence are
 * starting points for the demonstration; the vendor's own figures are kept at medium
 * confidence at best, since no hospital measured them independently.
 */
import type { BenefitEntry } from './types';

export const PATIENT_BENEFITS: BenefitEntry[] = [
	{
		key: 'access_24_7',
		title: {
			fr: 'Accès aux rendez-vous 24 h/24, 7 j/7',
			en: 'Access to appointments around the clock'
		},
		description: {
			fr: 'Les patients et les médecins de ville réservent, annulent ou déplacent un rendez-vous à toute heure, sans dépendre des horaires du secrétariat, ce qui limite le renoncement aux soins et les passages évitables aux urgences.',
			en: 'Patients and referring doctors book, cancel or move an appointment at any hour, without depending on office hours, which limits renunciation of care and avoidable emergency visits.'
		},
		suggested: {
			magnitude: 3,
			confidence: 'high',
			justification: {
				fr: 'Avantage cité de façon quasi unanime par les acteurs interrogés, et réel pour un public jeune et actif.',
				en: 'A benefit named almost unanimously by the people interviewed, and real for a young, working public.'
			}
		},
		kpi: {
			metric: {
				fr: 'Part des consultations externes réservables en ligne',
				en: 'Share of outpatient consultations bookable online'
			},
			baseline: { fr: '0 % avant ouverture', en: '0 % before go-live' },
			target: {
				fr: '60 % (programme HOP’EN, indicateur 7)',
				en: '60 % (HOP’EN programme, indicator 7)'
			},
			source: { fr: 'Paramétrage des agendas en ligne', en: 'Online agenda set-up' }
		}
	},
	{
		key: 'fewer_no_shows',
		title: { fr: 'Moins de rendez-vous non honorés', en: 'Fewer no-shows' },
		description: {
			fr: 'Un rappel 24 à 48 h avant et l’annulation en un clic réduisent les oublis et libèrent des créneaux de dernière minute pour des demandes semi-urgentes.',
			en: 'A reminder 24 to 48 hours ahead and one-click cancellation reduce forgotten appointments and free last-minute slots for semi-urgent requests.'
		},
		suggested: {
			magnitude: 3,
			confidence: 'medium',
			justification: {
				fr: 'Les hôpitaux équipés constatent une baisse nette ; le chiffre du prestataire (−60 %, 1 h 30 gagnée par semaine et par praticien) n’a pas été vérifié de façon indépendante.',
				en: 'Hospitals already equipped report a clear drop; the vendor’s figure (−60 %, 1 h 30 saved per week per practitioner) has not been checked independently.'
			}
		},
		kpi: {
			metric: { fr: 'Taux de rendez-vous non honorés', en: 'No-show rate' },
			baseline: {
				fr: 'À mesurer sur les 3 mois précédant l’ouverture dans le service pilote',
				en: 'To be measured over the 3 months before go-live in the pilot department'
			},
			target: { fr: 'Baisse d’au moins 30 %', en: 'Down by at least 30 %' },
			source: { fr: 'Agenda du SIH', en: 'Hospital information system agenda' }
		}
	},
	{
		key: 'free_choice_practitioner',
		title: { fr: 'Libre choix du praticien', en: 'Free choice of practitioner' },
		description: {
			fr: 'Le patient voit toute l’offre et choisit lui-même, comme le prévoit le CSP (R.4127-6) : une femme enceinte peut opter pour une sage-femme alors que ces créneaux restaient vides pendant que les médecins affichaient des semaines d’attente.',
			en: 'The patient sees the whole offer and chooses, as the public health code provides (R.4127-6): a pregnant woman can pick a midwife, whose slots stayed empty while doctors had weeks of waiting.'
		},
		suggested: {
			magnitude: 2,
			confidence: 'medium',
			justification: {
				fr: 'L’effet dépend du paramétrage des motifs et de la préférence réelle des patientes pour les sages-femmes, qui reste une hypothèse.',
				en: 'The effect depends on how reasons are set up and on patients’ actual preference for midwives, which is still an assumption.'
			}
		},
		kpi: {
			metric: {
				fr: 'Taux d’occupation des créneaux de sages-femmes',
				en: 'Midwife slot occupancy rate'
			},
			baseline: {
				fr: 'Créneaux en partie vacants, taux à relever avant ouverture',
				en: 'Slots partly empty, rate to be recorded before go-live'
			},
			target: { fr: 'Au moins 90 %', en: 'At least 90 %' },
			source: { fr: 'Agendas des sages-femmes', en: 'Midwives’ agendas' }
		}
	},
	{
		key: 'traceable_rescheduling',
		title: { fr: 'Reprogrammations massives tracées', en: 'Traceable mass rescheduling' },
		description: {
			fr: 'Lorsqu’une activité doit être déprogrammée, comme pendant l’épidémie de COVID, chaque patient est prévenu et chaque report est enregistré, là où des appels un par un laissent peu de traces.',
			en: 'When activity has to be cancelled, as during the COVID epidemic, each patient is notified and each postponement is recorded, whereas one-by-one calls leave little trace.'
		},
		suggested: {
			magnitude: 2,
			confidence: 'medium',
			justification: {
				fr: 'Constat d’un médecin pendant la crise sanitaire ; utile mais limité aux périodes exceptionnelles.',
				en: 'Observed by a physician during the health crisis; useful but limited to exceptional periods.'
			}
		},
		kpi: {
			metric: {
				fr: 'Part des rendez-vous annulés par l’hôpital avec notification tracée',
				en: 'Share of hospital-cancelled appointments with a recorded notification'
			},
			baseline: {
				fr: 'Non tracé (appels téléphoniques)',
				en: 'Not recorded (phone calls)'
			},
			target: { fr: '100 %', en: '100 %' },
			source: { fr: 'Journal des notifications de la plateforme', en: 'Platform notification log' }
		}
	}
];
