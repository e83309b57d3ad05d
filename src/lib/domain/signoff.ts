/**
 * Opinions and the director's decision: who signs what, which signatures still count,
 * and what a decision holds. Pure (no database), shared by the server, the pages and the
 * exports.
 */
import { z } from 'zod';
import { defineSchema } from './define-schema';
import type { Role } from './roles';
import type { OpinionStatus } from './workflow';
import {
	complianceAnswerSchema,
	explanationSchema,
	reservationAnswerSchema
} from './decision/answers';

export const OPINION_KINDS = [
	'dpo',
	'security',
	'data_subjects',
	'data_subjects_waiver',
	'extra'
] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export type SignatureKindName = OpinionKind | 'decision';

export const VERDICTS = ['favourable', 'reservations', 'unfavourable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const OUTCOMES = ['approve', 'approve_with_conditions', 'reject', 'refer_cnil'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Which role signs which kind. The kind is always derived from the signer's role on the
 * server, never taken from the form: a representative cannot sign as DPO.
 */
export const SIGNER_ROLE: Readonly<Record<Exclude<SignatureKindName, 'extra'>, Role>> = {
	dpo: 'dpo',
	security: 'security',
	data_subjects: 'representative',
	data_subjects_waiver: 'dpo',
	decision: 'director'
};

/** Who may give a further opinion (plain list: the settings page needs it without zod). */
export const EXTRA_OPINION_ROLES = [
	'dpo',
	'director',
	'security',
	'contributor',
	'representative'
] as const;

/** A further opinion an organisation asks for (e.g. the medical committee chair). */
export const extraOpinionSchema = defineSchema(() =>
	z.object({
		key: z
			.string()
			.trim()
			.regex(/^[a-z0-9_-]{1,40}$/),
		label: z.object({
			fr: z.string().trim().min(1).max(120),
			en: z.string().trim().min(1).max(120)
		}),
		role: z.enum(EXTRA_OPINION_ROLES),
		required: z.boolean()
	})
);
export type ExtraOpinion = z.infer<typeof extraOpinionSchema>;

/** The fields of a signature that decide whether it still counts. */
export interface SignatureFacts {
	kind: SignatureKindName;
	extraKey: string | null;
	contentHash: string;
	signedAt: string;
}

/**
 * A signature counts while the content it signed is still the content: same hash.
 * Anything else (an edit, an attachment, a finding closed) makes it stale.
 */
export function isCurrent(
	signature: Pick<SignatureFacts, 'contentHash'>,
	currentHash: string
): boolean {
	return signature.contentHash === currentHash;
}

/** The latest signature of one kind (and extra key), or undefined. */
export function latestOf<T extends SignatureFacts>(
	signatures: readonly T[],
	kind: SignatureKindName,
	extraKey: string | null = null
): T | undefined {
	let latest: T | undefined;
	for (const s of signatures) {
		if (s.kind !== kind || (s.extraKey ?? null) !== extraKey) continue;
		if (!latest || s.signedAt >= latest.signedAt) latest = s;
	}
	return latest;
}

function statusOf(s: SignatureFacts | undefined, currentHash: string): OpinionStatus {
	if (!s) return 'none';
	return isCurrent(s, currentHash) ? 'current' : 'stale';
}

/**
 * The opinion facts the workflow needs. The data subjects' view is satisfied by the
 * representative's view or by the DPO's recorded reason for not seeking it, whichever
 * is current (the most favourable of the two statuses counts).
 */
export function opinionFacts(
	signatures: readonly SignatureFacts[],
	currentHash: string,
	extras: readonly Pick<ExtraOpinion, 'key' | 'required'>[]
) {
	const rank: Record<OpinionStatus, number> = { none: 0, stale: 1, current: 2 };
	const view = statusOf(latestOf(signatures, 'data_subjects'), currentHash);
	const waiver = statusOf(latestOf(signatures, 'data_subjects_waiver'), currentHash);
	return {
		dpoOpinion: statusOf(latestOf(signatures, 'dpo'), currentHash),
		securityOpinion: statusOf(latestOf(signatures, 'security'), currentHash),
		dataSubjectsView: rank[view] >= rank[waiver] ? view : waiver,
		requiredExtraOpinions: extras
			.filter((e) => e.required)
			.map((e) => statusOf(latestOf(signatures, 'extra', e.key), currentHash))
	};
}

/** What the director's decision holds besides the outcome and its text. */
export const decisionDetailsSchema = defineSchema(() =>
	z.object({
		/** The chosen scenario (an id from the scenarios step), or null when none was modelled. */
		scenarioId: z.string().max(100).nullable(),
		acceptedRisks: z
			.array(
				z.object({
					riskId: z.string().min(1).max(100),
					rationale: z.string().trim().min(1).max(2000)
				})
			)
			.max(200),
		conditions: z
			.array(
				z.object({
					text: z.string().trim().min(1).max(2000),
					owner: z.string().trim().min(1).max(200),
					dueDate: z.iso.date()
				})
			)
			.max(100),
		/** When the analysis must be reviewed again (GDPR art. 35(11)). */
		reviewDate: z.iso.date(),
		/**
		 * The director's answers recorded with the decision (decision/gate.ts). Optional so that
		 * decisions signed before they existed still read; the gate requires them when needed.
		 */
		compliance: z.array(complianceAnswerSchema).max(300).optional(),
		reservationAnswers: z.array(reservationAnswerSchema).max(50).optional(),
		explanations: z.array(explanationSchema).max(300).optional()
	})
);
export type DecisionDetails = z.infer<typeof decisionDetailsSchema>;

/** A risk as the director sees it when deciding: its residual level (organisation matrix). */
export interface ResidualRiskFact {
	id: string;
	level: number;
}

export type DecisionProblemCode =
	| 'decision_scenario_required'
	| 'decision_unknown_scenario'
	| 'decision_unknown_risk'
	| 'decision_risk_not_accepted'
	| 'decision_conditions_required'
	| 'decision_conditions_need_outcome'
	| 'decision_date_past';

export interface DecisionProblem {
	/** The form path the problem belongs to (`acceptedRisks.<riskId>`, `reviewDate`…). */
	path: string;
	code: DecisionProblemCode;
}

/** From "Importante" up, a residual risk must be accepted knowingly, with a reason. */
export const ACCEPTANCE_LEVEL = 3;

/**
 * What makes a decision incomplete or incoherent, beyond the shape checked by the schema.
 * An approval must name the scenario approved (when scenarios were compared) and accept,
 * one by one with a reason, every residual risk at "Importante" or above; conditions belong
 * to "approve with conditions" only, and must exist there; dates cannot be in the past.
 */
export function decisionProblems(
	outcome: Outcome,
	details: DecisionDetails,
	facts: {
		residualRisks: readonly ResidualRiskFact[];
		scenarioIds: readonly string[];
		today: string;
	}
): DecisionProblem[] {
	const problems: DecisionProblem[] = [];
	const approving = outcome === 'approve' || outcome === 'approve_with_conditions';
	if (details.scenarioId === null) {
		if (approving && facts.scenarioIds.length > 0)
			problems.push({ path: 'scenarioId', code: 'decision_scenario_required' });
	} else if (!facts.scenarioIds.includes(details.scenarioId)) {
		problems.push({ path: 'scenarioId', code: 'decision_unknown_scenario' });
	}
	const known = new Set(facts.residualRisks.map((r) => r.id));
	const accepted = new Set(details.acceptedRisks.map((a) => a.riskId));
	for (const a of details.acceptedRisks) {
		if (!known.has(a.riskId))
			problems.push({ path: `acceptedRisks.${a.riskId}`, code: 'decision_unknown_risk' });
	}
	if (approving) {
		for (const r of facts.residualRisks) {
			if (r.level >= ACCEPTANCE_LEVEL && !accepted.has(r.id))
				problems.push({ path: `acceptedRisks.${r.id}`, code: 'decision_risk_not_accepted' });
		}
	}
	if (outcome === 'approve_with_conditions' && details.conditions.length === 0)
		problems.push({ path: 'conditions', code: 'decision_conditions_required' });
	if (outcome !== 'approve_with_conditions' && details.conditions.length > 0)
		problems.push({ path: 'conditions', code: 'decision_conditions_need_outcome' });
	details.conditions.forEach((c, i) => {
		if (c.dueDate < facts.today)
			problems.push({ path: `conditions.${i}.dueDate`, code: 'decision_date_past' });
	});
	if (details.reviewDate <= facts.today)
		problems.push({ path: 'reviewDate', code: 'decision_date_past' });
	return problems;
}
