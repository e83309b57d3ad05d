import { asc, eq, sql } from 'drizzle-orm';
import { canonicalHash } from '$lib/domain/canonical';
import { STEP_KEYS, type StepKey } from '$lib/domain/method/steps';
import { assessmentSteps, attachments, type Assessment } from './db/schema';
import { securityFindings } from './db/schema-findings';
import { getOrgSettings } from './org-settings';
import type { Db } from './db';
import { prepared } from './db/prepared';

/**
 * The content of one version of an assessment: exactly what an opinion or a decision
 * signs, and what a frozen version keeps. Its SHA-256 over the canonical JSON
 * (lib/domain/canonical.ts, RFC 8785 style) is the `content_hash` of every signature.
 *
 * Included: title and description; the organisation's risk matrix (levels are read with
 * it, so changing the matrix changes what was signed); for every method step up to the action plan, its data,
 * evaluation status and comments; the security findings (the security officer's opinion
 * summarises them); each attachment's name, type, size and SHA-256 (the bytes are bound
 * through their hash).
 * Left out on purpose: the opinions and the decision themselves (signing must not make
 * the other signatures stale), discussion comments, workflow state, who saved what and
 * when (the audit trail keeps that), and row versions.
 */
export const CONTENT_SCHEMA = 'dpia-workbench/assessment-content@1';

/** The steps whose content is signed; the last two steps are the signatures themselves. */
export const CONTENT_STEPS = STEP_KEYS.filter(
	(k): k is Exclude<StepKey, 'opinions' | 'decision'> => k !== 'opinions' && k !== 'decision'
);
export type ContentStep = (typeof CONTENT_STEPS)[number];

export interface StepContent {
	data: unknown;
	status: string;
	evaluationComment: string | null;
	actionPlanComment: string | null;
}

export interface FindingContent {
	id: string;
	title: string;
	severity: number;
	asset: string;
	evidence: string;
	recommendation: string;
	status: string;
	riskIds: string[];
}

export interface AttachmentContent {
	id: string;
	step: string | null;
	name: string;
	mime: string;
	size: number;
	sha256: string;
}

export interface AssessmentContent {
	schema: typeof CONTENT_SCHEMA;
	assessmentId: string;
	versionNumber: number;
	title: string;
	description: string;
	/**
	 * The organisation's risk matrix the levels are read with (`levels[severity-1][likelihood-1]`):
	 * the levels a signer accepted must not change if the organisation edits its matrix later.
	 */
	riskMatrix: number[][];
	steps: Record<ContentStep, StepContent>;
	findings: FindingContent[];
	attachments: AttachmentContent[];
}

const EMPTY_STEP: StepContent = {
	data: null,
	status: 'not_started',
	evaluationComment: null,
	actionPlanComment: null
};

/** What of a finding is content (hashed, signed, versioned): all but its row version. */
export function findingContent(f: typeof securityFindings.$inferSelect) {
	return {
		id: f.id,
		title: f.title,
		severity: f.severity,
		asset: f.asset,
		evidence: f.evidence,
		recommendation: f.recommendation,
		status: f.status,
		riskIds: [...f.riskIds]
	};
}

// Every page of an assessment reads its content (the overview hashes it): built once.
const stepsOf = prepared((db) =>
	db
		.select()
		.from(assessmentSteps)
		.where(eq(assessmentSteps.assessmentId, sql.placeholder('id')))
		.prepare()
);
const findingsOf = prepared((db) =>
	db
		.select()
		.from(securityFindings)
		.where(eq(securityFindings.assessmentId, sql.placeholder('id')))
		.orderBy(asc(securityFindings.id))
		.prepare()
);
const attachmentsOf = prepared((db) =>
	db
		.select()
		.from(attachments)
		.where(eq(attachments.assessmentId, sql.placeholder('id')))
		.orderBy(asc(attachments.id))
		.prepare()
);

/** The current (working) content of an assessment. */
export function currentContent(
	db: Db,
	assessment: Pick<Assessment, 'id' | 'orgId' | 'title' | 'description' | 'versionNumber'>
): AssessmentContent {
	const rows = stepsOf(db).all({ id: assessment.id });
	const steps = Object.fromEntries(
		CONTENT_STEPS.map((key) => {
			const row = rows.find((r) => r.step === key);
			const step: StepContent = row
				? {
						data: row.data ?? null,
						status: row.status,
						evaluationComment: row.evaluationComment,
						actionPlanComment: row.actionPlanComment
					}
				: EMPTY_STEP;
			return [key, step];
		})
	) as Record<ContentStep, StepContent>;
	const findings = findingsOf(db).all({ id: assessment.id }).map(findingContent);
	const files = attachmentsOf(db)
		.all({ id: assessment.id })
		.map((a) => ({
			id: a.id,
			step: a.step,
			name: a.originalName,
			mime: a.mime,
			size: a.size,
			sha256: a.sha256
		}));
	return {
		schema: CONTENT_SCHEMA,
		assessmentId: assessment.id,
		versionNumber: assessment.versionNumber,
		title: assessment.title,
		description: assessment.description,
		riskMatrix: getOrgSettings(db, assessment.orgId).thresholds.levels.map((row) => [...row]),
		steps,
		findings,
		attachments: files
	};
}

/** SHA-256 (hex) of the canonical JSON of the content. */
export function contentHash(content: AssessmentContent): string {
	return canonicalHash(content);
}
