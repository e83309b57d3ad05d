import type { FieldError } from '$lib/i18n/field-errors';
import type {
	ComplianceAnswer,
	Explanation,
	ReservationAnswer
} from '$lib/domain/decision/answers';

/** The director's answers: per compliance item, per reservation, per contradiction. */
export const ANSWER_FIELD =
	/^(compliance\.(.+)\.(answer|text|owner|dueDate)|reservation\.(.+)\.(response|text)|explain\.(.+))$/;

/**
 * Reads the answers typed on the decision page. An item left without a choice is no answer
 * (the gate then names it as open); a choice without its text is an error on that field.
 */
export function parseAnswers(form: FormData) {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.trim() : '';
	};
	const errors: Record<string, FieldError> = {};
	const compliance: ComplianceAnswer[] = [];
	const reservationAnswers: ReservationAnswer[] = [];
	const explanations: Explanation[] = [];
	const seen = new Set<string>();
	for (const key of form.keys()) {
		const m = ANSWER_FIELD.exec(key);
		if (!m) continue;
		if (m[2] !== undefined && !seen.has(`c:${m[2]}`)) {
			seen.add(`c:${m[2]}`);
			const p = `compliance.${m[2]}`;
			const answer = text(`${p}.answer`);
			if (answer !== 'planned' && answer !== 'not_applicable') continue;
			const row = {
				itemKey: m[2],
				answer,
				text: text(`${p}.text`),
				owner: answer === 'planned' ? text(`${p}.owner`) : '',
				dueDate: answer === 'planned' ? text(`${p}.dueDate`) : ''
			} as const;
			if (!row.text) errors[`${p}.text`] = { code: 'required' };
			if (answer === 'planned') {
				if (!row.owner) errors[`${p}.owner`] = { code: 'required' };
				if (!/^\d{4}-\d{2}-\d{2}$/.test(row.dueDate)) errors[`${p}.dueDate`] = { code: 'required' };
			}
			compliance.push(row);
		} else if (m[4] !== undefined && !seen.has(`r:${m[4]}`)) {
			seen.add(`r:${m[4]}`);
			const p = `reservation.${m[4]}`;
			const response = text(`${p}.response`);
			const body = text(`${p}.text`);
			if (response !== 'condition' && response !== 'reason') {
				if (body) errors[`${p}.response`] = { code: 'required' };
				continue;
			}
			if (!body) errors[`${p}.text`] = { code: 'required' };
			reservationAnswers.push({ key: m[4], response, text: body });
		} else if (m[6] !== undefined && !seen.has(`e:${m[6]}`)) {
			seen.add(`e:${m[6]}`);
			const body = text(`explain.${m[6]}`);
			if (body) explanations.push({ key: m[6], text: body });
		}
	}
	return { errors, compliance, reservationAnswers, explanations };
}
