/**
 * Verifying the audit chain in independent segments, so that a long chain can be checked
 * by several threads at once with exactly the verdict of one sequential pass.
 *
 * Why it is the same verdict: the sequential verifier's running head equals the stored
 * chain hash of each entry it has accepted. So entry n passes iff its own fields hash to
 * its entry hash and SHA-256(stored chain hash of n-1 + entry hash) is its chain hash:
 * each entry can be checked given only its predecessor's stored row. A segment
 * (a, b] starts from the stored chain hash of entry a; the first failing segment, in
 * order, holds the first failing entry, because every earlier segment held exactly its
 * entries a+1..b and all of them passed. A segment that ends early (its last entries
 * missing) fails with 'sequence' at the first missing seq, which is what the sequential
 * verifier reports when it meets the next entry after the gap.
 */
import {
	ChainVerifier,
	GENESIS_HASH,
	type AuditEntry,
	type ChainStart,
	type ChainVerification
} from '$lib/domain/audit-chain';
import type { Db } from './db';

/** The raw connection: a worker thread needs neither drizzle nor the schema to verify. */
type Sqlite = Db['$client'];

export interface Segment {
	/** Entries with seq > afterSeq; null: from the very first row (even seq ≤ 0). */
	afterSeq: number | null;
	/** Entries with seq ≤ toSeq; null: to the last row. */
	toSeq: number | null;
	start: ChainStart;
}

export const WHOLE_CHAIN: Segment = {
	afterSeq: null,
	toSeq: null,
	start: { previousChainHash: GENESIS_HASH, nextSeq: 1 }
};

const COLUMNS = `seq, at, actor_id, actor_label, role, org_id, action, entity, entity_id,
	assessment_id, version, summary, state_hash, entry_hash, chain_hash`;

/**
 * The rows of a segment as entries, in seq order. Rows are read as raw arrays and turned
 * into object literals here: better-sqlite3 building row objects itself costs more than
 * both SHA-256s per entry. Values keep whatever type the database holds; the verifier
 * rejects a row whose fields do not have their declared types.
 */
export function* segmentRows(sqlite: Sqlite, segment: Segment): Generator<AuditEntry> {
	const where: string[] = [];
	if (segment.afterSeq !== null) where.push('seq > @afterSeq');
	if (segment.toSeq !== null) where.push('seq <= @toSeq');
	const stmt = sqlite
		.prepare(
			`SELECT ${COLUMNS} FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq`
		)
		.raw();
	const params = {
		...(segment.afterSeq === null ? {} : { afterSeq: segment.afterSeq }),
		...(segment.toSeq === null ? {} : { toSeq: segment.toSeq })
	};
	for (const r of stmt.iterate(params) as Iterable<unknown[]>) {
		yield {
			seq: r[0],
			at: r[1],
			actorId: r[2],
			actorLabel: r[3],
			role: r[4],
			orgId: r[5],
			action: r[6],
			entity: r[7],
			entityId: r[8],
			assessmentId: r[9],
			version: r[10],
			summary: r[11],
			stateHash: r[12],
			entryHash: r[13],
			chainHash: r[14]
		} as AuditEntry;
	}
}

/** How often `verifySegment` reports progress: rare enough to cost nothing per entry. */
export const PROGRESS_EVERY = 20_000;

/**
 * Verifies one segment; a bounded segment missing its last entries fails at the first one.
 * `onProgress` is told the number of entries checked so far, every PROGRESS_EVERY entries.
 */
export function verifySegment(
	sqlite: Sqlite,
	segment: Segment,
	onProgress?: (checked: number) => void
): ChainVerification {
	const verifier = new ChainVerifier(segment.start);
	let checked = 0;
	for (const entry of segmentRows(sqlite, segment)) {
		if (verifier.push(entry)) break;
		if (onProgress && ++checked % PROGRESS_EVERY === 0) onProgress(checked);
	}
	const result = verifier.result();
	if (result.ok && segment.toSeq !== null) {
		const firstMissing = segment.start.nextSeq + result.count;
		if (firstMissing <= segment.toSeq) {
			return { ok: false, count: result.count, firstBadSeq: firstMissing, reason: 'sequence' };
		}
	}
	return result;
}

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * Splits the chain as it stands now into at most `parts` segments of about equal length
 * and at least `minPerPart` entries (a single segment when the chain is shorter). Bounded
 * by today's last seq, so entries appended meanwhile are left for the next verification.
 */
export function planSegments(sqlite: Sqlite, parts: number, minPerPart = 50_000): Segment[] {
	// max(seq) is read from the end of the rowid b-tree; count(*) would scan the table.
	const last = sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null;
	const count = last === null ? 1 : Math.min(parts, Math.floor(last / Math.max(1, minPerPart)));
	if (last === null || count <= 1) return [WHOLE_CHAIN];
	const chainHashAt = sqlite.prepare('SELECT chain_hash FROM audit_log WHERE seq = ?').pluck();
	const bounds = Array.from({ length: count + 1 }, (_, k) => Math.round((last * k) / count));
	return bounds.slice(1).map((toSeq, k) => {
		if (k === 0) return { ...WHOLE_CHAIN, toSeq };
		const afterSeq = bounds[k]!;
		const stored = chainHashAt.get(afterSeq);
		// A missing or malformed predecessor makes an earlier segment fail at or before it,
		// and that earlier failure is the verdict: any start does here.
		const previousChainHash =
			typeof stored === 'string' && HEX_64.test(stored) ? stored : GENESIS_HASH;
		return { afterSeq, toSeq, start: { previousChainHash, nextSeq: afterSeq + 1 } };
	});
}

/**
 * Claims and verifies segments until none is left, with other threads doing the same on
 * the same `queue` (Int32Array on shared memory: [next index, first failed index]).
 * Segments after a failed one are skipped: the verdict is already decided before them.
 */
export function verifyClaimed(
	sqlite: Sqlite,
	segments: Segment[],
	queue: Int32Array,
	onResult: (index: number, result: ChainVerification) => void
): void {
	for (;;) {
		const index = Atomics.add(queue, 0, 1);
		if (index >= segments.length) return;
		if (index > Atomics.load(queue, 1)) continue;
		const result = verifySegment(sqlite, segments[index]!);
		if (!result.ok) {
			// Keep the smallest failed index.
			let seen = Atomics.load(queue, 1);
			while (index < seen) {
				const prior = Atomics.compareExchange(queue, 1, seen, index);
				if (prior === seen) break;
				seen = prior;
			}
		}
		onResult(index, result);
	}
}

/** A fresh queue for `verifyClaimed`, shareable with worker threads. */
export function newQueue(): Int32Array {
	const queue = new Int32Array(new SharedArrayBuffer(8));
	queue[1] = 0x7fffffff;
	return queue;
}

/**
 * The verdict of the whole chain from its segments' verdicts, in order. Results may be
 * missing (skipped) only after a failed segment.
 */
export function combineSegments(results: (ChainVerification | undefined)[]): ChainVerification {
	let count = 0;
	let head = GENESIS_HASH;
	for (const result of results) {
		if (result === undefined) throw new Error('a segment before the verdict was not verified');
		if (!result.ok) return { ...result, count: count + result.count };
		count += result.count;
		head = result.head;
	}
	return { ok: true, count, head };
}
