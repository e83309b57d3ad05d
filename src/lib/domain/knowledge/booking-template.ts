import type { Context } from '../method/context';
import type { Motifs } from '../method/motifs';
import { suggestedBenefits, type Benefits } from '../method/benefits';
import { suggestedRisks, type Risks } from '../method/risks';
import type { Principles } from '../method/principles';
import type { Scenarios } from '../method/scenarios';
import type { Screening } from '../method/screening';
import { bookingContext } from './booking-template-context';
import { bookingMotifs } from './booking-template-motifs';
import { bookingPrinciples } from './booking-template-principles';
import { translator, type Localized, type Locale } from './localized';
import { REFERENCE_SELECTION } from './risks/scenario-options';

export const BOOKING_TEMPLATE_ID = 'online-booking-rollout';

export const BOOKING_TEMPLATE_NAME: Localized = {
	fr: 'Déploiement de la prise de rendez-vous en ligne',
	en: 'Online appointment booking rollout'
};

export type BookingTemplate = {
	title: string;
	description: string;
	steps: {
		screening: Screening;
		context: Context;
		principles: Principles;
		motifs: Motifs;
		risks: Risks;
		benefits: Benefits;
		scenarios: Scenarios;
	};
};

function bookingScreening(locale: Locale): Screening {
	const t = translator(locale);
	return {
		criteria: ['sensitive_data', 'large_scale', 'matching_datasets', 'vulnerable_subjects'],
		cnilListItem: true,
		justification: t(
			'Un rendez-vous avec un spécialiste hospitalier est une donnée de santé ; le service concerne toute la file active des consultations externes ; les réservations sont rapprochées du dossier administratif (IPP) ; les patients comprennent des mineurs, des femmes enceintes et des personnes âgées. Le traitement relève en outre de la liste CNIL des traitements soumis à AIPD.',
			'An appointment with a hospital specialist is health data; the service covers the whole outpatient population; bookings are matched with the administrative file (IPP); patients include minors, pregnant women and elderly people. The processing is also on the CNIL list of processing requiring a DPIA.'
		)
	};
}

/**
 * Scenarios to compare: the vendor's offer (two years of history, detailed SMS reminders)
 * against the minimal one the hospitals' analysis argues for (no import, neutral SMS), and
 * that one with the sensitive reasons kept off the platform, as the motifs step decides.
 */
function bookingScenarios(locale: Locale): Scenarios {
	const t = translator(locale);
	return {
		scenarios: [
			{
				id: 'import-2y-sms',
				name: t('Import 2 ans + SMS', '2-year import + SMS'),
				selection: {
					...REFERENCE_SELECTION,
					historical_import: 'two_years',
					reminder_channel: 'sms',
					reminder_wording: 'detailed'
				},
				notes: t(
					'Offre du prestataire : deux ans d’historique repris, rappels SMS détaillés (service, praticien, date, lieu).',
					'Vendor’s offer: two years of history imported, detailed SMS reminders (department, practitioner, date, place).'
				)
			},
			{
				id: 'no-import-neutral-sms',
				name: t('Sans import + SMS neutre', 'No import + neutral SMS'),
				selection: {
					...REFERENCE_SELECTION,
					historical_import: 'none',
					reminder_channel: 'sms',
					reminder_wording: 'neutral'
				},
				notes: t(
					'Aucun historique transmis ; rappels SMS limités à la date, l’heure et le site.',
					'No history sent; SMS reminders limited to date, time and site.'
				)
			},
			{
				// What the motifs step already decides: sensitive reasons stay off the platform.
				id: 'no-import-neutral-sms-sensitive-offline',
				name: t(
					'Sans import + SMS neutre + motifs sensibles au secrétariat',
					'No import + neutral SMS + sensitive reasons kept with the secretaries'
				),
				selection: {
					...REFERENCE_SELECTION,
					historical_import: 'none',
					reminder_channel: 'sms',
					reminder_wording: 'neutral',
					sensitive_reasons: 'kept_with_secretaries'
				},
				notes: t(
					'Comme le précédent, et les motifs sensibles (IVG, cancérologie, protection de l’enfance, psychiatrie, premières consultations à trier) restent pris par téléphone, sans rappel automatique.',
					'As the previous one, and the sensitive reasons (abortion, oncology, child protection, psychiatry, first visits needing triage) are still booked by phone, with no automatic reminder.'
				)
			}
		]
	};
}

/**
 * The built-in template: a complete, schema-valid draft of the content steps, written from
 * what the hospitals that rolled out online booking learnt. It is a starting point for the
 * DPO, never an answer: unverified claims are marked "to be confirmed" and the contract
 * checklist is left unticked.
 */
export function bookingTemplate(locale: Locale): BookingTemplate {
	const t = translator(locale);
	return {
		title: t(
			'Prise de rendez-vous en ligne — services pilotes gynécologie-obstétrique et pédiatrie',
			'Online appointment booking — pilot services obstetrics-gynaecology and paediatrics'
		),
		description: t(
			'Analyse d’impact du déploiement d’un service de prise de rendez-vous en ligne confié à un éditeur externe, d’abord dans les services pilotes, avant extension aux autres consultations externes.',
			'Impact assessment of rolling out an online booking service run by an external vendor, first in the pilot services, before extending it to other outpatient consultations.'
		),
		steps: {
			screening: bookingScreening(locale),
			context: bookingContext(locale),
			principles: bookingPrinciples(locale),
			motifs: bookingMotifs(locale),
			risks: suggestedRisks(locale),
			benefits: suggestedBenefits(locale),
			scenarios: bookingScenarios(locale)
		}
	};
}
