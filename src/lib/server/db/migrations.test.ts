import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder, openDatabase, PAGE_CACHE_KIB } from './index';

describe('migrations on a fresh database', () => {
	let ctx: ReturnType<typeof tempDatabase> | undefined;
	afterEach(() => ctx?.dispose());

	it('creates every table and sets the durability pragmas', () => {
		ctx = tempDatabase();
		const sqlite = ctx.db.$client;
		const tables = (
			sqlite
				.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
				.all() as Array<{
				name: string;
			}>
		).map((t) => t.name);
		for (const t of [
			'assessment_steps',
			'assessments',
			'audit_log',
			'login_throttle',
			'memberships',
			'organisations',
			'sessions',
			'users'
		]) {
			expect(tables).toContain(t);
		}
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		// 2 = FULL
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		// The page cache of a server, not SQLite's 2 MiB default (negative: KiB).
		expect(sqlite.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
	});

	it('refuses UPDATE and DELETE on the audit trail, even in raw SQL', () => {
		ctx = tempDatabase();
		const sqlite = ctx.db.$client;
		sqlite
			.prepare(
				`INSERT INTO audit_log (seq, at, actor_label, action, entity, summary, entry_hash, chain_hash)
				 VALUES (1, '2026-01-01T00:00:00.000Z', 'x', 'a', 'e', 's', 'h', 'c')`
			)
			.run();
		expect(() => sqlite.prepare("UPDATE audit_log SET summary = 'forged'").run()).toThrow(
			/append-only/
		);
		expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
	});

	it("0007 fills each decided analysis's review date from its latest decision", () => {
		ctx = tempDatabase();
		const sqlite = ctx.db.$client;
		sqlite.exec(`
			INSERT INTO organisations (id, name) VALUES ('o', 'CHU');
			INSERT INTO users (id, email, name, password_hash) VALUES ('d', 'd@x', 'Directrice', 'x');
			INSERT INTO assessments (id, org_id, title, created_by, updated_by)
			VALUES ('twice', 'o', 'Décidée deux fois', 'd', 'd'), ('never', 'o', 'Brouillon', 'd', 'd');
		`);
		const sign = sqlite.prepare(
			`INSERT INTO signatures (id, assessment_id, version_number, kind, verdict, body, details,
			   signer_id, signer_name, signer_role, signed_at, content_hash)
			 VALUES (?, 'twice', ?, 'decision', 'approve', '', ?, 'd', 'Directrice', 'director', ?, ?)`
		);
		sign.run(
			's1',
			1,
			JSON.stringify({ reviewDate: '2027-01-01' }),
			'2026-01-01T00:00:00Z',
			'a'.repeat(64)
		);
		sign.run(
			's2',
			2,
			JSON.stringify({ reviewDate: '2028-06-30' }),
			'2026-06-01T00:00:00Z',
			'b'.repeat(64)
		);
		// The database predates the column's upkeep: run the migration's backfill again.
		const migration = readFileSync(
			join(migrationsFolder(), '0007_review_date_list_indexes.sql'),
			'utf8'
		).split('--> statement-breakpoint');
		sqlite.exec(migration[migration.length - 1]!);
		const dates = sqlite.prepare('SELECT id, review_date FROM assessments ORDER BY id').all();
		expect(dates).toEqual([
			{ id: 'never', review_date: null },
			{ id: 'twice', review_date: '2028-06-30' }
		]);
	});

	it('is idempotent: opening the same file again applies nothing twice', () => {
		ctx = tempDatabase();
		const count = () =>
			(
				ctx!.db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
					n: number;
				}
			).n;
		const before = count();
		expect(before).toBeGreaterThan(0);
		ctx.db.$client.close();
		const again = openDatabase(ctx.path);
		expect(
			(
				again.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
					n: number;
				}
			).n
		).toBe(before);
		again.$client.close();
		ctx = undefined;
	});
});
