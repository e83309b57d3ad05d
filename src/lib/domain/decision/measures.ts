/**
 * Measures and evaluations are part of the record: a residual score below the initial one
 * is justified by the measures that lower it (GDPR art. 35(7)(d): "the measures envisaged to
 * address the risks"), and every method step is evaluated before the decision is asked for,
 * as in the CNIL PIA tool ("acceptable", or "improvable" with the action to plan).
 */
import { EVALUATED_STEPS } from '../method/steps';

export interface RiskMeasureFacts {
	id: string;
	title: string;
	initialLevel: number;
	/** Residual level under the scenario being judged (chosen one, or the step's own). */
	residualLevel: number;
	/** Whether the step's residual score is below the initial one (severity or likelihood). */
	loweredInStep: boolean;
	measureCount: number;
}

export type MeasureProblem = 'risk_lowered_without_measure' | 'risk_without_measure';

export function riskMeasureProblems(
	risks: readonly RiskMeasureFacts[]
): { riskId: string; title: string; code: MeasureProblem }[] {
	const out: { riskId: string; title: string; code: MeasureProblem }[] = [];
	for (const r of risks) {
		if (r.measureCount > 0) continue;
		if (r.loweredInStep)
			out.push({ riskId: r.id, title: r.title, code: 'risk_lowered_without_measure' });
		else if (r.residualLevel > 1 || r.initialLevel > 1)
			out.push({ riskId: r.id, title: r.title, code: 'risk_without_measure' });
	}
	return out;
}

export interface StepEvaluationFacts {
	key: string;
	status: string;
	actionPlanComment: string | null;
}

export type EvaluationProblem = 'step_not_evaluated' | 'step_action_missing';

/** Steps not yet "acceptable", or "improvable" without the action it calls for. */
export function evaluationProblems(
	steps: readonly StepEvaluationFacts[]
): { step: string; code: EvaluationProblem }[] {
	const byKey = new Map(steps.map((s) => [s.key, s]));
	const out: { step: string; code: EvaluationProblem }[] = [];
	for (const key of EVALUATED_STEPS) {
		const s = byKey.get(key);
		if (s?.status === 'acceptable') continue;
		if (s?.status === 'improvable') {
			if (!s.actionPlanComment?.trim()) out.push({ step: key, code: 'step_action_missing' });
			continue;
		}
		out.push({ step: key, code: 'step_not_evaluated' });
	}
	return out;
}
