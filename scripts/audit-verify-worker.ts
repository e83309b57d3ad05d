/** Worker thread of audit:verify: verifies one segment of the chain on its own connection. */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnly } from './audit-verify-parallel';
import { verifySegment, type Segment } from '../src/lib/server/audit-segments';

const { path, segment } = workerData as { path: string; segment: Segment };
const db = openReadOnly(path);
try {
	parentPort!.postMessage(verifySegment(db, segment));
} finally {
	db.$client.close();
}
