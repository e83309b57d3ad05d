import { eq } from 'drizzle-orm';
import { transition } from '$lib/domain/workflow';
import { riskLevel, type MatrixThresholds, type Scale } from '$lib/domain/scoring';
import {
	isCurrent,
	latestOf,
	SIGNER_ROLE,
	type DecisionDetails,
	type OpinionKind,
	type Outcome,
	type ResidualRiskFact,
	type Verdict
} from '$lib/domain/signoff';
import type { Role } from '$lib/domain/roles';
import { signatureState, versionState } from '$lib/domain/audit-state';
import {
	assessments,
	assessmentVersions,
	signatures,
	type SignAuthMethod,
	type Signature
} from './db/schema';
import { contentHash, currentContent, type AssessmentContent } from './content';
import { getOrgSettings, type OrgSettings } from './org-settings';
import { signaturesOf } from './record';
import { decisionBlocker, factsOf, WorkflowRefusalError } from './workflow';
import { DecisionGateError, judge } from './decision-gate';
import { mutate, type Actor } from './audit';
import { newId } from './ids';
import { authorshipFor, AuthorshipReasonRequired } from './authorship';
import type { Db } from './db';
import { notify } from './notify/outbox';

export interface Signer {
	id: string;
	name: string;
	role: Role;
	/** How the signer proved it was them (recorded with the signature and in its audit state). */
	authMethod?: SignAuthMethod;
}

/** Refused because this role may not sign this kind of opinion (a 403, not a 409). */
export class SignerRoleError extends Error {}

/** Whether `role` signs `kind` (and, for a further opinion, which one) in this organisation. */
export function maySign(
	role: Role,
	kind: OpinionKind | 'decision',
	extraKey: string | null,
	settings: OrgSettings
): boolean {
	if (kind === 'extra')
		return settings.extraOpinions.some((e) => e.key === extraKey && e.role === role);
	return extraKey === null && SIGNER_ROLE[kind] === role;
}

/** The opinion kinds this role can sign here, for the page to offer. */
export function signableKinds(
	role: Role,
	settings: OrgSettings
): { kind: OpinionKind; extraKey: string | null }[] {
	const kinds: { kind: OpinionKind; extraKey: string | null }[] = [];
	for (const kind of ['dpo', 'security', 'data_subjects', 'data_subjects_waiver'] as const) {
		if (SIGNER_ROLE[kind] === role) kinds.push({ kind, extraKey: null });
	}
	for (const e of settings.extraOpinions)
		if (e.role === role) kinds.push({ kind: 'extra', extraKey: e.key });
	return kinds;
}

export interface OpinionInput {
	kind: OpinionKind;
	extraKey: string | null;
	/** Null only for the DPO's waiver of the data subjects' view. */
	verdict: Verdict | null;
	body: string;
	/** The content hash shown on the page the signer read: signing binds to what was read. */
	seenHash: string;
	/** Why the DPO signs an opinion on content they mostly wrote (required then, see authorship.ts). */
	authorshipReason?: string | null;
}

/**
 * A DPO's opinion on content the DPO mostly saved carries the reason and the counts
 * (GDPR art. 35(2), art. 38(6)); any other opinion has no details.
 */
function opinionDetails(tx: Db, signer: Signer, assessmentId: string, input: OpinionInput) {
	if (input.kind !== 'dpo') return null;
	const authorship = authorshipFor(tx, assessmentId, signer.id);
	if (!authorship.mostly) return null;
	const reason = input.authorshipReason?.trim() ?? '';
	if (!reason) throw new AuthorshipReasonRequired(authorship);
	return { authorship: { reason, saves: authorship.mine, totalSaves: authorship.total } };
}

function loadForSigning(tx: Db, assessmentId: string, seenHash: string) {
	const assessment = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
	if (!assessment) throw new WorkflowRefusalError('frozen');
	if (assessment.archivedAt || assessment.status === 'decided')
		throw new WorkflowRefusalError('frozen');
	const content = currentContent(tx, assessment);
	const hash = contentHash(content);
	if (hash !== seenHash) throw new WorkflowRefusalError('content_changed');
	return { assessment, content, hash };
}

function insertSignature(
	tx: Db,
	signer: Signer,
	values: Pick<
		Signature,
		| 'assessmentId'
		| 'versionNumber'
		| 'kind'
		| 'extraKey'
		| 'verdict'
		| 'body'
		| 'details'
		| 'contentHash'
	>
): Signature {
	return tx
		.insert(signatures)
		.values({
			id: newId(),
			...values,
			signerId: signer.id,
			signerName: signer.name,
			signerRole: signer.role,
			signedAt: new Date().toISOString(),
			authMethod: signer.authMethod ?? null
		})
		.returning()
		.get();
}

/**
 * Records an opinion, bound to the SHA-256 of the content as it is now. Refused when the
 * assessment is not collecting opinions, when a current signature of the same kind exists
 * (renewing is for stale ones), or when the content changed since the signer read it.
 */
