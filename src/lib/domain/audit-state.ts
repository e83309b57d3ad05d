/**
 * The state an audit entry vouches for, recomputed from the rows as they are now.
 *
 * The hash chain proves that no entry was altered, but not that the signed rows still say
 * what the entries recorded: with the triggers dropped, `UPDATE signatures SET verdict =
 * 'reject'` leaves every entry intact. So the entries that create evidence hash the rows
 * they wrote (`stateHash`, part of the chained content), and a verifier recomputes that
 * hash from the current rows (the database, or a bundle's assessment.json):
 *
 * | entry                                             | rows hashed (canonical JSON)                          |
 * | ------------------------------------------------- | ----------------------------------------------------- |
 * | `opinion.sign`, entity `signature`, id S          | signatures row S                                      |
 * | `decision.sign`, entity `signature`, id S, version N of assessment A | `{signature: row S, version: assessment_versions row (A, N)}` |
 * | `decision.sign`, entity `assessment` (before this check existed) | not recomputable (it hashed the assessment's mutable row); the frozen version is still checked against its decision |
 *
 * The row a hash refers to follows from the entry's own fields, so no column was added.
 * A frozen version repeats its decision's content hash, time and signer; when a decision's
 * hash disagrees, the version row is named if it disagrees with its signature (or with its
 * own content), else the signature row.
 */
import { canonicalHash } from './canonical';

/** A `signatures` row, with the column names of the schema (camelCase). */
export interface SignatureRow {
	id: string;
	assessmentId: string;
	versionNumber: number;
	kind: string;
	extraKey: string | null;
	verdict: string | null;
	body: string;
	details: unknown;
	signerId: string;
	signerName: string;
	signerRole: string;
	signedAt: string;
	contentHash: string;
	/** How the signer proved it was them; absent or null on signatures made before it was recorded. */
	authMethod?: string | null;
}

/** An `assessment_versions` row: the frozen content of a decided version. */
export interface VersionRow {
	assessmentId: string;
	number: number;
	content: unknown;
	contentHash: string;
	frozenAt: string;
	frozenBy: string;
}

export type StateTable = 'signatures' | 'assessment_versions';

/** Where a frozen version is named in reports: `<assessment id>/<number>`. */
export const versionKey = (assessmentId: string, number: number) => `${assessmentId}/${number}`;

/** Exactly the hashed columns, whatever else the object carries (e.g. `current`). */
export function signatureState(r: SignatureRow): SignatureRow {
	return {
		id: r.id,
		assessmentId: r.assessmentId,
		versionNumber: r.versionNumber,
		kind: r.kind,
		extraKey: r.extraKey,
		verdict: r.verdict,
		body: r.body,
		details: r.details ?? null,
		signerId: r.signerId,
		signerName: r.signerName,
		signerRole: r.signerRole,
		signedAt: r.signedAt,
		contentHash: r.contentHash,
		// Only when recorded, so the hashes of earlier signatures stay what they were.
		...(r.authMethod ? { authMethod: r.authMethod } : {})
	};
}

export function versionState(r: VersionRow): VersionRow {
	return {
		assessmentId: r.assessmentId,
		number: r.number,
		content: r.content,
		contentHash: r.contentHash,
		frozenAt: r.frozenAt,
		frozenBy: r.frozenBy
	};
}

/** The state of an opinion entry (equal to what earlier versions hashed: the whole row). */
export const signatureStateHash = (r: SignatureRow) => canonicalHash(signatureState(r));

/** The state of a decision entry: the decision and the version it froze. */
export const decisionStateHash = (signature: SignatureRow, version: VersionRow) =>
	canonicalHash({ signature: signatureState(signature), version: versionState(version) });

/** The audit entry fields that say which rows its state is. */
export interface StateEntry {
	seq: number;
	action: string;
	entity: string;
	entityId: string | null;
	assessmentId: string | null;
	version: number | null;
	stateHash: string | null;
}

export type StateClaim =
	| { kind: 'opinion'; seq: number; stateHash: string; signatureId: string }
	| {
			kind: 'decision';
			seq: number;
			stateHash: string;
			signatureId: string;
			assessmentId: string;
			versionNumber: number;
	  }
	| { kind: 'legacy-decision'; seq: number; assessmentId: string; versionNumber: number };

/** The rows an entry vouches for, or null for an entry that creates no such evidence. */
export function stateClaimOf(e: StateEntry): StateClaim | null {
	if (e.action === 'opinion.sign' && e.entity === 'signature' && e.entityId && e.stateHash) {
		return { kind: 'opinion', seq: e.seq, stateHash: e.stateHash, signatureId: e.entityId };
	}
	if (e.action !== 'decision.sign' || !e.assessmentId || e.version === null) return null;
	if (e.entity === 'signature' && e.entityId && e.stateHash) {
		return {
			kind: 'decision',
			seq: e.seq,
			stateHash: e.stateHash,
			signatureId: e.entityId,
			assessmentId: e.assessmentId,
			versionNumber: e.version
		};
	}
	return {
		kind: 'legacy-decision',
		seq: e.seq,
		assessmentId: e.assessmentId,
		versionNumber: e.version
	};
}

export type StateProblemReason =
	/** The row's state hash differs from the one its entry recorded. */
	| 'changed'
	/** The row an entry vouches for is gone. */
	| 'missing'
	/** A frozen version disagrees with its decision, or its content with its content hash. */
	| 'mismatch'
	/** A row no audit entry vouches for (inserted behind the application's back). */
	| 'unaudited';

