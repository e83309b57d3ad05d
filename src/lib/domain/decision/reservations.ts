/**
 * The reservations of the opinions, each to be answered by the director. An opinion that is
 * not plainly favourable is one reservation; the director answers it with a condition of
 * the decision or with the written reason for not following it. The controller is not bound
 * by the DPO's advice, but documents why it departs from it (WP243 rev.01, Guidelines on
 * DPOs, section 4.2; WP248 rev.01, section III.C); the same record is kept for the security
 * officer, the data subjects' representatives (art. 35(9)) and any further opinion.
 */
import type { ReservationAnswer } from './answers';

export interface OpinionFacts {
	kind: string;
	extraKey: string | null;
	verdict: string | null;
	body: string;
	signerName: string;
}

export interface Reservation {
	key: string;
	kind: string;
	extraKey: string | null;
	verdict: string;
	body: string;
	signerName: string;
}

export function reservationKey(kind: string, extraKey: string | null): string {
	return extraKey ? `${kind}:${extraKey}` : kind;
}

/** Current opinions given with reservations or unfavourable (a waiver has no verdict). */
export function reservationsOf(opinions: readonly OpinionFacts[]): Reservation[] {
	return opinions
		.filter((o) => o.verdict === 'reservations' || o.verdict === 'unfavourable')
		.map((o) => ({
			key: reservationKey(o.kind, o.extraKey),
			kind: o.kind,
			extraKey: o.extraKey,
			verdict: o.verdict as string,
			body: o.body,
			signerName: o.signerName
		}));
}

export type ReservationProblem =
	'reservation_unanswered' | 'reservation_condition_without_conditions';

/**
 * Reservations left without an answer, and answers "by a condition" in a decision that has
 * no condition (only "approve with conditions" carries them).
 */
export function reservationProblems(
	reservations: readonly Reservation[],
	answers: readonly ReservationAnswer[],
	conditionCount: number
): { key: string; code: ReservationProblem }[] {
	const byKey = new Map(answers.map((a) => [a.key, a]));
	const out: { key: string; code: ReservationProblem }[] = [];
	for (const r of reservations) {
		const a = byKey.get(r.key);
		if (!a?.text.trim()) out.push({ key: r.key, code: 'reservation_unanswered' });
		else if (a.response === 'condition' && conditionCount === 0)
			out.push({ key: r.key, code: 'reservation_condition_without_conditions' });
	}
	return out;
}
