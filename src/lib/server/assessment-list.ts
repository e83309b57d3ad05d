import {
	and,
	asc,
	count,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	lte,
	sql,
	type SQL
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { assessments, users, type AssessmentStatus } from './db/schema';
import { reviewSignals } from './db/schema-review';
import type { Db } from './db';

/** A hospital group holds thousands of analyses: the list is read one page at a time. */
export const PAGE_SIZE = 50;

export interface ListQuery {
	orgIds: string[];
	status?: AssessmentStatus | 'archived';
	/** Words of the title, matched literally (LIKE wildcards typed are not wildcards). */
	q?: string;
	/** Only the analyses this account created. */
	createdBy?: string;
	/** Only the analyses this member leads for the controller (the "owner"). */
	projectLeadId?: string;
	/**
	 * Only the decided analyses whose review (GDPR art. 35(11)) falls on or before this
	 * day (YYYY-MM-DD), soonest first: "before today" is the overdue ones.
	 */
	reviewBy?: string;
	/** 1-based; a page past the end is clamped to the last one. */
	page: number;
}

export interface ListRow {
	id: string;
	orgId: string;
	title: string;
	status: AssessmentStatus;
	archived: boolean;
	versionNumber: number;
	updatedAt: string;
	author: string;
	/** The project lead's name; null for an analysis nobody was named to lead. */
	lead: string | null;
	/** The review date set by the latest decision; null until a decision is signed. */
	reviewDate: string | null;
	/** A reported change brings the review forward (lib/domain/review.ts). */
	changed: boolean;
}

export interface ListPage {
	rows: ListRow[];
	total: number;
	page: number;
	pages: number;
}

function conditions(query: ListQuery): SQL[] {
	const where: SQL[] = [inArray(assessments.orgId, query.orgIds)];
	if (query.status === 'archived') where.push(isNotNull(assessments.archivedAt));
	else {
		where.push(isNull(assessments.archivedAt));
		if (query.status) where.push(eq(assessments.status, query.status));
	}
	if (query.q) {
		const escaped = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
		where.push(sql`${assessments.title} LIKE ${`%${escaped}%`} ESCAPE '\\'`);
	}
	if (query.createdBy) where.push(eq(assessments.createdBy, query.createdBy));
	if (query.projectLeadId) where.push(eq(assessments.projectLeadId, query.projectLeadId));
	// NULL (never decided) is never <= a date: only analyses with a review date remain.
	if (query.reviewBy) where.push(lte(assessments.reviewDate, query.reviewBy));
	return where;
}

const lead = alias(users, 'lead');

/**
 * The query of one page of rows (exported so a test can read its plan). The page's ids are
 * picked first, from the index alone when no title is searched; only those 50 rows are
 * then read and joined: page 100 no longer reads and joins the 4,950 rows before it.
 */
export function rowsQuery(db: Db, query: ListQuery, page: number) {
	const order = [desc(assessments.updatedAt), desc(assessments.id)];
	if (query.reviewBy) order.unshift(asc(assessments.reviewDate));
	const pageIds = db
		.select({ id: assessments.id })
		.from(assessments)
		.where(and(...conditions(query)))
		.orderBy(...order)
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE);
	return db
		.select({
			id: assessments.id,
			orgId: assessments.orgId,
			title: assessments.title,
			status: assessments.status,
			archivedAt: assessments.archivedAt,
			versionNumber: assessments.versionNumber,
			updatedAt: assessments.updatedAt,
			reviewDate: assessments.reviewDate,
			author: users.name,
			lead: lead.name
		})
		.from(assessments)
		.innerJoin(users, eq(users.id, assessments.createdBy))
		.leftJoin(lead, eq(lead.id, assessments.projectLeadId))
		.where(inArray(assessments.id, pageIds))
		.orderBy(...order);
}

/**
 * One page of the analyses the user may see, newest change first (soonest review first
 * when filtered on the review date), with the total for the pager. Two indexed queries
 * (assessments_org_updated, _lead, _review); only the columns the list shows are read.
 */
export function listPage(db: Db, query: ListQuery): ListPage {
	if (!query.orgIds.length) return { rows: [], total: 0, page: 1, pages: 1 };
	const where = and(...conditions(query));
	const total = db.select({ n: count() }).from(assessments).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(Math.max(1, query.page), pages);
	const found = rowsQuery(db, query, page).all();
	const changed = reviewRaised(
		db,
		found.filter((r) => r.status === 'decided' && r.archivedAt === null).map((r) => r.id)
	);
	const rows = found.map(({ archivedAt, ...r }) => ({
		...r,
		archived: archivedAt !== null,
		changed: changed.has(r.id)
	}));
	return { rows, total, page, pages };
}

/**
 * Which of these decided analyses have a reported change, not yet taken up by a review
 * version, that brings their review forward: one query on the page's ids, read from the
 * review_signals_assessment index.
 */
function reviewRaised(db: Db, ids: string[]): Set<string> {
	if (!ids.length) return new Set();
	const rows = db
		.selectDistinct({ id: reviewSignals.assessmentId })
		.from(reviewSignals)
		.where(
			and(
				inArray(reviewSignals.assessmentId, ids),
				isNull(reviewSignals.takenUpIn),
				eq(reviewSignals.raisesReview, true)
			)
		)
		.all();
	return new Set(rows.map((r) => r.id));
}

/**
 * The members who lead at least one analysis of these organisations (archived ones
 * included, a former lead stays findable), by name: the owner filter's choices. Read
 * from the assessments_org_lead index, not from each row.
 */
export function leadChoices(db: Db, orgIds: string[]): { id: string; name: string }[] {
	if (!orgIds.length) return [];
	const leads = db
		.selectDistinct({ id: assessments.projectLeadId })
		.from(assessments)
		.where(and(inArray(assessments.orgId, orgIds), isNotNull(assessments.projectLeadId)))
		.all()
		.map((r) => r.id as string);
	if (!leads.length) return [];
	return db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(inArray(users.id, leads))
		.all()
		.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id));
}
