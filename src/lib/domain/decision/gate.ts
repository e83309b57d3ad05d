/**
 * The decision gate: every reason why the director's decision cannot be signed as it
 * stands, all at once, each pointing to the page where it is fixed. Pure; the server
 * builds `GateContent` from the assessment's content and current opinions, and re-runs the
 * gate inside the signing transaction.
 */
import type { Context } from '../method/context';
import type { Motifs } from '../method/motifs';
import type { Principles } from '../method/principles';
import type { Risk } from '../method/risks';
import type { Outcome } from '../signoff';
import type { ComplianceAnswer, Explanation, ReservationAnswer } from './answers';
import { art36Triggers, levelOf, type Art36Trigger } from './art36';
import { complianceItems, type ComplianceItem } from './compliance';
import { contradictions, type Contradiction } from './contradictions';
import { evaluationProblems, riskMeasureProblems, type StepEvaluationFacts } from './measures';
import {
	reservationProblems,
	reservationsOf,
	type OpinionFacts,
	type Reservation
} from './reservations';
import { nonCompliantChoices, residualsUnder } from './scenario';

export interface GateContent {
	context: Context | null;
	principles: Principles | null;
	motifs: Motifs | null;
	risks: readonly Risk[];
	scenarios: readonly { id: string; name: string; selection: Record<string, string> }[];
	steps: readonly StepEvaluationFacts[];
	/** The organisation's matrix as signed in the content: `levels[severity-1][likelihood-1]`. */
	matrix: readonly (readonly number[])[];
	/** Current opinions only: a stale one is refused earlier by the workflow. */
	opinions: readonly OpinionFacts[];
}

export interface GateDecision {
	outcome: Outcome;
	scenarioId: string | null;
	compliance: readonly ComplianceAnswer[];
	reservations: readonly ReservationAnswer[];
	explanations: readonly Explanation[];
	conditionCount: number;
	today: string;
}

export interface Blocker {
	/** Message key suffix (`decision_blocker_<code>`). */
	code: string;
	/** Page of the assessment where it is fixed (`context`, `risks`, `decision`…). */
	page: string;
	/** What it is about: compliance item key, risk id, step key, reservation key… */
	ref: string;
	subject: string;
}

export interface ResidualView {
	id: string;
	title: string;
	severity: number;
	likelihood: number;
	level: number;
}

export interface GateResult {
	blockers: Blocker[];
	compliance: ComplianceItem[];
	art36: Art36Trigger[];
	contradictions: Contradiction[];
	reservations: Reservation[];
	/** Residual levels under the chosen scenario: those the decision accepts. */
	residuals: ResidualView[];
}

export const isApproval = (o: Outcome) => o === 'approve' || o === 'approve_with_conditions';

/** The compliance items "to fix" the director has not answered. */
export function openItems(items: readonly ComplianceItem[], answers: readonly ComplianceAnswer[]) {
	const answered = new Set(answers.map((a) => a.itemKey));
	return items.filter((i) => i.status === 'to_fix' && !answered.has(i.key));
}

export function decisionGate(content: GateContent, decision: GateDecision): GateResult {
	const blockers: Blocker[] = [];
	const approving = isApproval(decision.outcome);
	const judged = decision.outcome !== 'reject';
	const scenario = content.scenarios.find((s) => s.id === decision.scenarioId) ?? null;
	const selection = scenario?.selection ?? null;

	const residuals = residualsUnder(content.risks, selection).map((r) => ({
		...r,
		level: levelOf(content.matrix, r.severity, r.likelihood)
	}));

	const compliance = complianceItems(content.context, content.principles);
	const open = openItems(compliance, decision.compliance);
	const known = new Set(compliance.map((c) => c.key));
	if (approving)
		for (const c of open)
			blockers.push({ code: 'compliance_open', page: c.page, ref: c.key, subject: c.subject });
	for (const a of decision.compliance) {
		if (!known.has(a.itemKey))
			blockers.push({ code: 'compliance_unknown', page: 'decision', ref: a.itemKey, subject: '' });
		else if (a.answer === 'planned' && a.dueDate < decision.today)
			blockers.push({ code: 'compliance_due_past', page: 'decision', ref: a.itemKey, subject: '' });
	}

	// Measures justify an approval; a referral to the CNIL may go with measures still missing
	// (the art. 36(3)(c) file then says so), a rejection needs none.
	if (approving) {
		const measureFacts = content.risks.map((r, i) => ({
			id: r.id,
			title: r.title,
			initialLevel: levelOf(content.matrix, r.severity, r.likelihood),
			residualLevel: residuals[i]?.level ?? 0,
			loweredInStep: r.residualSeverity < r.severity || r.residualLikelihood < r.likelihood,
			measureCount: r.measures.length
		}));
		for (const p of riskMeasureProblems(measureFacts))
			blockers.push({ code: p.code, page: 'risks', ref: p.riskId, subject: p.title });
	}
	if (judged) {
		for (const p of evaluationProblems(content.steps))
			blockers.push({ code: p.code, page: p.step, ref: p.step, subject: '' });
	}

	if (approving && selection)
		for (const c of nonCompliantChoices(selection))
			blockers.push({
				code: 'scenario_non_compliant',
				page: 'scenarios',
				ref: `${c.group}.${c.choice}`,
				subject: scenario?.name ?? ''
			});

	const art36 = art36Triggers(residuals, content.matrix, open);
	if (approving)
		for (const t of art36)
			if (t.reason !== 'compliance_open')
				blockers.push({ code: `art36_${t.reason}`, page: 'risks', ref: t.ref, subject: t.subject });

	const found = selection
		? contradictions({
				selection,
				motifs: content.motifs,
				principles: content.principles,
				dpoOpinion: content.opinions.find((o) => o.kind === 'dpo') ?? null
			})
		: [];
	const explained = new Set(decision.explanations.filter((e) => e.text.trim()).map((e) => e.key));
	if (judged)
		for (const c of found)
			if (!explained.has(c.key))
				blockers.push({
					code: 'contradiction_unexplained',
					page: c.page,
					ref: c.key,
					subject: c.subject
				});

	const reservations = reservationsOf(content.opinions);
	if (judged)
		for (const p of reservationProblems(
			reservations,
			decision.reservations,
			decision.conditionCount
		))
			blockers.push({ code: p.code, page: 'decision', ref: p.key, subject: '' });

	return { blockers, compliance, art36, contradictions: found, reservations, residuals };
}
