/**
 * Benefits felt first by the hospital: staff time, activity, image, steering. Some were
 * promised by the vendor and not delivered elsewhere, hence the low confidence given to them.
 */
import type { BenefitEntry } from './types';

export const ORGANISATION_BENEFITS: BenefitEntry[] = [
	{
		key: 'secretaries_freed',
		title: {
			fr: 'Secrétaires médicales libérées du téléphone',
			en: 'Medical secretaries freed from the phone'
		},
		description: {
			fr: 'Les assistantes médico-administratives décrochent mal faute de temps (en pédiatrie, des parents rappellent jusqu’à cent fois par jour). Moins d’appels de réservation, c’est plus de temps pour l’accueil et pour les patients qui ne réservent pas en ligne.',
			en: 'Medical secretaries struggle to answer for lack of time (in paediatrics, parents call up to a hundred times a day). Fewer booking calls means more time for reception and for patients who do not book online.'
		},
		suggested: {
			magnitude: 3,
			confidence: 'medium',
			justification: {
				fr: 'Saturation des secrétariats constatée par tous, mais aucun chiffre de décroché n’existe avant le projet.',
				en: 'Everyone sees saturated secretariats, but no pick-up figures exist before the project.'
			}
		},
		kpi: {
			metric: { fr: 'Taux de décroché des appels', en: 'Phone pick-up rate' },
			baseline: {
				fr: 'Inconnu : à relever sur la téléphonie avant ouverture',
				en: 'Unknown: to be taken from the phone system before go-live'
			},
			target: { fr: 'Au moins 80 % des appels décrochés', en: 'At least 80 % of calls answered' },
			source: { fr: 'Statistiques de l’autocommutateur', en: 'Phone switch statistics' }
		}
	},
	{
		key: 'activity_revenue',
		title: { fr: 'Activité et recettes', en: 'Activity and revenue' },
		description: {
			fr: 'Un accès plus simple peut attirer des patients qui consultent ailleurs : l’hôpital de référence n’accueillait que 4,1 % des habitants de sa zone d’attractivité, et 5,9 % des femmes pour le suivi obstétrical.',
			en: 'Easier access may attract patients who go elsewhere: the reference hospital saw only 4.1 % of the residents of its catchment area, and 5.9 % of women for pregnancy follow-up.'
		},
		suggested: {
			magnitude: 2,
			confidence: 'low',
			justification: {
				fr: 'Hausse de la demande plausible mais non démontrée ; la capacité de consultation reste le facteur limitant.',
				en: 'A rise in demand is plausible but unproven; consultation capacity remains the limiting factor.'
			}
		},
		kpi: {
			metric: {
				fr: 'Part de la zone d’attractivité ayant recours à l’hôpital',
				en: 'Share of the catchment area using the hospital'
			},
			baseline: { fr: '4,1 % (2019)', en: '4.1 % (2019)' },
			target: { fr: 'À fixer par la direction', en: 'To be set by management' },
			source: { fr: 'Données PMSI de l’ATIH', en: 'ATIH hospital activity data (PMSI)' }
		}
	},
	{
		key: 'visibility',
		title: {
			fr: 'Visibilité et image modernisée',
			en: 'Visibility and a modern image'
		},
		description: {
			fr: 'Dans un territoire concurrentiel, figurer sur la plateforme de réservation que les patients consultent déjà rend l’offre de consultations de l’hôpital visible.',
			en: 'In a competitive area, being listed on the booking platform patients already use makes the hospital’s consultation offer visible.'
		},
		suggested: {
			magnitude: 2,
			confidence: 'medium',
			justification: {
				fr: 'Effet rapporté par les hôpitaux déjà équipés, difficile à mesurer directement.',
				en: 'Effect reported by hospitals already equipped, hard to measure directly.'
			}
		}
	},
	{
		key: 'management_visibility',
		title: {
			fr: 'Pilotage de l’organisation des consultations',
			en: 'Insight into how consultations are organised'
		},
		description: {
			fr: 'Le paramétrage des agendas met au jour des organisations peu efficientes : avec des créneaux de 45 minutes sur une amplitude de 6 heures, un praticien reçoit au plus 8 patients par jour ; l’exemple rapporté n’en compte que 5, soit 2 h 15 de l’amplitude sans consultation. Les indicateurs d’activité nourrissent le dialogue avec les praticiens.',
			en: 'Setting up the agendas brings inefficient patterns to light: with 45-minute slots over a 6-hour day, a practitioner sees at most 8 patients; the reported example counts only 5, leaving 2 h 15 of the day without consultations. Activity indicators feed the dialogue with practitioners.'
		},
		suggested: {
			magnitude: 2,
			confidence: 'low',
			justification: {
				fr: 'Les statistiques promises par le prestataire n’ont souvent pas été livrées ; le bénéfice tient surtout au travail de paramétrage.',
				en: 'The statistics promised by the vendor were often not delivered; the benefit comes mostly from the set-up work itself.'
			}
		},
		kpi: {
			metric: {
				fr: 'Rapport mensuel d’activité par agenda disponible',
				en: 'Monthly activity report per agenda available'
			},
			baseline: { fr: 'Aucun rapport', en: 'No report' },
			target: { fr: 'Un rapport par mois', en: 'One report a month' },
			source: {
				fr: 'Statistiques du prestataire et du SIH',
				en: 'Vendor and hospital system statistics'
			}
		}
	}
];
