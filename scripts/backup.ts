/**
 * Online backup of the live database through SQLite's backup API (safe while the app
 * runs and writes), then a check of the copy: integrity_check and the audit chain.
 * Usage: npm run backup -- <file>    (DATABASE_URL / WORKBENCH_DATA_DIR as for the app)
 * Exit 0 when the copy is verified, 1 otherwise (the bad copy is left for inspection).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '../src/lib/server/db';
import { checkDatabaseFile } from './db-check';

const target = process.argv[2];
if (!target) {
	console.error('usage: npm run backup -- <file>');
	process.exit(2);
}
const source = databasePath();
if (!existsSync(source)) {
	console.error(`backup: no database at ${source}`);
	process.exit(2);
}
const out = resolve(target);
if (existsSync(out)) {
	console.error(
		`backup: ${out} already exists; choose a new file name (a backup is never overwritten)`
	);
	process.exit(2);
}
const live = new Database(source, { fileMustExist: true });
live.pragma('busy_timeout = 5000');
await live.backup(out);
live.close();
const check = checkDatabaseFile(out);
for (const line of check.lines) console.log(`backup: ${line}`);
if (!check.ok) {
	console.error(`backup: the copy ${out} did NOT verify`);
	process.exit(1);
}
console.log(`backup: ${source} -> ${out} verified`);
