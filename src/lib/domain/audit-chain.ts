/**
 * The tamper-evident audit chain, as pure functions so that the app, the CLI and a third
 * party checking an exported bundle all compute the same hashes.
 *
 *   entryHash = SHA-256( canonicalize(the 13 AuditEntryContent fields, nothing else) )
 *   chainHash = SHA-256( UTF-8 of previousChainHash + entryHash )   (both lowercase hex)
 *
 * The first entry links to GENESIS_HASH (64 zeros) and has seq 1; a segment verified
 * from a checkpoint starts from that checkpoint's chain hash and next seq instead.
 * Removing the last entries cannot be seen from the remaining ones: it is caught only by
 * comparing the final chain hash with a head known from elsewhere (`expectedHead`).
 */
import { canonicalize, sha256Hex } from './canonical';

export interface AuditEntryContent {
	seq: number;
	/** ISO-8601 UTC, e.g. `2025-03-14T09:26:53.589Z`. */
	at: string;
	actorId: string | null;
	actorLabel: string;
	role: string | null;
	orgId: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	assessmentId: string | null;
	version: number | null;
	summary: string;
	stateHash: string | null;
}

export interface AuditEntry extends AuditEntryContent {
	entryHash: string;
	chainHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields, in canonical (UTF-16 code unit) order. */
export const AUDIT_CONTENT_FIELDS = [
	'action',
	'actorId',
	'actorLabel',
	'assessmentId',
	'at',
	'entity',
	'entityId',
	'orgId',
	'role',
	'seq',
	'stateHash',
	'summary',
	'version'
] as const satisfies readonly (keyof AuditEntryContent)[];

// Compile-time guard: adding a field to AuditEntryContent without hashing it fails here.
type UnhashedField = Exclude<keyof AuditEntryContent, (typeof AUDIT_CONTENT_FIELDS)[number]>;
const _everyFieldHashed: [UnhashedField] extends [never] ? true : never = true;

export type ChainFailureReason = 'sequence' | 'entry-hash' | 'chain-hash' | 'head';

export interface ChainStart {
	previousChainHash: string;
	nextSeq: number;
}

export type ChainFailure = {
	ok: false;
	/** Entries that verified before the failure. */
	count: number;
	/** The seq expected at the first bad position (for 'head': the first missing seq). */
	firstBadSeq: number;
	reason: ChainFailureReason;
};

export type ChainVerification = { ok: true; count: number; head: string } | ChainFailure;

const HEX_64 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

function assertHash(value: string, name: string): void {
	if (typeof value !== 'string' || !HEX_64.test(value)) {
		throw new TypeError(`${name} must be 64 lowercase hex characters`);
	}
}

/** Exactly the hashed fields of an entry or a database row, dropping everything else. */
export function auditContent(entry: AuditEntryContent): AuditEntryContent {
	return Object.fromEntries(
		AUDIT_CONTENT_FIELDS.map((field) => [field, entry[field]])
	) as unknown as AuditEntryContent;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** False for a row whose fields do not have their declared types (e.g. a corrupted row). */
function hasDeclaredTypes(c: AuditEntryContent): boolean {
	return (
		isText(c.action) &&
		isText(c.actorLabel) &&
		isText(c.at) &&
		isText(c.entity) &&
		isText(c.summary) &&
		isTextOrNull(c.actorId) &&
		isTextOrNull(c.assessmentId) &&
		isTextOrNull(c.entityId) &&
		isTextOrNull(c.orgId) &&
		isTextOrNull(c.role) &&
		isTextOrNull(c.stateHash) &&
		Number.isFinite(c.seq) &&
		(c.version === null || Number.isFinite(c.version))
	);
}

/** `"key":value` for a nullable string, with no escaping: the caller has checked. */
const member = (key: string, v: string | null): string =>
	v === null ? key + 'null' : key + '"' + v + '"';
/** No quote to escape and no lone surrogate: scanned per field, since most are one-byte. */
const plain = (v: string | null): boolean => v === null || (!v.includes('"') && v.isWellFormed());
// Keys and punctuation contain neither, so the whole text is scanned once for these.
// eslint-disable-next-line no-control-regex -- these are the other characters JSON escapes
const BACKSLASH_OR_CONTROL = /[\\\u0000-\u001f]/;

/**
 * canonicalize(auditContent(c)), fast. Verification does this a million times, and the
 * generic walk (key sort, JSON.stringify per string, a path stack per call) costs more
 * than both SHA-256s together. Almost no entry holds a character that needs escaping:
 * such entries are written out with the keys in canonical order, by hand, and anything
 * unusual takes the generic path. The tests prove both paths equal.
 */
function contentCanonicalText(c: AuditEntryContent): string {
	if (!hasDeclaredTypes(c)) {
		throw new TypeError('Audit entry fields must have their declared types');
	}
	const simple =
		plain(c.action) &&
		plain(c.actorId) &&
		plain(c.actorLabel) &&
		plain(c.assessmentId) &&
		plain(c.at) &&
		plain(c.entity) &&
		plain(c.entityId) &&
		plain(c.orgId) &&
		plain(c.role) &&
		plain(c.stateHash) &&
		plain(c.summary);
	if (simple) {
		const text =
			`{"action":"${c.action}"${member(',"actorId":', c.actorId)},"actorLabel":"${c.actorLabel}"` +
			`${member(',"assessmentId":', c.assessmentId)},"at":"${c.at}","entity":"${c.entity}"` +
			`${member(',"entityId":', c.entityId)}${member(',"orgId":', c.orgId)}` +
			`${member(',"role":', c.role)},"seq":${c.seq}${member(',"stateHash":', c.stateHash)}` +
			`,"summary":"${c.summary}","version":${c.version === null ? 'null' : c.version}}`;
		if (!BACKSLASH_OR_CONTROL.test(text)) return text;
	}
	return canonicalize(auditContent(c));
}

/** SHA-256 hex of the canonical JSON of exactly the 13 content fields. */
export function entryHash(content: AuditEntryContent): string {
	return sha256Hex(contentCanonicalText(content));
}

/** SHA-256 hex of the UTF-8 string `previousChainHash + entryHash`. */
export function chainHash(previousChainHash: string, entryHash: string): string {
	assertHash(previousChainHash, 'previousChainHash');
	assertHash(entryHash, 'entryHash');
	return sha256Hex(previousChainHash + entryHash);
}

/** Seals the next entry. Validates more strictly than verification: bad data never enters. */
export function sealEntry(previousChainHash: string, content: AuditEntryContent): AuditEntry {
	assertHash(previousChainHash, 'previousChainHash');
	if (!Number.isSafeInteger(content.seq) || content.seq < 1) {
		throw new TypeError('seq must be a positive integer');
	}
	if (!ISO_UTC.test(content.at) || Number.isNaN(Date.parse(content.at))) {
		throw new TypeError('at must be an ISO-8601 UTC timestamp');
	}
	if (content.version !== null && (!Number.isSafeInteger(content.version) || content.version < 0)) {
		throw new TypeError('version must be a non-negative integer or null');
	}
	if (content.stateHash !== null) assertHash(content.stateHash, 'stateHash');
	const sealed = auditContent(content);
	const hash = entryHash(sealed);
	return { ...sealed, entryHash: hash, chainHash: sha256Hex(previousChainHash + hash) };
}

/**
 * Verifies entries one at a time, keeping only the running head, so a caller can stream
 * millions of rows from a database cursor. After the first failure it ignores the rest.
 */
export class ChainVerifier {
	#head: string;
	#nextSeq: number;
	#count = 0;
	#failure: ChainFailure | null = null;
	readonly #expectedHead: string | undefined;

	constructor(
		start: ChainStart = { previousChainHash: GENESIS_HASH, nextSeq: 1 },
		expectedHead?: string
	) {
		assertHash(start.previousChainHash, 'previousChainHash');
		if (!Number.isSafeInteger(start.nextSeq)) throw new TypeError('nextSeq must be an integer');
		if (expectedHead !== undefined) assertHash(expectedHead, 'expectedHead');
		this.#head = start.previousChainHash;
		this.#nextSeq = start.nextSeq;
		this.#expectedHead = expectedHead;
	}

	/** Returns null while the chain holds, else the (first, and then every later) failure. */
	push(entry: AuditEntry): ChainFailure | null {
		if (this.#failure !== null) return this.#failure;
		const seq = this.#nextSeq;
		if (entry.seq !== seq) return this.#fail(seq, 'sequence');
		let text: string;
		try {
			text = contentCanonicalText(entry);
		} catch {
			// A row whose fields have the wrong types was not written by sealEntry.
			return this.#fail(seq, 'entry-hash');
		}
		return this.#link(seq, text, entry.entryHash, entry.chainHash);
	}

	/**
	 * push() for an entry whose canonical text was written elsewhere, e.g. by SQLite while
	 * reading the row (see server/audit-segments.ts). The caller vouches that `canonicalText`
	 * is exactly canonicalize(auditContent(entry)) and that the fields have their types.
	 */
	pushCanonical(
		seq: number,
		canonicalText: string,
		storedEntryHash: unknown,
		storedChainHash: unknown
	): ChainFailure | null {
		if (this.#failure !== null) return this.#failure;
		if (seq !== this.#nextSeq) return this.#fail(this.#nextSeq, 'sequence');
		return this.#link(seq, canonicalText, storedEntryHash, storedChainHash);
	}

	#link(
		seq: number,
		canonicalText: string,
		storedEntryHash: unknown,
		storedChainHash: unknown
	): ChainFailure | null {
		const hash = sha256Hex(canonicalText);
		if (hash !== storedEntryHash) return this.#fail(seq, 'entry-hash');
		const link = sha256Hex(this.#head + hash);
		if (link !== storedChainHash) return this.#fail(seq, 'chain-hash');
		this.#head = link;
		this.#nextSeq = seq + 1;
		this.#count++;
		return null;
	}

	/** The verdict so far; checks `expectedHead` (if given) against the current head. */
	result(): ChainVerification {
		if (this.#failure !== null) return this.#failure;
		if (this.#expectedHead !== undefined && this.#head !== this.#expectedHead) {
			return { ok: false, count: this.#count, firstBadSeq: this.#nextSeq, reason: 'head' };
		}
		return { ok: true, count: this.#count, head: this.#head };
	}

	/** Chain hash and seq to resume from, e.g. to checkpoint a long verification. */
	get position(): ChainStart {
		return { previousChainHash: this.#head, nextSeq: this.#nextSeq };
	}

	#fail(seq: number, reason: ChainFailureReason): ChainFailure {
		this.#failure = { ok: false, count: this.#count, firstBadSeq: seq, reason };
		return this.#failure;
	}
}

/**
 * Verifies a whole chain (or a segment from `start`). `expectedHead`, when known from
 * outside the log (an exported bundle, a published anchor), also catches a truncated or
 * rewritten tail; it must be the head of the last entry in `entries`.
 */
export function verifyChain(
	entries: Iterable<AuditEntry>,
	start?: ChainStart,
	expectedHead?: string
): ChainVerification {
	const verifier = new ChainVerifier(start, expectedHead);
	for (const entry of entries) {
		if (verifier.push(entry) !== null) break;
	}
	return verifier.result();
}
