import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

function connection(max?: number) {
	const sqlite = new Database(':memory:');
	cacheStatements(sqlite, max);
	sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
	sqlite.exec("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
	return sqlite;
}

describe('cacheStatements', () => {
	it('hands out the same statement for the same SQL, reset to plain rows', () => {
		const sqlite = connection();
		const sql = 'SELECT id, name FROM t WHERE id = ?';
		const first = sqlite.prepare(sql);
		expect(first.raw().get(1)).toEqual([1, 'a']);
		const again = sqlite.prepare(sql);
		expect(again).toBe(first);
		expect(again.get(1)).toEqual({ id: 1, name: 'a' });
		sqlite.prepare(sql).pluck();
		expect(sqlite.prepare(sql).get(2)).toEqual({ id: 2, name: 'b' });
		sqlite.prepare(sql).expand();
		expect(sqlite.prepare(sql).get(3)).toEqual({ id: 3, name: 'c' });
	});

	it('gives a statement still iterating to no one else', () => {
		const sqlite = connection();
		const sql = 'SELECT name FROM t ORDER BY id';
		const outer = sqlite.prepare(sql);
		const seen: string[] = [];
		for (const row of outer.iterate() as Iterable<{ name: string }>) {
			// The same SQL inside the loop: a cached statement here would throw "busy".
			const inner = sqlite.prepare(sql);
			expect(inner).not.toBe(outer);
			seen.push(row.name + (inner.all() as unknown[]).length);
		}
		expect(seen).toEqual(['a3', 'b3', 'c3']);
		expect(sqlite.prepare(sql)).toBe(outer);
	});

	it('keeps at most `max` statements, the least recently used leaving first', () => {
		const sqlite = connection(2);
		const a = sqlite.prepare('SELECT 1');
		const b = sqlite.prepare('SELECT 2');
		expect(sqlite.prepare('SELECT 1')).toBe(a);
		sqlite.prepare('SELECT 3');
		expect(sqlite.prepare('SELECT 1')).toBe(a);
		expect(sqlite.prepare('SELECT 2')).not.toBe(b);
	});

	it('leaves writes and transactions working', () => {
		const sqlite = connection();
		const insert = 'INSERT INTO t (name) VALUES (?) RETURNING id';
		sqlite.transaction(() => {
			sqlite.prepare(insert).get('d');
			sqlite.prepare(insert).get('e');
		})();
		expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 5 });
	});
});
