/**
 * Recomputes the audit trail's hash chain. Exit 0 when intact; 1 with the first bad
 * sequence number otherwise. Works on any copy of the database: DATABASE_URL=copy.db.
 * Opens read-only and never migrates, so checking evidence never changes it.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/lib/server/db/schema';
import { databasePath, type Db } from '../src/lib/server/db';
import { verify } from '../src/lib/server/audit';

const path = databasePath();
if (!existsSync(path)) {
	console.error(`audit:verify: no database at ${path}`);
	process.exit(2);
}
const sqlite = new Database(path, { readonly: true, fileMustExist: true });
const db = drizzle(sqlite, { schema }) as Db;
const started = performance.now();
const result = verify(db);
const seconds = (performance.now() - started) / 1000;
if (result.ok) {
	console.log(
		`audit:verify OK: ${result.count} entries, chain head ${result.head} (${seconds.toFixed(2)} s)`
	);
	process.exit(0);
}
console.error(
	`audit:verify FAILED at sequence number ${result.firstBadSeq} (${result.reason}); ${result.count} entries checked before it`
);
process.exit(1);
