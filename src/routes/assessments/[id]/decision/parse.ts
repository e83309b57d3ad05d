import { z } from 'zod';
import {
	decisionDetailsSchema,
	OUTCOMES,
	type DecisionDetails,
	type Outcome
} from '$lib/domain/signoff';
import type { FieldError } from '$lib/i18n/field-errors';
import { fieldErrors } from '$lib/server/http/forms';
import { ANSWER_FIELD, parseAnswers } from './parse-answers';

/** The decision form's own fields; anything else is refused (see sign-form.ts). */
const FIELD =
	/^(outcome|scenarioId|body|reviewDate|accept\.[^.]+|rationale\.[^.]+|conditions\.\d{1,3}\.(text|owner|dueDate))$/;

export function isDecisionField(name: string): boolean {
	return FIELD.test(name) || ANSWER_FIELD.test(name);
}

const headSchema = z.object({
	outcome: z.enum(OUTCOMES),
	body: z.string().trim().min(1).max(10000)
});

export type ParsedDecision =
	| {
			ok: true;
			outcome: Outcome;
			body: string;
			details: DecisionDetails;
			/** Form path of a problem found on the parsed details (rows may have been dropped). */
			formPath: (path: string) => string;
	  }
	| { ok: false; errors: Record<string, FieldError> };

/**
 * Reads the director's form: one checkbox and one reason per risk accepted, condition rows
 * (blank rows dropped, half-filled rows reported field by field), then the shared schema.
 */
export function parseDecision(form: FormData): ParsedDecision {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v : '';
	};
	const errors: Record<string, FieldError> = {};
	const head = headSchema.safeParse({
		outcome: form.get('outcome') ?? undefined,
		body: text('body')
	});
	if (!head.success) Object.assign(errors, fieldErrors(head.error.issues));

	const acceptedRisks: { riskId: string; rationale: string }[] = [];
	for (const key of new Set(form.keys())) {
		if (!key.startsWith('accept.')) continue;
		const riskId = key.slice('accept.'.length);
		const rationale = text(`rationale.${riskId}`).trim();
		if (!rationale) errors[`rationale.${riskId}`] = { code: 'decision_rationale_required' };
		acceptedRisks.push({ riskId, rationale });
	}

	const rows = new Set<number>();
	for (const key of form.keys()) {
		const m = /^conditions\.(\d+)\./.exec(key);
		if (m) rows.add(Number(m[1]));
	}
	const conditions: { text: string; owner: string; dueDate: string }[] = [];
	const conditionRow: number[] = [];
	for (const i of [...rows].sort((a, b) => a - b)) {
		const row = {
			text: text(`conditions.${i}.text`).trim(),
			owner: text(`conditions.${i}.owner`).trim(),
			dueDate: text(`conditions.${i}.dueDate`).trim()
		};
		if (!row.text && !row.owner && !row.dueDate) continue;
		for (const [field, value] of Object.entries(row))
			if (!value) errors[`conditions.${i}.${field}`] = { code: 'required' };
		conditions.push(row);
		conditionRow.push(i);
	}
	const scenarioId = text('scenarioId') || null;
	const answers = parseAnswers(form);
	Object.assign(errors, answers.errors);
	const details = decisionDetailsSchema.safeParse({
		scenarioId,
		acceptedRisks,
		conditions,
		reviewDate: text('reviewDate'),
		compliance: answers.compliance,
		reservationAnswers: answers.reservationAnswers,
		explanations: answers.explanations
	});
	const formPath = (path: string) =>
		path
			.replace(/^conditions\.(\d+)\./, (_, k: string) => `conditions.${conditionRow[Number(k)]}.`)
			.replace(
				/^acceptedRisks\.(\d+)\.rationale$/,
				(_, k: string) => `rationale.${acceptedRisks[Number(k)]?.riskId}`
			)
			.replace(
				/^compliance\.(\d+)\./,
				(_, k: string) => `compliance.${answers.compliance[Number(k)]?.itemKey}.`
			)
			.replace(
				/^reservationAnswers\.(\d+)\./,
				(_, k: string) => `reservation.${answers.reservationAnswers[Number(k)]?.key}.`
			)
			.replace(
				/^explanations\.(\d+)\.text$/,
				(_, k: string) => `explain.${answers.explanations[Number(k)]?.key}`
			);
	if (!details.success) {
		for (const [path, error] of Object.entries(fieldErrors(details.error.issues))) {
			errors[formPath(path)] ??= error;
		}
	}
	if (Object.keys(errors).length || !head.success || !details.success) return { ok: false, errors };
	return {
		ok: true,
		outcome: head.data.outcome,
		body: head.data.body,
		details: details.data,
		formPath
	};
}
