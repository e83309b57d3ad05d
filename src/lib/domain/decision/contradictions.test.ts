import { describe, expect, it } from 'vitest';
import { bookingTemplate } from '../knowledge/booking-template';
import { stepSchemas } from '../method';
import { contradictions } from './contradictions';
import { reservationProblems, reservationsOf } from './reservations';

const t = bookingTemplate('fr').steps;
const motifs = stepSchemas.motifs.parse(t.motifs);
const principles = stepSchemas.principles.parse(t.principles);

describe('contradictions between the chosen scenario and the steps', () => {
	it('finds a sensitive motif online when the scenario keeps them with the secretaries', () => {
		const edited = structuredClone(motifs);
		const sensitive = edited.rows.find((r) => r.flags.length > 0)!;
		sensitive.decision = 'online';
		const found = contradictions({
			selection: { sensitive_reasons: 'kept_with_secretaries' },
			motifs: edited,
			principles,
			dpoOpinion: null
		});
		expect(found).toEqual([
			expect.objectContaining({
				key: `motif:${sensitive.id}`,
				code: 'sensitive_motif_online',
				page: 'motifs'
			})
		]);
		// The template keeps every sensitive motif offline: nothing to explain.
		expect(
			contradictions({
				selection: { sensitive_reasons: 'kept_with_secretaries' },
				motifs,
				principles,
				dpoOpinion: null
			})
		).toEqual([]);
	});

	it('finds detailed reminders chosen against a DPO reservation on reminders', () => {
		const dpoOpinion = { verdict: 'reservations', body: 'Rappels SMS au libellé neutre.' };
		const detailed = contradictions({
			selection: { reminder_wording: 'detailed' },
			motifs,
			principles,
			dpoOpinion
		});
		expect(detailed.map((c) => c.code)).toEqual(['reminder_wording_against_dpo']);
		expect(
			contradictions({ selection: { reminder_wording: 'neutral' }, motifs, principles, dpoOpinion })
		).toEqual([]);
		expect(
			contradictions({
				selection: { reminder_wording: 'detailed' },
				motifs,
				principles,
				dpoOpinion: { ...dpoOpinion, verdict: 'favourable' }
			})
		).toEqual([]);
	});

	it('finds an information campaign chosen while the steps say nothing of the notice', () => {
		const silent = { ...principles, rights: { ...principles.rights, information: '' } };
		const found = contradictions({
			selection: { patient_information: 'campaign' },
			motifs,
			principles: silent,
			dpoOpinion: null
		});
		expect(found.map((c) => [c.code, c.page])).toEqual([
			['information_without_notice', 'principles']
		]);
	});
});

describe('reservations of the opinions', () => {
	const opinions = [
		{ kind: 'dpo', extraKey: null, verdict: 'reservations', body: 'Neutre', signerName: 'DPO' },
		{ kind: 'security', extraKey: null, verdict: 'favourable', body: 'OK', signerName: 'RSSI' },
		{ kind: 'extra', extraKey: 'cme', verdict: 'unfavourable', body: 'Non', signerName: 'PCME' },
		{
			kind: 'data_subjects_waiver',
			extraKey: null,
			verdict: null,
			body: 'Non sollicité',
			signerName: 'DPO'
		}
	];

	it('lists every opinion with reservations or unfavourable, and only those', () => {
		expect(reservationsOf(opinions).map((r) => r.key)).toEqual(['dpo', 'extra:cme']);
	});

	it('requires an answer to each, and conditions when answered by a condition', () => {
		const reservations = reservationsOf(opinions);
		expect(reservationProblems(reservations, [], 0)).toEqual([
			{ key: 'dpo', code: 'reservation_unanswered' },
			{ key: 'extra:cme', code: 'reservation_unanswered' }
		]);
		const answers = [
			{ key: 'dpo', response: 'condition' as const, text: 'Condition 1' },
			{
				key: 'extra:cme',
				response: 'reason' as const,
				text: 'Le comité a été entendu ; motifs écrits.'
			}
		];
		expect(reservationProblems(reservations, answers, 0)).toEqual([
			{ key: 'dpo', code: 'reservation_condition_without_conditions' }
		]);
		expect(reservationProblems(reservations, answers, 1)).toEqual([]);
	});
});
