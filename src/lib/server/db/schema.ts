import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// Relative, not $lib: drizzle-kit loads this file outside Vite.
import { ROLES, type Role } from '../../domain/roles';
import { NOTIFY_MODES } from '../../domain/notifications';

export { ROLES, type Role };

// Timestamps are ISO-8601 UTC strings: readable in the sqlite3 CLI during an
// inspection, sortable, and exactly what goes into the canonical audit entries.
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Who created and last changed a record, when, and its version (optimistic concurrency).
 * A function: drizzle needs fresh column builders for each table.
 */
export function authored() {
	return {
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: text('created_at').notNull().default(now),
		updatedBy: text('updated_by')
			.notNull()
			.references(() => users.id),
		updatedAt: text('updated_at').notNull().default(now),
		version: integer('version').notNull().default(1)
	};
}

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	// Per-organisation settings (matrix thresholds, 2FA requirement…), validated by zod on write.
	settings: text('settings', { mode: 'json' })
		.$type<Record<string, unknown>>()
		.notNull()
		.default({}),
	createdAt: text('created_at').notNull().default(now),
	version: integer('version').notNull().default(1)
});

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	locale: text('locale'),
	disabledAt: text('disabled_at'),
	// Two-factor (RFC 6238): the shared secret, hex. Set during enrolment; counts only
	// once `totp_enabled_at` is set (the user proved a code from their app).
	totpSecret: text('totp_secret'),
	totpEnabledAt: text('totp_enabled_at'),
	// E-mail notifications (lib/domain/notifications.ts): each event at once, in one daily
	// digest, or none; and the day (YYYY-MM-DD, server time) of the last digest built.
	notifyMode: text('notify_mode', { enum: NOTIFY_MODES }).notNull().default('immediate'),
	lastDigestOn: text('last_digest_on'),
	createdAt: text('created_at').notNull().default(now),
	version: integer('version').notNull().default(1)
});

export const memberships = sqliteTable(
	'memberships',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id),
		role: text('role', { enum: ROLES }).notNull(),
		createdAt: text('created_at').notNull().default(now),
		version: integer('version').notNull().default(1)
	},
	(t) => [uniqueIndex('memberships_user_org').on(t.userId, t.orgId)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		// SHA-256 (hex) of the token: a stolen database does not yield usable sessions.
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at', { mode: 'number' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'number' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
		// Lucia's 2FA design: for an account with two-factor, the password opens a session
		// that counts as signed in only once the code is verified (no pending state in memory).
		twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
		// Signed in through a directory (OpenID Connect): the configured provider's id, for
		// the logout at the provider; null for a password sign-in.
		oidcProvider: text('oidc_provider'),
		// When this session last authenticated afresh at its provider before a signature
		// (`prompt=login`); a signature consumes it.
		stepUpAt: integer('step_up_at', { mode: 'number' })
	},
	(t) => [index('sessions_user').on(t.userId)]
);

// Failed logins per key ("account:<email>" or "ip:<address>") in the current 24 h window.
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	windowStart: integer('window_start', { mode: 'number' }).notNull(),
	failures: integer('failures').notNull(),
	lastFailureAt: integer('last_failure_at', { mode: 'number' }).notNull()
});

export const ASSESSMENT_STATUSES = [
	'draft',
	'in_review',
	'opinions',
	'awaiting_decision',
	'decided'
] as const;

