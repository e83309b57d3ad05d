/**
 * Builds the decision gate's view of an assessment (lib/domain/decision/gate.ts) from its
 * stored content and its current opinions, so that the page, the action and the signing
 * transaction all judge the same facts.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { signatures, type Assessment } from './db/schema';
import { cnilDeadlines } from '$lib/domain/decision/art36';
import { stepSchemas } from '$lib/domain/method';
import type { Risk } from '$lib/domain/method/risks';
import { isCurrent } from '$lib/domain/signoff';
import {
	decisionGate,
	type Blocker,
	type GateContent,
	type GateDecision,
	type GateResult
} from '$lib/domain/decision/gate';
import { contentHash, currentContent, CONTENT_STEPS, type AssessmentContent } from './content';
import { signaturesOf, type AssessmentRecord } from './record';
import type { Db } from './db';
import { prepared } from './db/prepared';

/** The decision was refused by the gate; `blockers` lists every reason at once. */
export class DecisionGateError extends Error {
	constructor(public readonly blockers: Blocker[]) {
		super('decision_gate');
	}
}

function parsed<T>(
	schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
	data: unknown
): T | null {
	const result = schema.safeParse(data);
	return result.success ? result.data : null;
}

/** The gate's content: steps re-validated (a step that no longer parses counts as empty). */
export function gateContentOf(
	content: AssessmentContent,
	opinions: GateContent['opinions']
): GateContent {
	const step = (key: keyof AssessmentContent['steps']) => content.steps[key].data;
	const scenarios = parsed(stepSchemas.scenarios, step('scenarios'));
	return {
		context: parsed(stepSchemas.context, step('context')),
		principles: parsed(stepSchemas.principles, step('principles')),
		motifs: parsed(stepSchemas.motifs, step('motifs')),
		risks: (parsed(stepSchemas.risks, step('risks'))?.risks ?? []) as Risk[],
		scenarios: (scenarios?.scenarios ?? []).map((s) => ({
			id: s.id,
			name: s.name,
			selection: s.selection
		})),
		steps: CONTENT_STEPS.map((key) => ({
			key,
			status: content.steps[key].status,
			actionPlanComment: content.steps[key].actionPlanComment
		})),
		matrix: content.riskMatrix,
		opinions
	};
}

type Opinion = GateContent['opinions'][number];

/** The opinions among `signed` (the decision left out) that still count, as the gate reads them. */
export function countingOpinions<S extends Opinion & { kind: string }>(
	signed: readonly S[],
	counts: (s: S) => boolean
): Opinion[] {
	return signed
		.filter((s) => s.kind !== 'decision' && counts(s))
		.map((s) => ({
			kind: s.kind,
			extraKey: s.extraKey,
			verdict: s.verdict,
			body: s.body,
			signerName: s.signerName
		}));
}

/** The working content and the opinions that still count on it. */
export function gateFactsOf(db: Db, assessment: Assessment): GateContent {
	const content = currentContent(db, assessment);
	const hash = contentHash(content);
	const signed = signaturesOf(db, assessment.id, assessment.versionNumber);
	return gateContentOf(
		content,
		countingOpinions(signed, (s) => isCurrent(s, hash))
	);
}

/** The gate's facts as a loaded record holds them (its opinions marked current or not). */
export function recordGateContent(record: AssessmentRecord): GateContent {
	return gateContentOf(
		record.content,
		countingOpinions(record.signatures, (s) => s.current)
	);
}

/**
 * The gate's verdict on an approval of `scenarioId` (or of no scenario) before the director
 * has answered anything: what the decision page and the overview show ahead of signing.
 */
export function unansweredApproval(
	gate: GateContent,
	today: string,
	scenarioId: string | null = null
): GateResult {
	return decisionGate(gate, {
		outcome: 'approve',
		scenarioId,
		compliance: [],
		reservations: [],
		explanations: [],
		conditionCount: 0,
		today
	});
}

export function judge(db: Db, assessment: Assessment, decision: GateDecision): GateResult {
	return decisionGate(gateFactsOf(db, assessment), decision);
}

/**
 * The CNIL's answer dates when the latest decision on this assessment (any version) referred
 * it to the CNIL (art. 36(2)); counted from the decision day, when the file is sent.
 */
// Read by every overview: built once.
const latestDecision = prepared((db) =>
	db
		.select({ verdict: signatures.verdict, signedAt: signatures.signedAt })
		.from(signatures)
		.where(and(eq(signatures.assessmentId, sql.placeholder('id')), eq(signatures.kind, 'decision')))
		.orderBy(desc(signatures.signedAt))
		.limit(1)
		.prepare()
);

export function cnilReferralOf(db: Db, assessmentId: string) {
	const latest = latestDecision(db).get({ id: assessmentId });
	if (latest?.verdict !== 'refer_cnil') return null;
	const sent = latest.signedAt.slice(0, 10);
	const { answerDue, extendedDue } = cnilDeadlines(sent);
	return { sent, due: answerDue, extended: extendedDue };
}
