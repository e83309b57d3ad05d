import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, inArray, isNull } from 'drizzle-orm';
import { assessments } from './db/schema';
import { leadChoices, listPage, PAGE_SIZE, rowsQuery } from './assessment-list';
import { tempDatabase } from './testing/temp-db';

/** Rows written directly: the list only reads, and 120 audited creations would be slow. */
function fill(ctx: ReturnType<typeof tempDatabase>) {
	const sql = ctx.db.$client;
	sql.prepare("INSERT INTO organisations (id, name) VALUES ('o1', 'CHU A'), ('o2', 'CH B')").run();
	sql
		.prepare(
			"INSERT INTO users (id, email, name, password_hash) VALUES ('u1', 'a@x', 'Alice', 'x'), ('u2', 'b@x', 'Bruno', 'x'), ('u3', 'c@x', 'Chloé', 'x')"
		)
		.run();
	const insert = sql.prepare(
		`INSERT INTO assessments (id, org_id, title, status, archived_at, created_by, updated_by, updated_at,
		   project_lead_id, review_date)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	for (let i = 0; i < 120; i++) {
		const day = String(1 + (i % 28)).padStart(2, '0');
		insert.run(
			`a${String(i).padStart(3, '0')}`,
			i % 10 === 0 ? 'o2' : 'o1',
			i % 3 === 0 ? `Prise de RDV 100%_${i}` : `Imagerie ${i}`,
			i % 4 === 0 ? 'decided' : 'draft',
			i === 5 ? '2026-01-01T00:00:00Z' : null,
			i % 2 === 0 ? 'u1' : 'u2',
			'u1',
			`2026-${String(1 + (i % 12)).padStart(2, '0')}-${day}T10:00:00.000Z`,
			// Chloé leads every 7th analysis (a000 and a070 in o2); the creator the others.
			i % 7 === 0 ? 'u3' : i % 2 === 0 ? 'u1' : 'u2',
			// Decided ones have a review date: one per month of 2027, by i.
			i % 4 === 0 ? `2027-${String(1 + (i % 12)).padStart(2, '0')}-15` : null
		);
	}
}

describe('the assessment list, one page at a time', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeEach(() => {
		ctx = tempDatabase();
		fill(ctx);
	});
	afterEach(() => ctx.dispose());

	it('returns at most one page of rows, newest change first, with the total', () => {
		const first = listPage(ctx.db, { orgIds: ['o1', 'o2'], page: 1 });
		expect(first.total).toBe(119); // one archived
		expect(first.rows).toHaveLength(PAGE_SIZE);
		expect(first.pages).toBe(3);
		const dates = first.rows.map((r) => r.updatedAt);
		expect([...dates].sort().reverse()).toEqual(dates);
		const last = listPage(ctx.db, { orgIds: ['o1', 'o2'], page: 3 });
		expect(last.rows).toHaveLength(119 - 2 * PAGE_SIZE);
		const seen = new Set(
			[1, 2, 3].flatMap((page) =>
				listPage(ctx.db, { orgIds: ['o1', 'o2'], page }).rows.map((r) => r.id)
			)
		);
		expect(seen.size).toBe(119);
	});

	it('clamps a page past the end to the last page', () => {
		const page = listPage(ctx.db, { orgIds: ['o1', 'o2'], page: 99 });
		expect(page.page).toBe(3);
		expect(page.rows.length).toBeGreaterThan(0);
	});

	it('filters by organisation, status, archived, creator and title words taken literally', () => {
		expect(listPage(ctx.db, { orgIds: ['o2'], page: 1 }).total).toBe(12);
		expect(listPage(ctx.db, { orgIds: ['o1', 'o2'], status: 'decided', page: 1 }).total).toBe(30);
		const archived = listPage(ctx.db, { orgIds: ['o1', 'o2'], status: 'archived', page: 1 });
		expect(archived.rows.map((r) => [r.id, r.archived])).toEqual([['a005', true]]);
		const mine = listPage(ctx.db, { orgIds: ['o1', 'o2'], createdBy: 'u2', page: 1 });
		expect(mine.total).toBe(59);
		expect(mine.rows.every((r) => r.author === 'Bruno')).toBe(true);
		// "%" and "_" typed by the user are characters, not wildcards.
		expect(listPage(ctx.db, { orgIds: ['o1', 'o2'], q: '100%_33', page: 1 }).rows).toEqual([
			expect.objectContaining({ id: 'a033' })
		]);
		expect(listPage(ctx.db, { orgIds: ['o1', 'o2'], q: '%', page: 1 }).total).toBe(40);
	});

	it('filters by project lead, and offers as leads only those who lead an analysis there', () => {
		const chloe = listPage(ctx.db, { orgIds: ['o1', 'o2'], projectLeadId: 'u3', page: 1 });
		// i = 0, 7, …, 119: 18 analyses, none archived (a005 is led by Bruno).
		expect(chloe.total).toBe(18);
		expect(chloe.rows.every((r) => r.lead === 'Chloé')).toBe(true);
		// The owner filter combines with the others, and stays inside the user's organisations.
		expect(
			listPage(ctx.db, { orgIds: ['o2'], projectLeadId: 'u3', page: 1 }).rows.map((r) => r.id)
		).toEqual(['a070', 'a000']);
		expect(
			listPage(ctx.db, { orgIds: ['o1'], projectLeadId: 'u3', status: 'decided', page: 1 }).total
		).toBe(4); // i = 28, 56, 84, 112
		// Someone who leads nothing here matches nothing (the page refuses such ids first).
		expect(listPage(ctx.db, { orgIds: ['o1'], projectLeadId: 'nobody', page: 1 }).total).toBe(0);
		expect(leadChoices(ctx.db, ['o1', 'o2'])).toEqual([
			{ id: 'u1', name: 'Alice' },
			{ id: 'u2', name: 'Bruno' },
			{ id: 'u3', name: 'Chloé' }
		]);
		ctx.db.$client
			.prepare("UPDATE assessments SET project_lead_id = 'u1' WHERE org_id = 'o2'")
			.run();
		expect(leadChoices(ctx.db, ['o2'])).toEqual([{ id: 'u1', name: 'Alice' }]);
		expect(leadChoices(ctx.db, [])).toEqual([]);
	});

	it('filters on reviews due by a date, soonest first, leaving out what was never decided', () => {
		const due = listPage(ctx.db, { orgIds: ['o1', 'o2'], reviewBy: '2027-03-15', page: 1 });
		// Decided analyses (i % 4 === 0) whose review month (i % 12 + 1) is January to March.
		const expected = Array.from({ length: 120 }, (_, i) => i).filter(
			(i) => i % 4 === 0 && i % 12 < 3
		);
		expect(due.total).toBe(expected.length);
		const dates = due.rows.map((r) => r.reviewDate!);
		expect(dates.every((d) => d <= '2027-03-15')).toBe(true);
		expect([...dates].sort()).toEqual(dates);
		// The day itself is included; the day before leaves the 15th out.
		expect(listPage(ctx.db, { orgIds: ['o1', 'o2'], reviewBy: '2027-01-14', page: 1 }).total).toBe(
			0
		);
		expect(
			listPage(ctx.db, { orgIds: ['o1', 'o2'], reviewBy: '2027-01-15', page: 1 }).rows.every(
				(r) => r.reviewDate === '2027-01-15'
			)
		).toBe(true);
		// Shown in the rows of the unfiltered list too.
		const a000 = listPage(ctx.db, { orgIds: ['o2'], q: 'RDV 100%_0', page: 1 }).rows[0];
		expect(a000).toMatchObject({ id: 'a000', reviewDate: '2027-01-15', lead: 'Chloé' });
	});

	it('picks a page of one organisation from the (org, archived, updated_at, id) index alone, without sorting', () => {
		type Step = { id: number; parent: number; detail: string };
		const plan = (query: Parameters<typeof listPage>[1]) => {
			const { sql, params } = rowsQuery(ctx.db, query, 1).toSQL();
			return ctx.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Step[];
		};
		/** The steps of the subquery that picks the page's ids. */
		const picking = (steps: Step[]) => {
			const sub = steps.find((s) => s.detail.startsWith('LIST SUBQUERY'));
			expect(sub).toBeDefined();
			return steps.filter((s) => s.parent === sub!.id).map((s) => s.detail);
		};
		const list = picking(plan({ orgIds: ['o1'], page: 1 }));
		expect(list).toEqual([
			'SEARCH assessments USING COVERING INDEX assessments_org_updated (org_id=? AND archived_at=?)'
		]);
		// The total is counted in the same index, without reading the rows.
		const { sql, params } = ctx.db
			.select({ n: count() })
			.from(assessments)
			.where(and(inArray(assessments.orgId, ['o1']), isNull(assessments.archivedAt)))
			.toSQL();
		expect(
			(ctx.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Step[]).map(
				(s) => s.detail
			)
		).toEqual([
			'SEARCH assessments USING COVERING INDEX assessments_org_updated (org_id=? AND archived_at=?)'
		]);
		// Reviews due: a range of the review index, soonest first.
		expect(picking(plan({ orgIds: ['o1'], reviewBy: '2027-01-01', page: 1 }))[0]).toBe(
			'SEARCH assessments USING INDEX assessments_org_review (org_id=? AND review_date<?)'
		);
		// Only the page's rows are read and joined: one lookup by id each.
		expect(plan({ orgIds: ['o1'], page: 1 })[0]!.detail).toBe(
			'SEARCH assessments USING INDEX sqlite_autoindex_assessments_1 (id=?)'
		);
	});

	it('shows nothing to a user without organisation', () => {
		expect(listPage(ctx.db, { orgIds: [], page: 1 })).toEqual({
			rows: [],
			total: 0,
			page: 1,
			pages: 1
		});
	});
});