export const assessments = sqliteTable(
	'assessments',
	{
		id: text('id').primaryKey(),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
		// The DPIA's own version (v1, v2…): a decided version is frozen in
		// assessment_versions and "reopen" continues the work as the next number.
		// Not the row's optimistic-concurrency `version`.
		versionNumber: integer('version_number').notNull().default(1),
		template: text('template'),
		archivedAt: text('archived_at'),
		// The project lead who carries out the DPIA for the controller (GDPR art. 35(1)-(2):
		// the controller carries it out and seeks the DPO's advice): recorded apart from the
		// DPO, whose opinion must not be on their own work.
		projectLeadId: text('project_lead_id').references(() => users.id),
		// The review date (YYYY-MM-DD) of the latest decision signed, copied out of that
		// signature's details by signDecision in the same transaction: the list filters and
		// sorts thousands of rows on it, which a JSON read per row cannot do with an index.
		reviewDate: text('review_date'),
		...authored()
	},
	(t) => [
		// The list: an organisation's current analyses, newest change first. archived_at is
		// in it so that "not archived" and the total are read from the index alone; id breaks
		// ties, so the index gives the whole order and a page is read without sorting.
		index('assessments_org_updated').on(t.orgId, t.archivedAt, t.updatedAt, t.id),
		// The list filtered on the project lead (same order), or on reviews due by a date.
		index('assessments_org_lead').on(t.orgId, t.projectLeadId, t.archivedAt, t.updatedAt),
		index('assessments_org_review').on(t.orgId, t.reviewDate)
	]
);

// One row per method step of an assessment: the step's content as validated JSON
// (each step has its own zod schema) plus its evaluation status.
export const assessmentSteps = sqliteTable(
	'assessment_steps',
	{
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		step: text('step').notNull(),
		data: text('data', { mode: 'json' }).$type<unknown>(),
		status: text('status').notNull().default('not_started'),
		evaluationComment: text('evaluation_comment'),
		actionPlanComment: text('action_plan_comment'),
		updatedBy: text('updated_by').references(() => users.id),
		updatedAt: text('updated_at').notNull().default(now),
		version: integer('version').notNull().default(1)
	},
	(t) => [
		uniqueIndex('assessment_steps_pk').on(t.assessmentId, t.step),
		// The to-do list looks for the few steps awaiting review or sent back, across all assessments.
		index('assessment_steps_status').on(t.status, t.assessmentId)
	]
);

// Append-only, hash-chained (see lib/domain/audit-chain.ts). Triggers in the
// migrations refuse UPDATE and DELETE.
export const auditLog = sqliteTable(
	'audit_log',
	{
		seq: integer('seq').primaryKey(),
		at: text('at').notNull(),
		actorId: text('actor_id'),
		actorLabel: text('actor_label').notNull(),
		role: text('role'),
		orgId: text('org_id'),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		assessmentId: text('assessment_id'),
		version: integer('version'),
		summary: text('summary').notNull(),
		stateHash: text('state_hash'),
		entryHash: text('entry_hash').notNull(),
		chainHash: text('chain_hash').notNull()
	},
	(t) => [index('audit_assessment').on(t.assessmentId, t.seq)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Assessment = typeof assessments.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

// Comments on a method step: a discussion thread kept with the assessment.
export const stepComments = sqliteTable(
	'step_comments',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		step: text('step').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		// At most 5000 characters (checked by zod on write).
		body: text('body').notNull(),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [
		index('step_comments_assessment_step').on(t.assessmentId, t.step, t.createdAt),
		check('step_comments_body_length', sql`length(${t.body}) BETWEEN 1 AND 5000`)
	]
);

// Files attached to an assessment (to one of its steps, or to the whole assessment when
// `step` is null). The bytes live in `<data dir>/attachments/<stored_name>`; the type is
// the one detected from the content, and the SHA-256 lets an inspector check the file.
export const attachments = sqliteTable(
	'attachments',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		step: text('step'),
		originalName: text('original_name').notNull(),
		storedName: text('stored_name').notNull().unique(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		uploadedBy: text('uploaded_by')
			.notNull()
			.references(() => users.id),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [
		index('attachments_assessment_step').on(t.assessmentId, t.step),
		// 20 MB: the limit the upload checks (attachments.ts), kept by the database too.
		check('attachments_size', sql`${t.size} BETWEEN 1 AND 20971520`),
		check('attachments_sha256', sql`length(${t.sha256}) = 64`)
	]
);

export type StepComment = typeof stepComments.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;

// Single-use recovery codes for two-factor; only their SHA-256 is kept (the codes are
// 80-bit random, so a fast hash is enough).
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		codeHash: text('code_hash').notNull().unique(),
		usedAt: text('used_at'),
		createdAt: text('created_at').notNull().default(now)
	},
	(t) => [index('recovery_codes_user').on(t.userId)]
);

// A decided version of an assessment, frozen: the canonical content that was decided
// (see server/content.ts) and its SHA-256. Append-only (triggers in the migration).
export const assessmentVersions = sqliteTable(
	'assessment_versions',
	{
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		number: integer('number').notNull(),
		content: text('content', { mode: 'json' }).$type<unknown>().notNull(),
		contentHash: text('content_hash').notNull(),
		frozenAt: text('frozen_at').notNull().default(now),
		frozenBy: text('frozen_by')
			.notNull()
			.references(() => users.id)
	},
	(t) => [
		uniqueIndex('assessment_versions_pk').on(t.assessmentId, t.number),
		check('assessment_versions_hash', sql`length(${t.contentHash}) = 64`)
	]
);

// Opinions and the director's decision, each tied to the exact content signed by its
// SHA-256. Append-only: a renewed opinion is a new row; "stale" is computed by comparing
// `content_hash` with the current content's hash, never stored.
export const SIGNATURE_KINDS = [
	'dpo',
	'security',
	'data_subjects',
	'data_subjects_waiver',
	'extra',
	'decision'
] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];
export const OPINION_VERDICTS = ['favourable', 'reservations', 'unfavourable'] as const;
export const DECISION_OUTCOMES = [
	'approve',
	'approve_with_conditions',
	'reject',
	'refer_cnil'
] as const;

