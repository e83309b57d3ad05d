/** Worker thread of audit:verify: verifies one segment of the chain on its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { verifySegment, type Segment } from '../src/lib/server/audit-segments';

const { path, segment } = workerData as { path: string; segment: Segment };
// Read-only and never migrated: checking evidence never changes it.
const sqlite = new Database(path, { readonly: true, fileMustExist: true });
try {
	parentPort!.postMessage(verifySegment(sqlite, segment));
} finally {
	sqlite.close();
}
