import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { mutate, type Actor, type AuditEvent } from './audit';
import type { Db } from './db';

/**
 * Optimistic concurrency, in one place. Every editable row carries a `version`; a form
 * sends back the version the user was looking at, and a write applies only to that
 * version. Otherwise nothing is written and the user gets the newer row, so that the page
 * can show what changed beside what they typed (never a silent overwrite, never a lost edit).
 */

/** What a conflict shows of the newer row: its version, and who saved it when, if known. */
export interface Versioned {
	version: number;
	updatedBy?: string | null;
	updatedAt?: string | null;
}

/** A table with an integer `version` column. */
export type VersionedTable = SQLiteTable & { version: SQLiteColumn };
export type RowOf<T extends VersionedTable> = T['$inferSelect'] & Versioned;
type ChangeOf<T extends VersionedTable> = Partial<T['$inferInsert']>;

/**
 * Someone saved a newer version since the user read theirs. `current` is that newer row
 * (null when the row is gone). The class's type parameter is erased at run time: narrow
 * with `isStale(e, table)` to read the row with its type.
 */
export class StaleVersionError<T extends Versioned = Versioned> extends Error {
	constructor(
		public readonly current: T | null,
		/** The table the row belongs to (what `isStale` checks). */
		public readonly source: VersionedTable | null = null
	) {
		super('stale version');
		this.name = 'StaleVersionError';
	}
}

/** The error is a stale version of a row of `table`: its `current` is then typed. */
export function isStale<T extends VersionedTable>(
	e: unknown,
	table: T
): e is StaleVersionError<RowOf<T>> {
	return e instanceof StaleVersionError && e.source === table;
}

export interface VersionedWrite<T extends VersionedTable, S extends Versioned = RowOf<T>> {
	table: T;
	/** The conditions that identify the one row to change (without the version). */
	where: [SQL, ...SQL[]];
	/** The version the user was looking at. */
	version: number;
	/** The change, from the current row; called once the version matched (may refuse by throwing). */
	set: (current: RowOf<T>, tx: Db) => ChangeOf<T>;
	/**
	 * Refusals that come before a version conflict (a frozen assessment: saying "decided"
	 * helps more than "someone saved"). Called inside the transaction with the row as read.
	 */
	guard?: (current: RowOf<T> | undefined, tx: Db) => void;
	/** What a missing row throws; by default a StaleVersionError without a current row. */
	missing?: () => Error;
	/** The stale error for this aggregate, when it shows the row its own way. */
	stale?: (current: RowOf<T>) => StaleVersionError<S>;
	/** The audit entry of the change, from the row after and before it. */
	event: (updated: RowOf<T>, before: RowOf<T>) => AuditEvent;
	/** Further writes that commit with the change (the notifications it causes). */
	after?: (updated: RowOf<T>, before: RowOf<T>, tx: Db) => void;
}

/**
 * Reads the row, compares its version with the one the user saw, writes the change with
 * version + 1 and its audit entry, all in one write transaction (audit.mutate, BEGIN
 * IMMEDIATE: nobody can write between the read and the update). A newer version throws
 * StaleVersionError with that row and writes nothing.
 */
export function updateVersioned<T extends VersionedTable, S extends Versioned = RowOf<T>>(
	db: Db,
	actor: Actor,
	write: VersionedWrite<T, S>
): RowOf<T> {
	const { table, where, version } = write;
	return mutate(db, actor, (tx) => {
		const current = tx
			.select()
			.from(table)
			.where(and(...where))
			.get() as RowOf<T> | undefined;
		write.guard?.(current, tx);
		if (!current) throw write.missing?.() ?? new StaleVersionError<RowOf<T>>(null, table);
		const stale = () => write.stale?.(current) ?? new StaleVersionError(current, table);
		if (current.version !== version) throw stale();
		const change = { ...write.set(current, tx), version: version + 1 };
		const updated = tx
			.update(table)
			.set(change as never)
			// The version again: the row only changes from the version that was compared.
			.where(and(...where, eq(table.version, version)))
			.returning()
			.get() as unknown as RowOf<T> | undefined;
		if (!updated) throw stale();
		write.after?.(updated, current, tx);
		return { result: updated, event: write.event(updated, current) };
	});
}
