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
