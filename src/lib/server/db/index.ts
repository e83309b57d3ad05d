import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The data directory: database (by default), attachments, signing key. */
export function dataDir(): string {
	return resolve(process.env.WORKBENCH_DATA_DIR || './data');
}

/** DATABASE_URL may be a path or a `file:` URL; default `<data dir>/workbench.db`. */
export function databasePath(): string {
	const url = process.env.DATABASE_URL;
	if (!url) return resolve(dataDir(), 'workbench.db');
	return resolve(url.startsWith('file:') ? url.slice('file:'.length) : url);
}

export function migrationsFolder(): string {
	return resolve(process.env.WORKBENCH_MIGRATIONS_DIR || './drizzle');
}

/**
 * Opens the database with the pragmas this evidence store needs, then applies the
 * committed migrations. synchronous=FULL because better-sqlite3's WAL default
 * (NORMAL) may lose the last committed transactions on power loss.
 */
export function openDatabase(path = databasePath(), options: { migrate?: boolean } = {}): Db {
	mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema }) as Db;
	if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}

let shared: Db | undefined;

/** The application's connection, opened (and migrated) on first use. */
export function getDb(): Db {
	shared ??= openDatabase();
	return shared;
}

/** Runs `fn` in a write transaction taken with BEGIN IMMEDIATE, so two writers never deadlock on upgrade. */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
	return db.$client.transaction(() => fn(db)).immediate();
}
