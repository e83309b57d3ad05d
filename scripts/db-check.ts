import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/lib/server/db/schema';
import type { Db } from '../src/lib/server/db';
import { verify } from '../src/lib/server/audit';

/** Integrity check and audit-chain verification of a database file, opened read-only. */
export function checkDatabaseFile(path: string): { ok: boolean; lines: string[] } {
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const integrity = sqlite.pragma('integrity_check', { simple: true });
		const chain = verify(drizzle(sqlite, { schema }) as Db);
		const lines = [
			`integrity_check: ${String(integrity)}`,
			chain.ok
				? `audit chain: OK, ${chain.count} entries, head ${chain.head}`
				: `audit chain: BROKEN at sequence number ${chain.firstBadSeq} (${chain.reason})`
		];
		return { ok: integrity === 'ok' && chain.ok, lines };
	} finally {
		sqlite.close();
	}
}
