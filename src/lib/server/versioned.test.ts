import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from './audit';
import { memberships, organisations } from './db/schema';
import { tempDatabase } from './testing/temp-db';
import { createOrganisation } from './users';
import { isStale, StaleVersionError, updateVersioned, type VersionedWrite } from './versioned';
import type { Db } from './db';

// The organisations table is the smallest versioned table: no foreign key to set up.
describe('updateVersioned', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let orgId: string;
	beforeEach(() => {
		ctx = tempDatabase();
		orgId = createOrganisation(ctx.db, SYSTEM_ACTOR, 'CH Test', null).id;
	});
	afterEach(() => ctx.dispose());

	const rename = (db: Db, version: number, name: string, extra: object = {}) =>
		updateVersioned(db, SYSTEM_ACTOR, {
			table: organisations,
			where: [eq(organisations.id, orgId)],
			version,
			set: () => ({ name }),
			event: (updated, before) => ({
				action: 'organisation.rename',
				entity: 'organisation',
				entityId: updated.id,
				orgId,
				version: updated.version,
				summary: `${before.name} -> ${updated.name}`
			}),
			...extra
		});
	const stored = () => ctx.db.select().from(organisations).where(eq(organisations.id, orgId)).get();
	const auditCount = () =>
		(ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
	const thrownBy = (f: () => unknown): unknown => {
		try {
			f();
		} catch (e) {
			return e;
		}
		throw new Error('expected a refusal');
	};

	it('writes the change from the version the user saw, with version + 1 and its audit entry', () => {
		const audited = auditCount();
		const updated = rename(ctx.db, 1, 'CHU Nord');
		expect(updated).toMatchObject({ id: orgId, name: 'CHU Nord', version: 2 });
		expect(stored()).toMatchObject({ name: 'CHU Nord', version: 2 });
		expect(auditCount()).toBe(audited + 1);
		const entry = ctx.db.$client
			.prepare('SELECT action, version, summary FROM audit_log ORDER BY seq DESC LIMIT 1')
			.get();
		expect(entry).toEqual({
			action: 'organisation.rename',
			version: 2,
			summary: 'CH Test -> CHU Nord'
		});
	});

	it('refuses a write from an older version with the newer row, typed, and writes nothing', () => {
		rename(ctx.db, 1, 'Saved first');
		const audited = auditCount();
		const e = thrownBy(() => rename(ctx.db, 1, 'Saved second'));
		expect(e).toBeInstanceOf(StaleVersionError);
		if (!isStale(e, organisations)) throw new Error('expected a stale organisation');
		// Typed: `current` is an organisation row, read without a cast.
		expect(e.current?.name).toBe('Saved first');
		expect(e.current?.version).toBe(2);
		expect(stored()).toMatchObject({ name: 'Saved first', version: 2 });
		expect(auditCount()).toBe(audited);
	});

	it('tells the tables apart: a stale organisation is not a stale membership', () => {
		rename(ctx.db, 1, 'Saved first');
		const e = thrownBy(() => rename(ctx.db, 1, 'Saved second'));
		expect(isStale(e, organisations)).toBe(true);
		expect(isStale(e, memberships)).toBe(false);
		expect(isStale(new Error('other'), organisations)).toBe(false);
	});

	it('refuses a missing row as stale without a current row, or with the error asked for', () => {
		const write: VersionedWrite<typeof organisations> = {
			table: organisations,
			where: [eq(organisations.id, 'no-such-org')],
			version: 1,
			set: () => ({ name: 'x' }),
			event: () => ({ action: 'x', entity: 'organisation', summary: 'x' })
		};
		const e = thrownBy(() => updateVersioned(ctx.db, SYSTEM_ACTOR, write));
		expect(isStale(e, organisations) && e.current).toBe(null);
		class Gone extends Error {}
		expect(
			thrownBy(() => updateVersioned(ctx.db, SYSTEM_ACTOR, { ...write, missing: () => new Gone() }))
		).toBeInstanceOf(Gone);
	});

	it('runs the guard before comparing versions, and a refusal in set() writes nothing', () => {
		class Frozen extends Error {}
		rename(ctx.db, 1, 'Saved first');
		const audited = auditCount();
		const guarded = thrownBy(() =>
			rename(ctx.db, 1, 'stale and frozen', {
				guard: () => {
					throw new Frozen();
				}
			})
		);
		expect(guarded).toBeInstanceOf(Frozen);
		const refused = thrownBy(() =>
			rename(ctx.db, 2, 'refused', {
				set: () => {
					throw new Frozen();
				}
			})
		);
		expect(refused).toBeInstanceOf(Frozen);
		expect(stored()).toMatchObject({ name: 'Saved first', version: 2 });
		expect(auditCount()).toBe(audited);
	});

	it('throws the aggregate’s own stale error when it shows the row its own way', () => {
		class StaleName extends StaleVersionError<{ version: number; label: string }> {}
		rename(ctx.db, 1, 'Saved first');
		const e = thrownBy(() =>
			rename(ctx.db, 1, 'late', {
				stale: (row: { version: number; name: string }) =>
					new StaleName({ version: row.version, label: row.name.toUpperCase() })
			})
		);
		expect(e).toBeInstanceOf(StaleName);
		expect((e as StaleName).current).toEqual({ version: 2, label: 'SAVED FIRST' });
	});

	it('loses no update: whatever versions writers send, only writes from the current one land', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 12 }), (lags) => {
				const start = stored()!.version;
				let successes = 0;
				for (const [i, lag] of lags.entries()) {
					const seen = stored()!.version - lag;
					try {
						rename(ctx.db, seen, `write ${i}`);
						expect(lag).toBe(0);
						successes++;
					} catch (e) {
						expect(lag).toBeGreaterThan(0);
						expect(isStale(e, organisations) && e.current?.version).toBe(start + successes);
					}
				}
				expect(stored()!.version).toBe(start + successes);
			}),
			{ numRuns: 30 }
		);
	});
});
