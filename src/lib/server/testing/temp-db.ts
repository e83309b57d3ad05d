import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db';

/** A fresh SQLite file with the real committed migrations: tests never mock the database. */
export function tempDatabase(): { db: Db; path: string; dispose: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'workbench-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	return {
		db,
		path,
		dispose: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A temp database whose audit log tests may rewrite at will, as someone with write access
 * to the file could: the append-only triggers dropped, and no fsync (a scratch file
 * rewritten hundreds of times; durability is not under test).
 */
export function tamperableAuditDatabase(): ReturnType<typeof tempDatabase> {
	const ctx = tempDatabase();
	ctx.db.$client.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
	ctx.db.$client.pragma('synchronous = OFF');
	return ctx;
}