export interface StateProblem {
	table: StateTable;
	id: string;
	/** The entry that vouches for the row; null for an unaudited row. */
	seq: number | null;
	reason: StateProblemReason;
}

/** How the verifier reads rows: from the database, or from a bundle's assessment.json. */
export interface StateRows {
	signature(id: string): SignatureRow | undefined;
	version(assessmentId: string, number: number): VersionRow | undefined;
	/** The decision signature of a version (for entries that did not name it). */
	decisionOf(assessmentId: string, number: number): SignatureRow | undefined;
}

/** Whether a frozen version is the one its decision signed, field by field. */
function versionAgrees(v: VersionRow, decision: SignatureRow): boolean {
	let contentHash: string;
	try {
		contentHash = canonicalHash(v.content);
	} catch {
		return false;
	}
	return (
		contentHash === v.contentHash &&
		v.contentHash === decision.contentHash &&
		v.frozenAt === decision.signedAt &&
		v.frozenBy === decision.signerId &&
		v.assessmentId === decision.assessmentId &&
		v.number === decision.versionNumber
	);
}

const hashOr = (compute: () => string): string | null => {
	try {
		return compute();
	} catch {
		return null; // e.g. a lone surrogate written into a row: it is not what was hashed
	}
};

/** The first problem of one entry's rows, or null when they are what it recorded. */
export function checkClaim(claim: StateClaim, rows: StateRows): StateProblem | null {
	const { seq } = claim;
	if (claim.kind === 'opinion') {
		const row = rows.signature(claim.signatureId);
		const id = claim.signatureId;
		if (!row) return { table: 'signatures', id, seq, reason: 'missing' };
		if (hashOr(() => signatureStateHash(row)) !== claim.stateHash) {
			return { table: 'signatures', id, seq, reason: 'changed' };
		}
		return null;
	}
	const vKey = versionKey(claim.assessmentId, claim.versionNumber);
	const version = rows.version(claim.assessmentId, claim.versionNumber);
	if (claim.kind === 'legacy-decision') {
		const decision = rows.decisionOf(claim.assessmentId, claim.versionNumber);
		if (!version) return { table: 'assessment_versions', id: vKey, seq, reason: 'missing' };
		if (!decision) return { table: 'signatures', id: vKey, seq, reason: 'missing' };
		if (!versionAgrees(version, decision)) {
			return { table: 'assessment_versions', id: vKey, seq, reason: 'mismatch' };
		}
		return null;
	}
	const signature = rows.signature(claim.signatureId);
	if (!signature) return { table: 'signatures', id: claim.signatureId, seq, reason: 'missing' };
	if (!version) return { table: 'assessment_versions', id: vKey, seq, reason: 'missing' };
	if (hashOr(() => decisionStateHash(signature, version)) === claim.stateHash) return null;
	if (!versionAgrees(version, signature)) {
		return { table: 'assessment_versions', id: vKey, seq, reason: 'mismatch' };
	}
	return { table: 'signatures', id: claim.signatureId, seq, reason: 'changed' };
}

/** The rows each claim covers, to find rows no entry vouches for. */
export function coveredRows(
	claim: StateClaim,
	rows: StateRows
): { table: StateTable; id: string }[] {
	const version = {
		table: 'assessment_versions' as const,
		id: 'assessmentId' in claim ? versionKey(claim.assessmentId, claim.versionNumber) : ''
	};
	if (claim.kind === 'opinion') return [{ table: 'signatures', id: claim.signatureId }];
	if (claim.kind === 'decision') return [{ table: 'signatures', id: claim.signatureId }, version];
	const decision = rows.decisionOf(claim.assessmentId, claim.versionNumber);
	return decision ? [{ table: 'signatures', id: decision.id }, version] : [version];
}

/**
 * Checks every claim and every row: the first problem in audit order (an unaudited row
 * after all entries), and how many there are. Claims must come in increasing seq.
 */
export class StateCheck {
	readonly #rows: StateRows;
	readonly #covered = new Set<string>();
	#first: StateProblem | null = null;
	#count = 0;
	claims = 0;

	constructor(rows: StateRows) {
		this.#rows = rows;
	}

	#problem(p: StateProblem) {
		this.#count++;
		this.#first ??= p;
	}

	push(claim: StateClaim): void {
		this.claims++;
		for (const r of coveredRows(claim, this.#rows)) this.#covered.add(`${r.table} ${r.id}`);
		const problem = checkClaim(claim, this.#rows);
		if (problem) this.#problem(problem);
	}

	/** Every row that exists, checked for an entry vouching for it; then the verdict. */
	finish(all: Iterable<{ table: StateTable; id: string }>): StateVerdict {
		for (const r of all) {
			if (!this.#covered.has(`${r.table} ${r.id}`)) {
				this.#problem({ table: r.table, id: r.id, seq: null, reason: 'unaudited' });
			}
		}
		return this.#first
			? { ok: false, claims: this.claims, first: this.#first, problems: this.#count }
			: { ok: true, claims: this.claims };
	}
}

export type StateVerdict =
	| { ok: true; claims: number }
	| { ok: false; claims: number; first: StateProblem; problems: number };

/** One line for people and logs: `signatures abc (audit seq 12): changed`. */
export function describeProblem(p: StateProblem): string {
	return `${p.table} ${p.id} (${p.seq === null ? 'no audit entry' : `audit seq ${p.seq}`}): ${p.reason}`;
}
