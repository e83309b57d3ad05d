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

export const COLUMNS = `seq, at, actor_id, actor_label, role, org_id, action, entity, entity_id,
	assessment_id, version, summary, state_hash, entry_hash, chain_hash`;

/** A row read in full (COLUMNS, raw), as the entry the generic verifier takes (types unchecked here). */
export function entryOf(r: unknown[]): AuditEntry {
	return {
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

/**
 * The entry's canonical text (audit-chain.ts), written by SQLite while it reads the row:
 * json_object writes its members in the order given (here the canonical one), with no
 * spaces, integers in decimal and text as JSON strings. Handing one string per row to
 * JavaScript instead of thirteen fields, and building no object, halves the cost of a
 * verification, where reading rows costs more than both SHA-256s.
 * The text is used only when it is exactly what canonicalize() writes:
 * - SQLITE_WRITES_IT_ALIKE holds: every field has its declared type and the integers
 *   are safe, so JavaScript would print the same digits (a real, a blob, a text where
 *   a number belongs… are left to the generic verifier, which rejects or prints them
 *   its own way);
 * - and the text holds no backslash nor U+FFFD. Today's SQLite escapes exactly the
 *   characters JSON.stringify escapes, the same way, and bytes that are not UTF-8 decode
 *   to the same U+FFFD whether read alone or inside the text (the tests show it). These
 *   two scans keep a later SQLite or Node that differed from changing the verdict:
 *   every escape starts with a backslash, and every replaced byte becomes U+FFFD.
 * Any other row is read again in full and goes through the generic path, so the verdict
 * is always the generic one (the tests compare both on hostile rows).
 */
const CANONICAL_TEXT = `json_object('action', action, 'actorId', actor_id,
	'actorLabel', actor_label, 'assessmentId', assessment_id, 'at', at, 'entity', entity,
	'entityId', entity_id, 'orgId', org_id, 'role', role, 'seq', seq, 'stateHash', state_hash,
	'summary', summary, 'version', version)`;
const SAFE = 9007199254740991;
const SQLITE_WRITES_IT_ALIKE = `typeof(action) = 'text' AND typeof(actor_label) = 'text'
	AND typeof(at) = 'text' AND typeof(entity) = 'text' AND typeof(summary) = 'text'
	AND typeof(actor_id) IN ('text', 'null') AND typeof(assessment_id) IN ('text', 'null')
	AND typeof(entity_id) IN ('text', 'null') AND typeof(org_id) IN ('text', 'null')
	AND typeof(role) IN ('text', 'null') AND typeof(state_hash) IN ('text', 'null')
	AND seq BETWEEN -${SAFE} AND ${SAFE}
	AND (version IS NULL OR (typeof(version) = 'integer' AND version BETWEEN -${SAFE} AND ${SAFE}))`;

/** Rows per query: enough that the per-query cost vanishes, little memory per batch. */
const BATCH = 1000;

/** How often `verifySegment` reports progress: rare enough to cost nothing per entry. */
export const PROGRESS_EVERY = 20_000;

/**
 * Verifies one segment; a bounded segment missing its last entries fails at the first one.
 * `onProgress` is told the number of entries checked so far, every PROGRESS_EVERY entries.
 * The rows are read in batches of BATCH by seq, all from one snapshot (one read
 * transaction), as the whole segment would be by a single query.
 */
export function verifySegment(
	sqlite: Sqlite,
	segment: Segment,
	onProgress?: (checked: number) => void
): ChainVerification {
	const verifier = new ChainVerifier(segment.start);
	const upper = segment.toSeq === null ? '' : ' AND seq <= @toSeq';
	const batch = (lower: string) =>
		sqlite
			.prepare(
				`SELECT seq, CASE WHEN ${SQLITE_WRITES_IT_ALIKE} THEN ${CANONICAL_TEXT} END,
				        entry_hash, chain_hash
				   FROM audit_log WHERE ${lower}${upper} ORDER BY seq LIMIT ${BATCH}`
			)
			.raw();
	// The first batch of the whole chain has no lower bound: even a seq ≤ 0 is read.
	const first = batch(segment.afterSeq === null ? '1' : 'seq > @afterSeq');
	const next = batch('seq > @afterSeq');
	const fullRow = sqlite.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE seq = ?`).raw();
	let checked = 0;
	// better-sqlite3 refuses a named parameter that the statement does not use.
	const upperBound = segment.toSeq === null ? {} : { toSeq: segment.toSeq };
	let bounds: object =
		segment.afterSeq === null ? upperBound : { ...upperBound, afterSeq: segment.afterSeq };
	sqlite.transaction(() => {
		for (let query = first; ; query = next) {
			const rows = query.all(bounds) as [number, string | null, unknown, unknown][];
			for (const [seq, text, entryHash, chainHash] of rows) {
				const failed =
					text === null || text.includes('\\') || text.includes('\uFFFD')
						? verifier.push(entryOf(fullRow.get(seq) as unknown[]))
						: verifier.pushCanonical(seq, text, entryHash, chainHash);
				if (failed) return;
				if (onProgress && ++checked % PROGRESS_EVERY === 0) onProgress(checked);
			}
			if (rows.length < BATCH) return;
			bounds = { ...upperBound, afterSeq: rows[rows.length - 1]![0] };
		}
	})();
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
