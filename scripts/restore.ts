/**
 * Restores a backup made by `npm run backup`. Stop the application first.
 * Usage: npm run restore -- <file>
 * The backup is verified (integrity_check + audit chain) before anything is touched;
 * the current database is kept beside it as <db>.before-restore-<timestamp>.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { databasePath } from '../src/lib/server/db';
import { checkDatabaseFile } from './db-check';

const file = process.argv[2];
if (!file || !existsSync(resolve(file))) {
	console.error('usage: npm run restore -- <backup file> (the file must exist)');
	process.exit(2);
}
const backup = resolve(file);
const check = checkDatabaseFile(backup);
for (const line of check.lines) console.log(`restore: ${line}`);
if (!check.ok) {
	console.error('restore: the backup does not verify; nothing was changed');
	process.exit(1);
}
const target = databasePath();
if (existsSync(target)) {
	const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	renameSync(target, kept);
	console.log(`restore: current database kept as ${kept}`);
}
// A stale WAL beside the restored file would be replayed onto it.
for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
copyFileSync(backup, target);
console.log(`restore: ${backup} -> ${target} done; start the application again`);
