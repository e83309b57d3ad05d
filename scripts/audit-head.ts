/**
 * Prints the audit chain's head (last seq and chain hash) as JSON, to be kept off the
 * machine: `npm run -s audit:head > head-2026-11-23.json`. Later,
 * `npm run audit:verify -- --head head-2026-11-23.json` fails if that entry is gone
 * (the chain's tail deleted) or rewritten. Read-only; DATABASE_URL=copy.db works.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databasePath } from '../src/lib/server/db';
import { currentHead } from '../src/lib/server/audit-states';

const path = databasePath();
if (!existsSync(path)) {
	console.error(`audit:head: no database at ${path}`);
	process.exit(2);
}
const sqlite = new Database(path, { readonly: true, fileMustExist: true });
const head = currentHead(sqlite);
sqlite.close();
if (!head) {
	console.error('audit:head: the audit log is empty');
	process.exit(1);
}
console.log(
	JSON.stringify({ seq: head.seq, chainHash: head.chainHash, recordedAt: new Date().toISOString() })
);
