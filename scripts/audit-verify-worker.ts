/** Worker thread of audit:verify: verifies segments of the chain on its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { verifyClaimed, type Segment } from '../src/lib/server/audit-segments';

const { path, segments, queue } = workerData as {
	path: string;
	segments: Segment[];
	queue: Int32Array;
};
// Read-only and never migrated: checking evidence never changes it.
const sqlite = new Database(path, { readonly: true, fileMustExist: true });
try {
	verifyClaimed(sqlite, segments, queue, (index, result) =>
		parentPort!.postMessage({ index, result })
	);
} finally {
	sqlite.close();
}
