import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { assessments, users, type AssessmentStatus } from './db/schema';
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
	return where;
}

/**
 * One page of the analyses the user may see, newest change first, with the total for
 * the pager. Two indexed queries; only the columns the list shows are read.
 */
export function listPage(db: Db, query: ListQuery): ListPage {
	if (!query.orgIds.length) return { rows: [], total: 0, page: 1, pages: 1 };
	const where = and(...conditions(query));
	const total = db.select({ n: count() }).from(assessments).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(Math.max(1, query.page), pages);
	const rows = db
		.select({
			id: assessments.id,
			orgId: assessments.orgId,
			title: assessments.title,
			status: assessments.status,
			archivedAt: assessments.archivedAt,
			versionNumber: assessments.versionNumber,
			updatedAt: assessments.updatedAt,
			author: users.name
		})
		.from(assessments)
		.innerJoin(users, eq(users.id, assessments.createdBy))
		.where(where)
		.orderBy(desc(assessments.updatedAt), desc(assessments.id))
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.all()
		.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
	return { rows, total, page, pages };
}
