/**
 * Reads, from a database, what src/lib/domain/audit-state.ts and audit-head.ts compare:
 * the entries that vouch for signatures and frozen versions, those rows as they are now,
 * and the chain's entry at a head recorded earlier. Raw SQL on the connection, so that
 * the CLI and the worker thread need neither drizzle nor the schema.
 */
import {
	stateClaimOf,
	StateCheck,
	versionKey,
	type SignatureRow,
	type StateEntry,
	type StateRows,
	type StateTable,
	type StateVerdict,
	type VersionRow
} from '$lib/domain/audit-state';
import { headProblem, type ChainHead, type HeadProblem } from '$lib/domain/audit-head';
import type { Db } from './db';

type Sqlite = Db['$client'];

/** JSON columns as drizzle reads them; a value that no longer parses is kept as text,
 * which cannot hash like the JSON that was written. */
function json(text: unknown): unknown {
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

const SIGNATURE_COLUMNS = `id, assessment_id AS assessmentId, version_number AS versionNumber,
	kind, extra_key AS extraKey, verdict, body, details, signer_id AS signerId,
	signer_name AS signerName, signer_role AS signerRole, signed_at AS signedAt,
	content_hash AS contentHash, auth_method AS authMethod`;
const VERSION_COLUMNS = `assessment_id AS assessmentId, number, content,
	content_hash AS contentHash, frozen_at AS frozenAt, frozen_by AS frozenBy`;

function dbRows(sqlite: Sqlite): StateRows {
	const signature = sqlite.prepare(`SELECT ${SIGNATURE_COLUMNS} FROM signatures WHERE id = ?`);
	const decision = sqlite.prepare(
		`SELECT ${SIGNATURE_COLUMNS} FROM signatures
		 WHERE assessment_id = ? AND version_number = ? AND kind = 'decision'
		 ORDER BY signed_at DESC LIMIT 1`
	);
	const version = sqlite.prepare(
		`SELECT ${VERSION_COLUMNS} FROM assessment_versions WHERE assessment_id = ? AND number = ?`
	);
	const sig = (row: unknown) =>
		row
			? ({ ...(row as SignatureRow), details: json((row as SignatureRow).details) } as SignatureRow)
			: undefined;
	return {
		signature: (id) => sig(signature.get(id)),
		decisionOf: (assessmentId, number) => sig(decision.get(assessmentId, number)),
		version: (assessmentId, number) => {
			const row = version.get(assessmentId, number) as VersionRow | undefined;
			return row ? { ...row, content: json(row.content) } : undefined;
		}
	};
}

function* allRows(sqlite: Sqlite): Generator<{ table: StateTable; id: string }> {
	for (const r of sqlite.prepare('SELECT id FROM signatures ORDER BY signed_at, id').iterate()) {
		yield { table: 'signatures', id: (r as { id: string }).id };
	}
	const versions = sqlite.prepare(
		'SELECT assessment_id AS a, number AS n FROM assessment_versions ORDER BY frozen_at'
	);
	for (const r of versions.iterate() as Iterable<{ a: string; n: number }>) {
		yield { table: 'assessment_versions', id: versionKey(r.a, r.n) };
	}
}

/**
 * Recomputes the state of every signature and frozen version from the rows and compares
 * it with the hash its audit entry recorded; reports the first disagreement in audit order.
 */
export function verifyStates(sqlite: Sqlite): StateVerdict {
	const check = new StateCheck(dbRows(sqlite));
	const entries = sqlite.prepare(
		`SELECT seq, action, entity, entity_id AS entityId, assessment_id AS assessmentId,
		        version, state_hash AS stateHash
		 FROM audit_log WHERE action IN ('opinion.sign', 'decision.sign') ORDER BY seq`
	);
	for (const e of entries.iterate() as Iterable<StateEntry>) {
		const claim = stateClaimOf(e);
		if (claim) check.push(claim);
	}
	return check.finish(allRows(sqlite));
}

/** The last entry's seq and chain hash, or null for an empty log. */
export function currentHead(sqlite: Sqlite): ChainHead | null {
	const row = sqlite
		.prepare('SELECT seq, chain_hash AS chainHash FROM audit_log ORDER BY seq DESC LIMIT 1')
		.get() as ChainHead | undefined;
	return row ?? null;
}

/** Whether the log still holds `known` (a head recorded earlier), e.g. after a deleted tail. */
export function checkKnownHead(sqlite: Sqlite, known: ChainHead): HeadProblem | null {
	const row = sqlite
		.prepare('SELECT chain_hash AS h FROM audit_log WHERE seq = ?')
		.get(known.seq) as { h: string } | undefined;
	return headProblem(known, row?.h);
}
