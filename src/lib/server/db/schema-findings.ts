import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { assessments, authored } from './schema';
// Relative, not $lib: drizzle-kit loads this file outside Vite.
import { FINDING_STATUSES } from '../../domain/finding-status';

/*
 * The security officer's findings. Apart from schema.ts (drizzle-kit reads both, see
 * drizzle.config.ts) to keep each file readable; nothing in schema.ts refers to them.
 */

// Security findings (role `security`): what an audit or a test found, linked to the
// risks of the `risks` step by their ids (a JSON array of strings).
export const securityFindings = sqliteTable(
	'security_findings',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		title: text('title').notNull(),
		severity: integer('severity').notNull(),
		asset: text('asset').notNull(),
		evidence: text('evidence').notNull(),
		recommendation: text('recommendation').notNull(),
		status: text('status', { enum: FINDING_STATUSES }).notNull().default('open'),
		riskIds: text('risk_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
		...authored()
	},
	(t) => [
		index('security_findings_assessment').on(t.assessmentId, t.createdAt),
		check('security_findings_title_length', sql`length(${t.title}) BETWEEN 1 AND 200`),
		check('security_findings_severity', sql`${t.severity} BETWEEN 1 AND 4`),
		check('security_findings_asset_length', sql`length(${t.asset}) <= 200`),
		check('security_findings_evidence_length', sql`length(${t.evidence}) <= 5000`),
		check('security_findings_recommendation_length', sql`length(${t.recommendation}) <= 5000`),
		check(
			'security_findings_status',
			sql`${t.status} IN ('open', 'in_progress', 'resolved', 'accepted')`
		)
	]
);

export type SecurityFinding = typeof securityFindings.$inferSelect;
