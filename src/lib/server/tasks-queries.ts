import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import {
	assessments,
	assessmentSteps,
	organisations,
	signatures,
	type AssessmentStatus
} from './db/schema';
import { securityFindings } from './db/schema-findings';
import { reviewSignals } from './db/schema-review';
import type { Db } from './db';

/**
 * The set-based reads behind the "À faire" page: one query per kind of source, each over
 * every open (not archived) assessment of the given organisations, never one per
 * assessment. A hospital group's DPO may see thousands of assessments.
 */

export interface OpenAssessment {
	id: string;
	orgId: string;
	title: string;
	status: AssessmentStatus;
	versionNumber: number;
}

const open = (orgIds: string[]) =>
	and(inArray(assessments.orgId, orgIds), isNull(assessments.archivedAt));

export function openAssessments(db: Db, orgIds: string[]): OpenAssessment[] {
	return db
		.select({
			id: assessments.id,
			orgId: assessments.orgId,
			title: assessments.title,
			status: assessments.status,
			versionNumber: assessments.versionNumber
		})
		.from(assessments)
		.where(open(orgIds))
		.all();
}

export function orgSettingsRows(db: Db, orgIds: string[]) {
	return db
		.select({ id: organisations.id, settings: organisations.settings })
		.from(organisations)
		.where(inArray(organisations.id, orgIds))
		.all();
}

/** Steps waiting for an evaluation or sent back to be corrected, in assessments not decided. */
export function stepsWaiting(db: Db, orgIds: string[]) {
	return db
		.select({
			assessmentId: assessmentSteps.assessmentId,
			step: assessmentSteps.step,
			status: assessmentSteps.status
		})
		.from(assessmentSteps)
		.innerJoin(assessments, eq(assessments.id, assessmentSteps.assessmentId))
		.where(
			and(
				open(orgIds),
				ne(assessments.status, 'decided'),
				inArray(assessmentSteps.status, ['review_requested', 'to_correct'])
			)
		)
		.all();
}

/** The opinions already given on the working version of assessments collecting them. */
export function opinionsGiven(db: Db, orgIds: string[]) {
	return db
		.select({
			assessmentId: signatures.assessmentId,
			kind: signatures.kind,
			extraKey: signatures.extraKey,
			contentHash: signatures.contentHash,
			signedAt: signatures.signedAt
		})
		.from(signatures)
		.innerJoin(
			assessments,
			and(
				eq(assessments.id, signatures.assessmentId),
				eq(assessments.versionNumber, signatures.versionNumber)
			)
		)
		.where(and(open(orgIds), eq(assessments.status, 'opinions'), ne(signatures.kind, 'decision')))
		.all();
}

/**
 * The review date of each decided assessment whose review falls on or before `limit`, read
 * from the decision of its working version (a reopened assessment is no longer decided).
 */
export function reviewsBefore(db: Db, orgIds: string[], limit: string) {
	const review = sql<string>`json_extract(${signatures.details}, '$.reviewDate')`;
	return db
		.select({ assessmentId: signatures.assessmentId, reviewDate: review })
		.from(signatures)
		.innerJoin(
			assessments,
			and(
				eq(assessments.id, signatures.assessmentId),
				eq(assessments.versionNumber, signatures.versionNumber)
			)
		)
		.where(
			and(
				open(orgIds),
				eq(assessments.status, 'decided'),
				eq(signatures.kind, 'decision'),
				sql`${review} <= ${limit}`
			)
		)
		.all();
}

interface ConditionRow {
	assessmentId: string;
	text: string;
	owner: string;
	dueDate: string;
}

/**
 * The conditions of decisions (decided assessments) due on or before `limit`, those marked
 * met left out (condition_fulfilments, by the condition's position: json_each's key).
 */
export function conditionsBefore(db: Db, orgIds: string[], limit: string): ConditionRow[] {
	const ids = sql.join(
		orgIds.map((id) => sql`${id}`),
		sql`, `
	);
	// json_each only on a real array: a decision written before conditions existed has none.
	return db.all<ConditionRow>(sql`
		SELECT assessment_id AS assessmentId, text, owner, due AS dueDate FROM (
			SELECT s.assessment_id,
				CASE WHEN c.type = 'object' THEN json_extract(c.value, '$.text') END AS text,
				CASE WHEN c.type = 'object' THEN json_extract(c.value, '$.owner') END AS owner,
				CASE WHEN c.type = 'object' THEN json_extract(c.value, '$.dueDate') END AS due
			FROM signatures s
			JOIN assessments a ON a.id = s.assessment_id AND a.version_number = s.version_number,
				json_each(CASE WHEN json_type(s.details, '$.conditions') = 'array'
					THEN s.details ELSE '{"conditions":[]}' END, '$.conditions') c
			LEFT JOIN condition_fulfilments f ON f.assessment_id = s.assessment_id
				AND f.version_number = s.version_number AND f.position = c.key
			WHERE s.kind = 'decision' AND a.status = 'decided' AND a.archived_at IS NULL
				AND a.org_id IN (${ids}) AND f.id IS NULL
		) WHERE typeof(due) = 'text' AND due <= ${limit}
	`);
}

