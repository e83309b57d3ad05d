import { EVALUATIONS, type Evaluation } from '../method/steps';
import { normaliseText, htmlToText } from './html-text';
import type { CnilEvaluation } from './cnil-pia-format';
import { stepOfReference, type ImportedStep } from './cnil-pia-mapping';
import { CNIL_STATUS_LABELS, formatSections, type Section } from './cnil-pia-sections';

export type StepEvaluationStatus = 'review_requested' | Evaluation;

export type PlannedEvaluations = Partial<
	Record<
		ImportedStep,
		{ status: StepEvaluationStatus; evaluationComment: string; actionPlanComment: string }
	>
>;

/**
 * One verdict per step: the worst item verdict, or "review requested" while an item is
 * still pending in the software. Every item's texts stay in labelled sections.
 */
export function planEvaluations(list: readonly CnilEvaluation[]): PlannedEvaluations {
	const out: PlannedEvaluations = {};
	for (const step of ['context', 'principles', 'risks'] as const) {
		const mine = list.filter((e) => stepOfReference(e.reference_to) === step);
		if (!mine.length) continue;
		const sections: Section[] = mine.map((e) => ({
			ref: e.reference_to,
			status: e.status,
			personInCharge: normaliseText(e.person_in_charge ?? '').replace(/\n/g, ' '),
			dueDate: normaliseText(e.estimated_implementation_date ?? '').replace(/\n/g, ' '),
			text: htmlToText(e.evaluation_comment)
		}));
		const plans = mine
			.map((e) => ({
				ref: e.reference_to,
				status: null,
				personInCharge: '',
				dueDate: '',
				text: htmlToText(e.action_plan_comment)
			}))
			.filter((s) => s.text !== '');
		const pending = mine.some((e) => e.status === 0);
		const worst = Math.min(...mine.map((e) => e.status).filter((s) => s > 0));
		out[step] = {
			status: pending || !Number.isFinite(worst) ? 'review_requested' : EVALUATIONS[worst - 1]!,
			evaluationComment: formatSections(sections, true),
			actionPlanComment: formatSections(plans, false)
		};
	}
	return out;
}

/** An evaluation with nowhere to go, as readable text: verdict, people, date, both comments. */
export function orphanEvaluationText(e: CnilEvaluation): string {
	const person = normaliseText(e.person_in_charge ?? '').replace(/\n/g, ' ');
	const due = normaliseText(e.estimated_implementation_date ?? '').replace(/\n/g, ' ');
	const head = [
		CNIL_STATUS_LABELS[e.status],
		person && `Responsable : ${person}`,
		due && `Échéance : ${due}`
	]
		.filter(Boolean)
		.join(' · ');
	const evaluation = htmlToText(e.evaluation_comment);
	const plan = htmlToText(e.action_plan_comment);
	return [`[${head}]`, evaluation, plan && `Plan d’action :\n${plan}`].filter(Boolean).join('\n');
}
