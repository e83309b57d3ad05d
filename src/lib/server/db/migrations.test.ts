import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { openDatabase } from './index';

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
