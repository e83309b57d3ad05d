/**
 * Contradictions between the chosen scenario and the other steps. The decision approves one
 * coherent processing: the scenario's option choices must match what the steps describe
 * (GDPR art. 35(7)(a): "a systematic description of the envisaged processing"). Each one is
 * resolved by editing the step, or kept with the director's written explanation.
 */
import type { Motifs } from '../method/motifs';
import type { Principles } from '../method/principles';

export type ContradictionCode =
	'sensitive_motif_online' | 'reminder_wording_against_dpo' | 'information_without_notice';

export interface Contradiction {
	/** Stable key the director's explanation cites. */
	key: string;
	code: ContradictionCode;
	/** The step page where it is resolved. */
	page: 'motifs' | 'opinions' | 'principles';
	subject: string;
}

/** Words by which a DPO's reservation speaks of reminders (French and English). */
const REMINDER_WORDS = /\b(rappels?|sms|reminders?)\b/i;

export function contradictions(input: {
	selection: Readonly<Record<string, string>>;
	motifs: Motifs | null | undefined;
	principles: Principles | null | undefined;
	/** The DPO's current opinion, if any. */
	dpoOpinion: { verdict: string | null; body: string } | null;
}): Contradiction[] {
	const out: Contradiction[] = [];
	const { selection } = input;
	if (selection.sensitive_reasons === 'kept_with_secretaries') {
		for (const m of input.motifs?.rows ?? []) {
			if (m.flags.length > 0 && m.decision === 'online')
				out.push({
					key: `motif:${m.id}`,
					code: 'sensitive_motif_online',
					page: 'motifs',
					subject: `${m.service} — ${m.reason}`
				});
		}
	}
	const dpo = input.dpoOpinion;
	if (
		selection.reminder_wording === 'detailed' &&
		dpo &&
		dpo.verdict !== 'favourable' &&
		REMINDER_WORDS.test(dpo.body)
	)
		out.push({
			key: 'reminder_wording',
			code: 'reminder_wording_against_dpo',
			page: 'opinions',
			subject: ''
		});
	if (selection.patient_information === 'campaign' && !input.principles?.rights.information.trim())
		out.push({
			key: 'information_notice',
			code: 'information_without_notice',
			page: 'principles',
			subject: ''
		});
	return out;
}
