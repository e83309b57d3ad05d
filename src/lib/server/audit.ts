import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import { canonicalHash } from '$lib/domain/canonical';
import {
	GENESIS_HASH,
	sealEntry,
	type AuditEntry,
	type AuditEntryContent,
	type ChainVerification
} from '$lib/domain/audit-chain';
import { verifySegment, WHOLE_CHAIN } from './audit-segments';
import { auditLog } from './db/schema';
import { writeTransaction, type Db } from './db';
import { prepared } from './db/prepared';

/** Who did it: a signed-in user, or the anonymous side of a login attempt. */
export interface Actor {
	userId: string | null;
	label: string;
	role: string | null;
	orgId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', role: null, orgId: null };

export interface AuditEvent {
	action: string;
	entity: string;
	entityId?: string | null;
	assessmentId?: string | null;
	orgId?: string | null;
	version?: number | null;
	summary: string;
	/** The new state of the entity; its canonical SHA-256 goes into the entry. */
	state?: unknown;
}

/** Appends one sealed entry. Must run inside the caller's write transaction. */
export function append(tx: Db, actor: Actor, event: AuditEvent, at = new Date()): AuditEntry {
	const last = tx
		.select({ seq: auditLog.seq, chainHash: auditLog.chainHash })
		.from(auditLog)
		.orderBy(desc(auditLog.seq))
		.limit(1)
		.get();
	const content: AuditEntryContent = {
		seq: (last?.seq ?? 0) + 1,
		at: at.toISOString(),
		actorId: actor.userId,
		actorLabel: actor.label,
		role: actor.role,
		orgId: event.orgId ?? actor.orgId,
		action: event.action,
		entity: event.entity,
		entityId: event.entityId ?? null,
		assessmentId: event.assessmentId ?? null,
		version: event.version ?? null,
		// One line per entry whatever the input: the summary is for people reading a log.
		// Cut by code points and made well-formed: canonical JSON refuses lone surrogates.
		summary: [...event.summary.replace(/[\r\n]+/g, ' ')].slice(0, 500).join('').toWellFormed(),
		stateHash: event.state === undefined ? null : canonicalHash(event.state)
	};
	const entry = sealEntry(last?.chainHash ?? GENESIS_HASH, content);
	tx.insert(auditLog).values(entry).run();
	return entry;
}

/**
 * The one way the application changes data: `change` and its audit entry commit
 * together or not at all (BEGIN IMMEDIATE). `change` returns the value and the event.
 */
export function mutate<T>(
	db: Db,
	actor: Actor,
	change: (tx: Db) => { result: T; event: AuditEvent }
): T {
	return writeTransaction(db, (tx) => {
		const { result, event } = change(tx);
		append(tx, actor, event);
		return result;
	});
}

/** Records an event that changes nothing else (login failure, export…). */
export function record(db: Db, actor: Actor, event: AuditEvent): void {
	writeTransaction(db, (tx) => append(tx, actor, event));
}

/**
 * Verifies the whole chain by streaming rows, so memory stays flat on millions of entries.
 * The CLI splits long chains over worker threads (scripts/audit-verify.ts).
 */
export function verify(db: Db): ChainVerification {
	return verifySegment(db.$client, WHOLE_CHAIN);
}

const latestOf = prepared((db) =>
	db
		.select()
		.from(auditLog)
		.where(eq(auditLog.assessmentId, sql.placeholder('id')))
		.orderBy(desc(auditLog.seq))
		.limit(sql.placeholder('limit'))
		.offset(sql.placeholder('offset'))
		.prepare()
);

/** An assessment's entries, most recent first, skipping the `offset` most recent. */
export function entriesFor(db: Db, assessmentId: string, limit = 200, offset = 0) {
	return latestOf(db).all({ id: assessmentId, limit, offset });
}

/** How many entries the audit log holds about an assessment (read from its index). */
export function entryCount(db: Db, assessmentId: string): number {
	return countOf(db).get(assessmentId) as number;
}

const countOf = prepared((db) =>
	db.$client.prepare('SELECT count(*) FROM audit_log WHERE assessment_id = ?').pluck()
);

export function entriesAfter(db: Db, seq: number, limit = 1000) {
	return db
		.select()
		.from(auditLog)
		.where(gt(auditLog.seq, seq))
		.orderBy(asc(auditLog.seq))
		.limit(limit)
		.all();
}
