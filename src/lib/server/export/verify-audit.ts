import { chainHash, entryHash, GENESIS_HASH, type AuditEntry } from '$lib/domain/audit-chain';
import { stateClaimOf, type StateClaim } from '$lib/domain/audit-state';
import type { ChainHead } from './bundle-format';

/**
 * Checks audit-log.jsonl line by line, holding only the previous entry.
 *
 * What one assessment's entries can prove on their own: each entry's hash (recomputed
 * from its 13 content fields), increasing sequence numbers, that every entry belongs to
 * the assessment, and the chain link wherever two entries are consecutive in the global
 * log (seq n+1 after n) or the first is seq 1 (linked to the genesis hash). Between two
 * non-consecutive entries the global chain passes through other assessments' entries,
 * which the bundle does not hold: those links cannot be checked offline. The last line is
 * the whole log's head at export time; when the bundle's last entry is that head (the
 * export's own entry), its chain hash must equal it.
 */
export class AuditLogCheck {
	readonly failures: string[] = [];
	entries = 0;
	links = 0;
	head: ChainHead | null = null;
	/** The last entry is the chain head itself, so the log's tail is anchored. */
	anchored = false;
	/** What the entries of `version` vouch for, checked against assessment.json (verify-states.ts). */
	readonly claims: StateClaim[] = [];
	#previous: AuditEntry | null = null;
	#line = 0;

	constructor(
		readonly assessmentId: string | undefined,
		readonly version?: number
	) {}

	#fail(message: string) {
		// One tampered file should not drown the report: the first problems say enough.
		if (this.failures.length < 20)
			this.failures.push(`audit-log.jsonl line ${this.#line}: ${message}`);
	}

	line(text: string): void {
		this.#line++;
		if (text === '') return this.#fail('empty line');
		if (this.head) return this.#fail('entry after the chain head line');
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return this.#fail('not JSON');
		}
		if (typeof value !== 'object' || value === null) return this.#fail('not an object');
		if ('chainHead' in value) {
			const h = (value as { chainHead: ChainHead }).chainHead;
			if (!Number.isSafeInteger(h?.seq) || !/^[0-9a-f]{64}$/.test(String(h?.chainHash))) {
				return this.#fail('malformed chain head');
			}
			this.head = { seq: h.seq, chainHash: h.chainHash };
			return;
		}
		this.#entry(value as AuditEntry);
	}

	#entry(e: AuditEntry) {
		this.entries++;
		let recomputed: string;
		try {
			recomputed = entryHash(e);
		} catch {
			return this.#fail(`seq ${String(e.seq)}: fields do not have their declared types`);
		}
		if (recomputed !== e.entryHash) {
			this.#fail(`seq ${e.seq}: entry hash expected ${String(e.entryHash)}, found ${recomputed}`);
		}
		if (this.assessmentId !== undefined && e.assessmentId !== this.assessmentId) {
			this.#fail(`seq ${e.seq}: belongs to assessment ${String(e.assessmentId)}`);
		}
		if (this.version !== undefined && e.version === this.version) {
			const claim = stateClaimOf(e);
			if (claim) this.claims.push(claim);
		}
		const previous = this.#previous;
		if (previous && e.seq <= previous.seq) {
			this.#fail(`seq ${e.seq} after seq ${previous.seq}: out of order`);
		}
		const linkFrom =
			e.seq === 1 ? GENESIS_HASH : previous?.seq === e.seq - 1 ? previous.chainHash : undefined;
		if (linkFrom !== undefined) {
			this.links++;
			const expected = safeChainHash(linkFrom, e.entryHash);
			if (expected !== e.chainHash) {
				this.#fail(`seq ${e.seq}: chain hash expected ${expected}, found ${String(e.chainHash)}`);
			}
		}
		this.#previous = e;
	}

	/** Checks the head line against the manifest's and the last entry. */
	finish(manifestHead: ChainHead | undefined, manifestEntries: number | undefined): void {
		this.#line++;
		if (!this.head) return this.#fail('no chain head line at the end');
		if (
			manifestHead &&
			(manifestHead.seq !== this.head.seq || manifestHead.chainHash !== this.head.chainHash)
		) {
			this.#fail('chain head differs from the manifest’s');
		}
		if (manifestEntries !== undefined && manifestEntries !== this.entries) {
			this.#fail(`${this.entries} entries, the manifest says ${manifestEntries}`);
		}
		const last = this.#previous;
		if (last && last.seq > this.head.seq) this.#fail(`seq ${last.seq} is after the chain head`);
		if (last && last.seq === this.head.seq) {
			this.anchored = last.chainHash === this.head.chainHash;
			if (last.chainHash !== this.head.chainHash) {
				this.#fail(`last entry's chain hash differs from the chain head`);
			}
		}
	}
}

function safeChainHash(previous: string, entry: unknown): string {
	try {
		return chainHash(previous, String(entry));
	} catch {
		return '(not computable: malformed entry hash)';
	}
}