export function signOpinion(
	db: Db,
	actor: Actor & { userId: string },
	signer: Signer,
	assessmentId: string,
	input: OpinionInput
): Signature {
	return mutate(db, actor, (tx) => {
		const { assessment, hash } = loadForSigning(tx, assessmentId, input.seenHash);
		const settings = getOrgSettings(tx, assessment.orgId);
		if (!maySign(signer.role, input.kind, input.extraKey, settings)) throw new SignerRoleError();
		if (assessment.status !== 'opinions' && assessment.status !== 'awaiting_decision')
			throw new WorkflowRefusalError('not_collecting_opinions');
		const existing = signaturesOf(tx, assessment.id, assessment.versionNumber);
		const latest = latestOf(existing, input.kind, input.extraKey);
		if (latest && isCurrent(latest, hash)) throw new WorkflowRefusalError('already_signed');
		if (input.kind === 'data_subjects_waiver') {
			const view = latestOf(existing, 'data_subjects');
			if (view && isCurrent(view, hash)) throw new WorkflowRefusalError('view_already_given');
		}
		const details = opinionDetails(tx, signer, assessment.id, input);
		const row = insertSignature(tx, signer, {
			assessmentId: assessment.id,
			versionNumber: assessment.versionNumber,
			kind: input.kind,
			extraKey: input.extraKey,
			verdict: input.verdict,
			body: input.body,
			details,
			contentHash: hash
		});
		return {
			result: row,
			event: {
				action: 'opinion.sign',
				entity: 'signature',
				entityId: row.id,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				version: assessment.versionNumber,
				summary: `${input.kind}${input.extraKey ? `:${input.extraKey}` : ''} ${input.verdict ?? 'waiver'} on ${hash.slice(0, 12)}`,
				// The row as verifiers recompute it (src/lib/domain/audit-state.ts).
				state: signatureState(row)
			}
		};
	});
}

/** Each risk of the content with its residual level on the organisation's matrix. */
export function residualRisks(
	content: AssessmentContent,
	thresholds: MatrixThresholds
): (ResidualRiskFact & { title: string })[] {
	const data = content.steps.risks.data as {
		risks?: { id: string; title: string; residualSeverity: number; residualLikelihood: number }[];
	} | null;
	return (data?.risks ?? []).map((r) => ({
		id: r.id,
		title: r.title,
		level: riskLevel(r.residualSeverity as Scale, r.residualLikelihood as Scale, thresholds).level
	}));
}

export function scenarioIds(content: AssessmentContent): string[] {
	const data = content.steps.scenarios.data as { scenarios?: { id: string }[] } | null;
	return (data?.scenarios ?? []).map((s) => s.id);
}

export interface DecisionInput {
	outcome: Outcome;
	body: string;
	details: DecisionDetails;
	seenHash: string;
}

/** The gate's view of a decision being signed. */
export function gateDecisionOf(
	input: Pick<DecisionInput, 'outcome' | 'details'>,
	today = new Date().toISOString().slice(0, 10)
) {
	return {
		outcome: input.outcome,
		scenarioId: input.details.scenarioId,
		compliance: input.details.compliance ?? [],
		reservations: input.details.reservationAnswers ?? [],
		explanations: input.details.explanations ?? [],
		conditionCount: input.details.conditions.length,
		today
	};
}

/**
 * The director's decision: re-checks every opinion (one may have gone stale since the
 * DPO asked for the decision), records the signature, freezes the content decided in
 * assessment_versions and moves the assessment to "decided" — all in one transaction.
 * The decision gate (lib/domain/decision) is re-run inside the transaction; the caller
 * has validated the form's own completeness (decisionProblems).
 */
export function signDecision(
	db: Db,
	actor: Actor & { userId: string },
	signer: Signer,
	assessmentId: string,
	input: DecisionInput
): Signature {
	return mutate(db, actor, (tx) => {
		const { assessment, content, hash } = loadForSigning(tx, assessmentId, input.seenHash);
		if (signer.role !== SIGNER_ROLE.decision) throw new SignerRoleError();
		const result = transition({
			state: assessment.status,
			action: 'decide',
			role: signer.role,
			facts: { ...factsOf(tx, assessment), decisionComplete: true }
		});
		if (!result.ok)
			throw new WorkflowRefusalError(decisionBlocker(tx, assessment) ?? result.reason);
		// Re-judged here, on the content and opinions as they are in this transaction: a
		// refused decision writes nothing and names every reason at once.
		const gate = judge(tx, assessment, gateDecisionOf(input));
		if (gate.blockers.length) throw new DecisionGateError(gate.blockers);
		const row = insertSignature(tx, signer, {
			assessmentId: assessment.id,
			versionNumber: assessment.versionNumber,
			kind: 'decision',
			extraKey: null,
			verdict: input.outcome,
			body: input.body,
			details: input.details,
			contentHash: hash
		});
		const frozen = tx
			.insert(assessmentVersions)
			.values({
				assessmentId: assessment.id,
				number: assessment.versionNumber,
				content,
				contentHash: hash,
				frozenAt: row.signedAt,
				frozenBy: signer.id
			})
			.returning()
			.get();
		tx.update(assessments)
			.set({
				status: result.to,
				// Kept beside the signature for the list's filter (schema.ts, assessments.review_date).
				reviewDate: input.details.reviewDate,
				version: assessment.version + 1,
				updatedBy: actor.userId,
				updatedAt: row.signedAt
			})
			.where(eq(assessments.id, assessment.id))
			.run();
		// The DPO (art. 39(1)(b)) and the project lead learn the outcome; not its content.
		notify(tx, {
			event: 'decision_signed',
			assessment,
			actorId: actor.userId,
			href: `/assessments/${encodeURIComponent(assessment.id)}/record`,
			outcome: input.outcome,
			people: [assessment.projectLeadId]
		});
		return {
			result: row,
			event: {
				action: 'decision.sign',
				// The entry names the signature and hashes the rows it created, which a
				// verifier recomputes (audit-state.ts); the assessment's own row is mutable.
				entity: 'signature',
				entityId: row.id,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				version: assessment.versionNumber,
				summary: `${input.outcome} on ${hash.slice(0, 12)}; version ${assessment.versionNumber} frozen`,
				state: { signature: signatureState(row), version: versionState(frozen) }
			}
		};
	});
}
