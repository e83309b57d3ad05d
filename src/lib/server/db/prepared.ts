import type { Db } from './index';

/**
 * A query built once per connection and run again with new values (drizzle's
 * `sql.placeholder`). drizzle otherwise rebuilds a query's SQL text from its builder on
 * every call: a tenth of the server's CPU under `npm run bench` (CPU profile), most of it
 * in the few queries every page makes (session, memberships, the assessment, its step).
 * Those few are written with `prepared`; the rest stay plain builders.
 *
 *   const byId = prepared((db) =>
 *     db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare());
 *   byId(db).get({ id });
 *
 * Kept per Db object: a transaction's `tx` is a Db of its own, and gets its own build.
 */
export function prepared<Q>(build: (db: Db) => Q): (db: Db) => Q {
	const built = new WeakMap<Db, Q>();
	return (db) => {
		let query = built.get(db);
		if (!query) {
			query = build(db);
			built.set(db, query);
		}
		return query;
	};
}
