/**
 * Recomputes the audit trail's hash chain. Exit 0 when intact; 1 with the first bad
 * sequence number otherwise. Works on any copy of the database: DATABASE_URL=copy.db.
 * Opens read-only and never migrates, so checking evidence never changes it.
 * A long chain is split over one thread per core (AUDIT_VERIFY_THREADS to choose).
 */
import { existsSync } from 'node:fs';
import { databasePath } from '../src/lib/server/db';
import { verifyInParallel } from './audit-verify-parallel';

const path = databasePath();
if (!existsSync(path)) {
	console.error(`audit:verify: no database at ${path}`);
	process.exit(2);
}
const started = performance.now();
// For the tests: split even a short chain, and leave every segment to the workers.
const minPerSegment = Number(process.env.AUDIT_VERIFY_MIN_PER_SEGMENT) || undefined;
const mainThreadClaims = process.env.AUDIT_VERIFY_MAIN_THREAD !== '0';
const { result, threads } = await verifyInParallel(
	path,
	undefined,
	minPerSegment,
	mainThreadClaims
).catch((e: unknown) => {
	console.error(`audit:verify: could not verify: ${e instanceof Error ? e.message : String(e)}`);
	process.exit(2);
});
const seconds = (performance.now() - started) / 1000;
if (result.ok) {
	console.log(
		`audit:verify OK: ${result.count} entries, chain head ${result.head} (${seconds.toFixed(2)} s, ${threads} thread${threads > 1 ? 's' : ''})`
	);
	process.exit(0);
}
console.error(
	`audit:verify FAILED at sequence number ${result.firstBadSeq} (${result.reason}); ${result.count} entries checked before it`
);
process.exit(1);
