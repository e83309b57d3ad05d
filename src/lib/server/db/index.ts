import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tables from './schema';
import * as reviewTables from './schema-review';
import * as oidcTables from './schema-oidc';
import * as findingTables from './schema-findings';
import * as outboxTables from './schema-outbox';
import { cacheStatements } from './statement-cache';

const schema = { ...tables, ...reviewTables, ...oidcTables, ...findingTables, ...outboxTables };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The data directory: database (by default), attachments, signing key. */
export function dataDir(): string {
	return resolve(process.env.WORKBENCH_DATA_DIR || './data');
}

/**
 * DATABASE_URL may be a path or a `file:` URL; default `<data dir>/workbench.db`.
 * A `file:` URL may carry SQLite's `?mode=ro` (then the app refuses to start, see getDb).
 */
export function databasePath(): string {
	const url = process.env.DATABASE_URL;
	if (!url) return resolve(dataDir(), 'workbench.db');
	if (!url.startsWith('file:')) return resolve(url);
	return resolve(url.slice('file:'.length).replace(/\?.*$/, ''));
}

function databaseReadOnly(): boolean {
	const url = process.env.DATABASE_URL;
	const query = url?.startsWith('file:') ? url.split('?')[1] : undefined;
	return new URLSearchParams(query ?? '').get('mode') === 'ro';
}

export function migrationsFolder(): string {
	return resolve(process.env.WORKBENCH_MIGRATIONS_DIR || './drizzle');
}

/**
 * SQLite's page cache per connection, in KiB. Its default (2 MiB) is smaller than the
 * pages a server reads over and over (the steps' content, the sessions, the indexes):
 * with it, under `npm run bench -- --only load` (a 5 MB database), reading pages back from
 * the file cost a quarter of the request thread's CPU (5.4 ms per request against 4.1–4.5
 * with 64 MiB, interleaved runs). 16 MiB holds that working set; a long read (an export's
 * audit log) fills it once and it stays at that size, not more.
 */
export const PAGE_CACHE_KIB = 16 * 1024;

/**
 * Opens the database with the pragmas this evidence store needs, then applies the
 * committed migrations. synchronous=FULL because better-sqlite3's WAL default
 * (NORMAL) may lose the last committed transactions on power loss.
 */
export function openDatabase(
	path = databasePath(),
	options: { migrate?: boolean; readonly?: boolean } = {}
): Db {
	if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path, { readonly: !!options.readonly });
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	// Negative: a size in KiB rather than in pages.
	sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	cacheStatements(sqlite);
	const db = drizzle(sqlite, { schema }) as Db;
	if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() });
	return db;
}

let shared: Db | undefined;

/** The database (or its directory) cannot be written: said once, clearly, at start. */
export class DatabaseNotWritableError extends Error {}

const NOT_WRITABLE = new Set([
	'SQLITE_READONLY',
	'SQLITE_CANTOPEN',
	'SQLITE_IOERR',
	'EACCES',
	'EROFS',
	'EPERM'
]);

/**
 * A real write to the main database, rolled back: a read-only file, directory or mount
 * fails here (BEGIN IMMEDIATE alone succeeds on a read-only database) rather than at
 * the first login with a 500.
 */
export function assertWritable(db: Db): void {
	const client = db.$client;
	client.exec('BEGIN IMMEDIATE');
	try {
		client.exec('CREATE TABLE main.__write_probe (x)');
	} finally {
		client.exec('ROLLBACK');
	}
}

/** The data directory holds attachments and the signing key: it must be writable too. */
function assertDataDirWritable(): void {
	const dir = dataDir();
	mkdirSync(dir, { recursive: true });
	const probe = join(dir, `.write-probe-${process.pid}`);
	writeFileSync(probe, '');
	unlinkSync(probe);
}

/** The application's connection, opened (migrated, and checked writable) on first use. */
export function getDb(): Db {
	if (shared) return shared;
	const path = databasePath();
	try {
		const db = openDatabase(path, { readonly: databaseReadOnly() });
		assertWritable(db);
		assertDataDirWritable();
		shared = db;
	} catch (e) {
		// A migration that cannot be written (an upgrade on a read-only mount) comes wrapped
		// by drizzle: the SQLite code is its cause's.
		const err = e as { code?: unknown; cause?: { code?: unknown } };
		const code = err.code ?? err.cause?.code;
		if (typeof code === 'string' && NOT_WRITABLE.has(code)) {
			throw new DatabaseNotWritableError(
				`The database ${path} cannot be written (${code}). The workbench needs to write ` +
					`to it and to its directory ${dirname(path)}: check the permissions, the mount, ` +
					`and DATABASE_URL (no ?mode=ro); the data directory ${dataDir()} must be writable too.`
			);
		}
		throw e;
	}
	return shared;
}

/** Runs `fn` in a write transaction taken with BEGIN IMMEDIATE, so two writers never deadlock on upgrade. */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
	return db.$client.transaction(() => fn(db)).immediate();
}
