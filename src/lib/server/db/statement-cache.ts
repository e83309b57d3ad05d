import type Database from 'better-sqlite3';

/**
 * drizzle prepares every query anew, so SQLite parses and plans its SQL on each call:
 * about a tenth of a page's CPU under the load benchmark (`prepare` and drizzle's query
 * building, CPU profile of `npm run bench`). This keeps the prepared statements of a
 * connection by their SQL text and hands them out again.
 *
 * A statement is stateful, so a cached one is returned as a fresh one would be: its row
 * mode reset to plain objects (raw, pluck and expand stay on once set, and drizzle turns
 * raw on), and never while it is still iterating (`busy`): that caller gets a new one.
 * Parameters are bound per call by every caller (nothing here uses `bind()`). Least
 * recently used statements leave first, so SQL texts that vary (an `IN (?, ?, …)` list of
 * a different length) cannot grow the cache without bound.
 */
export function cacheStatements(sqlite: Database.Database, max = 500): void {
	const prepare = sqlite.prepare.bind(sqlite);
	const cache = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source);
		if (cached && !cached.busy) {
			// Most recently used last: the first key is the one to evict.
			cache.delete(source);
			cache.set(source, cached);
			if (cached.reader) cached.raw(false).pluck(false).expand(false);
			return cached;
		}
		const stmt = prepare(source);
		if (!cached) {
			if (cache.size >= max) cache.delete(cache.keys().next().value!);
			cache.set(source, stmt);
		}
		return stmt;
	}) as typeof sqlite.prepare;
}
