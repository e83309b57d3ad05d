/**
 * Opinions and the director's decision: who signs what, which signatures still count,
 * and what a decision holds. Pure (no database), shared by the server, the pages and the
 * exports.
 */
import { z } from 'zod';
import type { Role } from './roles';
import type { OpinionStatus } from './workflow';

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

/** A further opinion an organisation asks for (e.g. the medical committee chair). */
export const extraOpinionSchema = z.object({
	key: z
		.string()
		.trim()
		.regex(/^[a-z0-9_-]{1,40}$/),
	label: z.object({ fr: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) }),
	role: z.enum(['dpo', 'director', 'security', 'contributor', 'representative']),
	required: z.boolean()
});
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
export const decisionDetailsSchema = z.object({
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
	reviewDate: z.iso.date()
});
export type DecisionDetails = z.infer<typeof decisionDetailsSchema>;
