import { and, asc, eq, sql } from 'drizzle-orm';
import { isCurrent, latestOf, type DecisionDetails, type Outcome } from '$lib/domain/signoff';
import {
	assessments,
	assessmentVersions,
	organisations,
	signatures,
	users,
	type Assessment,
	type Signature
} from './db/schema';
import { contentHash, currentContent, type AssessmentContent } from './content';
import { entriesFor, entryCount } from './audit';
import { getOrgSettings } from './org-settings';
import { matrixThresholdsSchema, type MatrixThresholds } from '$lib/domain/scoring';
import type { Db } from './db';
import { prepared } from './db/prepared';

export interface SignatureView extends Signature {
	/** Still tied to the content of its version (same hash); false = stale. */
	current: boolean;
}

export interface VersionSummary {
	number: number;
	contentHash: string;
	frozenAt: string;
	frozenBy: string;
	outcome: Outcome | null;
}

/**
 * The record's history: the most recent entries. Beyond this the table stops being read
 * and only slows the PDF and the page down (the bundle's audit-log.jsonl holds it all).
 */
export const HISTORY_ROWS = 300;

/** Which of an assessment's audit entries a record tells, counted from the most recent. */
export interface HistoryWindow {
	rows: number;
	/** The most recent entries skipped (0: from the latest). */
	offset: number;
}

/** The reports' window: the HISTORY_ROWS most recent entries. */
export const REPORT_HISTORY: HistoryWindow = { rows: HISTORY_ROWS, offset: 0 };
/**
 * Everything about one version of an assessment, as the decision record page and the
 * exports tell it: the content signed, its hash, the signatures with whether each still
 * counts, the decision, the versions and the audit history.
 */
export interface AssessmentRecord {
	/** With the project lead's name as it is now (the lead is not part of the signed content). */
	assessment: Assessment & { orgName: string; projectLeadName: string | null };
	/** The version shown: the working one, or a frozen earlier one. */
	versionNumber: number;
	frozen: boolean;
	content: AssessmentContent;
	contentHash: string;
	/** The risk matrix of this content (frozen with it), to read every level with. */
	thresholds: MatrixThresholds;
	/** Every signature of this version, oldest first (renewals included). */
	signatures: SignatureView[];
	decision: (SignatureView & { outcome: Outcome; details: DecisionDetails }) | null;
	versions: VersionSummary[];
	/** The window's entries, most recent first, plus one past it when there are more. */
	history: ReturnType<typeof entriesFor>;
	historyWindow: HistoryWindow & { total: number };
}

/** The matrix stored with the content; the organisation's own if absent or unreadable. */
export function thresholdsOf(db: Db, content: AssessmentContent, orgId: string): MatrixThresholds {
	const parsed = matrixThresholdsSchema.safeParse({ levels: content.riskMatrix });
	return parsed.success ? parsed.data : getOrgSettings(db, orgId).thresholds;
}

const versionOf = prepared((db) =>
	db
		.select()
		.from(assessmentVersions)
		.where(
			and(
				eq(assessmentVersions.assessmentId, sql.placeholder('id')),
				eq(assessmentVersions.number, sql.placeholder('number'))
			)
		)
		.prepare()
);

export function frozenVersion(db: Db, assessmentId: string, number: number) {
	return versionOf(db).get({ id: assessmentId, number });
}

const signaturesAt = prepared((db) =>
	db
		.select()
		.from(signatures)
		.where(
			and(
				eq(signatures.assessmentId, sql.placeholder('id')),
				eq(signatures.versionNumber, sql.placeholder('number'))
			)
		)
		.orderBy(asc(signatures.signedAt), asc(signatures.id))
		.prepare()
);

export function signaturesOf(db: Db, assessmentId: string, versionNumber: number): Signature[] {
	return signaturesAt(db).all({ id: assessmentId, number: versionNumber });
}

export function versionsOf(db: Db, assessmentId: string): VersionSummary[] {
	const rows = db
		.select({
			number: assessmentVersions.number,
			contentHash: assessmentVersions.contentHash,
			frozenAt: assessmentVersions.frozenAt,
			frozenBy: users.name
		})
		.from(assessmentVersions)
		.innerJoin(users, eq(users.id, assessmentVersions.frozenBy))
		.where(eq(assessmentVersions.assessmentId, assessmentId))
		.orderBy(asc(assessmentVersions.number))
		.all();
	return rows.map((r) => {
		const decision = latestOf(signaturesOf(db, assessmentId, r.number), 'decision');
		return { ...r, outcome: (decision?.verdict as Outcome | undefined) ?? null };
	});
}

/**
 * The record of `versionNumber` (default: the working version). Undefined when the
 * assessment or that version does not exist. Callers check access first.
 */
export function loadRecord(
	db: Db,
	assessmentId: string,
	versionNumber?: number,
	history: HistoryWindow = REPORT_HISTORY
): AssessmentRecord | undefined {
	const row = db
		.select({ a: assessments, orgName: organisations.name, leadName: users.name })
		.from(assessments)
		.innerJoin(organisations, eq(organisations.id, assessments.orgId))
		.leftJoin(users, eq(users.id, assessments.projectLeadId))
		.where(eq(assessments.id, assessmentId))
		.get();
	if (!row) return undefined;
	const number = versionNumber ?? row.a.versionNumber;
	const frozen = frozenVersion(db, assessmentId, number);
	let content: AssessmentContent;
	if (frozen) content = frozen.content as AssessmentContent;
	else if (number === row.a.versionNumber) content = currentContent(db, row.a);
	else return undefined;
	const hash = frozen ? frozen.contentHash : contentHash(content);
	const views = signaturesOf(db, assessmentId, number).map((s) => ({
		...s,
		current: isCurrent(s, hash)
	}));
	const decision = latestOf(views, 'decision');
	return {
		assessment: { ...row.a, orgName: row.orgName, projectLeadName: row.leadName },
		versionNumber: number,
		frozen: Boolean(frozen),
		content,
		contentHash: hash,
		thresholds: thresholdsOf(db, content, row.a.orgId),
		signatures: views,
		decision: decision
			? {
					...decision,
					outcome: decision.verdict as Outcome,
					details: decision.details as DecisionDetails
				}
			: null,
		versions: versionsOf(db, assessmentId),
		// One row past what the report shows, so it knows the trail was cut.
		history: entriesFor(db, assessmentId, history.rows + 1, history.offset),
		historyWindow: { ...history, total: entryCount(db, assessmentId) }
	};
}