/** Password; password and two-factor code; fresh authentication at the directory (OIDC). */
export const SIGN_AUTH_METHODS = ['password', 'password_totp', 'oidc'] as const;

export const signatures = sqliteTable(
	'signatures',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		versionNumber: integer('version_number').notNull(),
		kind: text('kind', { enum: SIGNATURE_KINDS }).notNull(),
		// For kind 'extra': which of the organisation's configured opinions.
		extraKey: text('extra_key'),
		// Opinion verdict, decision outcome, or null for the DPO's waiver of the data
		// subjects' view.
		verdict: text('verdict'),
		body: text('body').notNull(),
		// The decision's structured part (scenario, accepted risks, conditions, review date).
		details: text('details', { mode: 'json' }).$type<unknown>(),
		signerId: text('signer_id')
			.notNull()
			.references(() => users.id),
		// Name and role as they were when signing: the record must not change with them.
		signerName: text('signer_name').notNull(),
		signerRole: text('signer_role', { enum: ROLES }).notNull(),
		signedAt: text('signed_at').notNull().default(now),
		contentHash: text('content_hash').notNull(),
		// How the signer proved it was them at that moment (SIGN_AUTH_METHODS); null for
		// signatures made before it was recorded.
		authMethod: text('auth_method', { enum: SIGN_AUTH_METHODS })
	},
	(t) => [
		index('signatures_assessment').on(t.assessmentId, t.versionNumber, t.signedAt),
		check('signatures_hash', sql`length(${t.contentHash}) = 64`),
		check('signatures_body_length', sql`length(${t.body}) <= 10000`),
		check(
			'signatures_verdict',
			sql`(${t.kind} = 'decision' AND ${t.verdict} IN ('approve', 'approve_with_conditions', 'reject', 'refer_cnil'))
			OR (${t.kind} = 'data_subjects_waiver' AND ${t.verdict} IS NULL)
			OR (${t.kind} IN ('dpo', 'security', 'data_subjects', 'extra') AND ${t.verdict} IN ('favourable', 'reservations', 'unfavourable'))`
		),
		check('signatures_extra_key', sql`(${t.kind} = 'extra') = (${t.extraKey} IS NOT NULL)`)
	]
);

export type Signature = typeof signatures.$inferSelect;
export type SignAuthMethod = (typeof SIGN_AUTH_METHODS)[number];
export type AssessmentVersion = typeof assessmentVersions.$inferSelect;