interface MeasureRow {
	assessmentId: string;
	title: string;
	owner: string;
	dueDate: string;
}

/**
 * The planned measures of the risks steps (the action plan's dated items) not done and due
 * before `today`. Read inside SQLite with json_each, so the risks of thousands of
 * assessments are not parsed in JavaScript; every level is guarded, as in the action plan,
 * where content that does not have the expected shape contributes nothing.
 */
export function measuresOverdue(
	db: Db,
	orgIds: string[],
	today: string,
	owner: { name: string; email: string }
): MeasureRow[] {
	// Only steps whose text holds the user's name or e-mail are expanded: parsing every risks
	// step was most of the cost at a thousand assessments. LIKE ignores ASCII case only, so an
	// owner typed with another case of an accented letter is not found.
	const holds = (text: string) =>
		sql`st.data LIKE ${'%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} ESCAPE '\\'`;
	const mentions = [owner.name.trim(), owner.email.trim()].filter((t) => t !== '').map(holds);
	if (!mentions.length) return [];
	const ids = sql.join(
		orgIds.map((id) => sql`${id}`),
		sql`, `
	);
	const field = (name: string) =>
		sql.raw(`CASE WHEN m.type = 'object' THEN json_extract(m.value, '$.${name}') END`);
	return db.all<MeasureRow>(sql`
		SELECT assessment_id AS assessmentId, title, owner, trim(due) AS dueDate FROM (
			SELECT st.assessment_id, ${field('state')} AS state, ${field('status')} AS status,
				${field('title')} AS title, ${field('owner')} AS owner, ${field('dueDate')} AS due
			FROM assessment_steps st
			JOIN assessments a ON a.id = st.assessment_id,
				json_each(CASE WHEN json_type(st.data, '$.risks') = 'array'
					THEN st.data ELSE '{"risks":[]}' END, '$.risks') r,
				json_each(CASE WHEN r.type = 'object' AND json_type(r.value, '$.measures') = 'array'
					THEN r.value ELSE '{"measures":[]}' END, '$.measures') m
			WHERE st.step = 'risks' AND a.archived_at IS NULL AND a.org_id IN (${ids})
				AND (${sql.join(mentions, sql` OR `)})
		) WHERE state = 'planned' AND status IS NOT 'done' AND typeof(owner) = 'text'
			AND typeof(title) = 'text' AND typeof(due) = 'text' AND trim(due) <> ''
			AND trim(due) < ${today}
	`);
}

/** Findings not closed, in assessments still open to change (a decision freezes them). */
export function findingsOpen(db: Db, orgIds: string[]) {
	return db
		.select({
			assessmentId: securityFindings.assessmentId,
			title: securityFindings.title,
			status: securityFindings.status
		})
		.from(securityFindings)
		.innerJoin(assessments, eq(assessments.id, securityFindings.assessmentId))
		.where(
			and(
				open(orgIds),
				ne(assessments.status, 'decided'),
				inArray(securityFindings.status, ['open', 'in_progress'])
			)
		)
		.all();
}

/**
 * Decided assessments with a reported change that brings their review forward, not yet
 * taken up by a review version (lib/server/review.ts): one row per assessment.
 */
export function reviewsBroughtForward(db: Db, orgIds: string[]) {
	return db
		.selectDistinct({ assessmentId: reviewSignals.assessmentId })
		.from(reviewSignals)
		.innerJoin(
			assessments,
			and(
				eq(assessments.id, reviewSignals.assessmentId),
				eq(assessments.versionNumber, reviewSignals.versionNumber)
			)
		)
		.where(
			and(
				open(orgIds),
				eq(assessments.status, 'decided'),
				eq(reviewSignals.raisesReview, true),
				isNull(reviewSignals.takenUpIn)
			)
		)
		.all();
}
