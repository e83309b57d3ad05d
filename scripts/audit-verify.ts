/**
 * Recomputes the audit trail's hash chain, then the state of every signature and frozen
 * version against the hash its entry recorded (src/lib/domain/audit-state.ts). Exit 0
 * when intact; 1 naming the first bad sequence number, or the first row whose state
 * disagrees (table, id, audit seq). `--head <file|seq:hash>`: also fail when the chain no
 * longer holds that head, recorded earlier (`npm run audit:head`, a bundle's manifest.json):
 * the only way to see entries deleted from the chain's tail.
 * Works on any copy of the database: DATABASE_URL=copy.db. Opens read-only and never
 * migrates, so checking evidence never changes it. A long chain is split over one thread
 * per core (AUDIT_VERIFY_THREADS to choose).
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { formatHead, parseHead, type ChainHead } from '../src/lib/domain/audit-head';
import { databasePath } from '../src/lib/server/db';
import { integrityFailures, integrityOf, integrityOk } from '../src/lib/server/audit-integrity';
import { verifyInParallel } from './audit-verify-parallel';

function usage(message: string): never {
	console.error(
		`audit:verify: ${message}\nusage: npm run audit:verify [-- --head <file|seq:hash>]`
	);
	process.exit(2);
}

function knownHead(args: string[]): ChainHead | null {
	if (args.length === 0) return null;
	if (args[0] !== '--head' || args.length !== 2) usage(`unexpected arguments: ${args.join(' ')}`);
	const spec = args[1]!;
	const text = /^\d+:[0-9a-fA-F]{64}$/.test(spec.trim())
		? spec
		: existsSync(spec)
			? readFileSync(spec, 'utf8')
			: usage(`--head: ${spec} is neither <seq>:<chain hash> nor a file`);
	return parseHead(text) ?? usage(`--head: no chain head (seq and chain hash) in ${spec}`);
}

const known = knownHead(process.argv.slice(2));
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
const sqlite = new Database(path, { readonly: true, fileMustExist: true });
const report = integrityOf(sqlite, result, known);
sqlite.close();
const seconds = (performance.now() - started) / 1000;
if (integrityOk(report) && result.ok) {
	console.log(
		`audit:verify OK: ${result.count} entries, chain head ${result.head} (${seconds.toFixed(2)} s, ${threads} thread${threads > 1 ? 's' : ''}); ` +
			`${report.states.claims} signatures and decisions match their rows` +
			(known ? `; known head ${formatHead(known)} is still in the chain` : '')
	);
	process.exit(0);
}
if (!result.ok) {
	console.error(
		`audit:verify FAILED at sequence number ${result.firstBadSeq} (${result.reason}); ${result.count} entries checked before it`
	);
}
for (const line of integrityFailures(report).filter((l) => !l.startsWith('chain broken'))) {
	console.error(`audit:verify FAILED: ${line}`);
}
process.exit(1);
