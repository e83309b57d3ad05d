/**
 * Builds the decision gate's view of an assessment (lib/domain/decision/gate.ts) from its
 * stored content and its current opinions, so that the page, the action and the signing
 * transaction all judge the same facts.
 */
import type { Assessment } from './db/schema';
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
import { signaturesOf } from './record';
import type { Db } from './db';

/** The decision was refused by the gate; `blockers` lists every reason at once. */
export class DecisionGateError extends Error {
	constructor(public readonly blockers: Blocker[]) {
		super('decision_gate');
	}
}

function parsed<K extends keyof typeof stepSchemas>(content: AssessmentContent, key: K) {
	const result = stepSchemas[key].safeParse(content.steps[key].data);
	return result.success ? result.data : null;
}

/** The gate's content: steps re-validated (a step that no longer parses counts as empty). */
export function gateContentOf(
	content: AssessmentContent,
	opinions: GateContent['opinions']
): GateContent {
	const scenarios = parsed(content, 'scenarios');
	return {
		context: parsed(content, 'context'),
		principles: parsed(content, 'principles'),
		motifs: parsed(content, 'motifs'),
		risks: (parsed(content, 'risks')?.risks ?? []) as Risk[],
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

/** The working content and the opinions that still count on it. */
export function gateFactsOf(db: Db, assessment: Assessment): GateContent {
	const content = currentContent(db, assessment);
	const hash = contentHash(content);
	const opinions = signaturesOf(db, assessment.id, assessment.versionNumber)
		.filter((s) => s.kind !== 'decision' && isCurrent(s, hash))
		.map((s) => ({
			kind: s.kind,
			extraKey: s.extraKey,
			verdict: s.verdict,
			body: s.body,
			signerName: s.signerName
		}));
	return gateContentOf(content, opinions);
}

export function judge(db: Db, assessment: Assessment, decision: GateDecision): GateResult {
	return decisionGate(gateFactsOf(db, assessment), decision);
}
