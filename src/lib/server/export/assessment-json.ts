import { z } from 'zod';
import { OUTCOMES } from '$lib/domain/signoff';
import { ROLES } from '$lib/domain/roles';
import { ASSESSMENT_STATUSES, SIGN_AUTH_METHODS, SIGNATURE_KINDS } from '../db/schema';
import { CONTENT_SCHEMA, CONTENT_STEPS } from '../content';
import type { AssessmentRecord } from '../record';

/**
 * `assessment.json`: one version of an assessment, complete, as a third party reads it.
 * The zod schema below is the single source: it validates what we write, and its JSON
 * Schema (draft 2020-12) is committed as docs/assessment.schema.json (a test keeps the two
 * equal). A change that is not backward compatible bumps the `@1`.
 */
export const ASSESSMENT_JSON_SCHEMA = 'dpia-workbench/assessment@1';
export const ASSESSMENT_JSON_SCHEMA_URL =
	'https://dpia-workbench.invalid/schemas/assessment-1.schema.json';

const hash = () =>
	z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.describe('SHA-256, 64 lowercase hex characters');
const timestamp = () => z.string().describe('ISO-8601 UTC timestamp');

/*
 * The content is the signed object itself: it is written verbatim, never reshaped, or its
 * hash would no longer verify. Its schema therefore names every field content.ts writes
 * today but lets a later field through (additional properties allowed), so that an export
 * never fails, and never drops a signed field, because the content gained one.
 */
const stepContent = z.looseObject({
	data: z
		.unknown()
		.describe('The step as saved (null when never saved); its shape is the step form’s schema'),
	status: z.string(),
	evaluationComment: z.string().nullable(),
	actionPlanComment: z.string().nullable()
});

const content = z
	.looseObject({
		schema: z.literal(CONTENT_SCHEMA),
		assessmentId: z.string(),
		versionNumber: z.int().min(1),
		title: z.string(),
		description: z.string(),
		riskMatrix: z
			.array(z.array(z.int()))
			.optional()
			.describe(
				'Risk level of each (severity, likelihood) pair, levels[severity-1][likelihood-1], as the organisation’s matrix stood'
			),
		steps: z.looseObject(
			Object.fromEntries(CONTENT_STEPS.map((k) => [k, stepContent])) as Record<
				(typeof CONTENT_STEPS)[number],
				typeof stepContent
			>
		),
		findings: z.array(
			z.looseObject({
				id: z.string(),
				title: z.string(),
				severity: z.number(),
				asset: z.string(),
				evidence: z.string(),
				recommendation: z.string(),
				status: z.string(),
				riskIds: z.array(z.string())
			})
		),
		attachments: z.array(
			z.looseObject({
				id: z.string(),
				step: z.string().nullable(),
				name: z.string(),
				mime: z.string(),
				size: z.int().min(0),
				sha256: hash()
			})
		)
	})
	.describe('Exactly what opinions and the decision sign; contentHash is its canonical SHA-256');

const signature = z.strictObject({
	id: z.string(),
	versionNumber: z.int().min(1),
	kind: z.enum(SIGNATURE_KINDS),
	extraKey: z.string().nullable(),
	verdict: z.string().nullable(),
	body: z.string(),
	details: z.unknown().describe('The decision’s structured part; null for opinions'),
	signerId: z.string(),
	signerName: z.string(),
	signerRole: z.enum(ROLES),
	signedAt: timestamp(),
	contentHash: hash(),
	authMethod: z
		.enum(SIGN_AUTH_METHODS)
		.optional()
		.describe(
			'How the signer proved it was them: password, password_totp (and two-factor code), oidc (fresh authentication at the directory); absent on earlier signatures'
		),
	current: z.boolean().describe('Signed this very content (same hash); false = stale')
});

export const assessmentJsonSchema = z
	.strictObject({
		schema: z.literal(ASSESSMENT_JSON_SCHEMA),
		assessment: z.strictObject({
			id: z.string(),
			orgId: z.string(),
			orgName: z.string(),
			title: z.string(),
			description: z.string(),
			status: z.enum(ASSESSMENT_STATUSES),
			workingVersionNumber: z.int().min(1),
			template: z.string().nullable(),
			archivedAt: timestamp().nullable(),
			createdAt: timestamp(),
			updatedAt: timestamp()
		}),
		versionNumber: z.int().min(1).describe('The version this file describes'),
		frozen: z.boolean().describe('True for a decided (frozen) version'),
		content,
		contentHash: hash(),
		signatures: z.array(signature).describe('Every signature of this version, oldest first'),
		decision: signature
			.extend({ outcome: z.enum(OUTCOMES) })
			.nullable()
			.describe('The latest decision of this version, if any'),
		versions: z.array(
			z.strictObject({
				number: z.int().min(1),
				contentHash: hash(),
				frozenAt: timestamp(),
				frozenBy: z.string(),
				outcome: z.enum(OUTCOMES).nullable()
			})
		)
	})
	.describe('One version of a DPIA (AIPD) exported by the DPIA workbench');

export type AssessmentJson = z.infer<typeof assessmentJsonSchema>;

/** The published JSON Schema (docs/assessment.schema.json). */
export function assessmentJsonSchemaDocument(): Record<string, unknown> {
	const generated = z.toJSONSchema(assessmentJsonSchema, { target: 'draft-2020-12' });
	return {
		$schema: generated.$schema,
		$id: ASSESSMENT_JSON_SCHEMA_URL,
		title: ASSESSMENT_JSON_SCHEMA,
		...generated
	};
}

function signatureJson(s: AssessmentRecord['signatures'][number]) {
	return {
		id: s.id,
		versionNumber: s.versionNumber,
		kind: s.kind,
		extraKey: s.extraKey,
		verdict: s.verdict,
		body: s.body,
		details: s.details ?? null,
		signerId: s.signerId,
		signerName: s.signerName,
		signerRole: s.signerRole,
		signedAt: s.signedAt,
		contentHash: s.contentHash,
		...(s.authMethod ? { authMethod: s.authMethod } : {}),
		current: s.current
	};
}

/** The record as `assessment.json`, validated against the published schema. */
export function toAssessmentJson(record: AssessmentRecord): AssessmentJson {
	const a = record.assessment;
	const checked = assessmentJsonSchema.parse({
		schema: ASSESSMENT_JSON_SCHEMA,
		assessment: {
			id: a.id,
			orgId: a.orgId,
			orgName: a.orgName,
			title: a.title,
			description: a.description,
			status: a.status,
			workingVersionNumber: a.versionNumber,
			template: a.template,
			archivedAt: a.archivedAt,
			createdAt: a.createdAt,
			updatedAt: a.updatedAt
		},
		versionNumber: record.versionNumber,
		frozen: record.frozen,
		content: record.content,
		contentHash: record.contentHash,
		signatures: record.signatures.map(signatureJson),
		decision: record.decision
			? { ...signatureJson(record.decision), outcome: record.decision.outcome }
			: null,
		versions: record.versions
	});
	// The signed object as it is, not zod's copy of it.
	return { ...checked, content: record.content as AssessmentJson['content'] };
}

/** The bytes of `assessment.json`: pretty-printed for people, UTF-8, final newline. */
export function assessmentJsonBytes(record: AssessmentRecord): Buffer {
	return Buffer.from(JSON.stringify(toAssessmentJson(record), null, 2) + '\n', 'utf8');
}
