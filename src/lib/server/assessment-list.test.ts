import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPage, PAGE_SIZE } from './assessment-list';
import { tempDatabase } from './testing/temp-db';

/** Rows written directly: the list only reads, and 120 audited creations would be slow. */
function fill(ctx: ReturnType<typeof tempDatabase>) {
	const sql = ctx.db.$client;
	sql.prepare("INSERT INTO organisations (id, name) VALUES ('o1', 'CHU A'), ('o2', 'CH B')").run();
	sql
		.prepare(
			"INSERT INTO users (id, email, name, password_hash) VALUES ('u1', 'a@x', 'Alice', 'x'), ('u2', 'b@x', 'Bruno', 'x')"
		)
		.run();
	const insert = sql.prepare(
		`INSERT INTO assessments (id, org_id, title, status, archived_at, created_by, updated_by, updated_at)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
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
			`2026-${String(1 + (i % 12)).padStart(2, '0')}-${day}T10:00:00.000Z`
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

	it('shows nothing to a user without organisation', () => {
		expect(listPage(ctx.db, { orgIds: [], page: 1 })).toEqual({
			rows: [],
			total: 0,
			page: 1,
			pages: 1
		});
	});
});
