import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, mutate, record, verify } from './audit';
import { organisations } from './db/schema';
import { tempDatabase } from './testing/temp-db';

describe('mutate: a change and its audit entry commit together', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeEach(() => (ctx = tempDatabase()));
	afterEach(() => ctx.dispose());
	const count = (t: string) =>
		(ctx.db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;

	it('appends one chained entry per change', () => {
		for (const name of ['A', 'B', 'C']) {
			mutate(ctx.db, SYSTEM_ACTOR, (tx) => {
				tx.insert(organisations).values({ id: name, name }).run();
				return {
					result: null,
					event: {
						action: 'organisation.create',
						entity: 'organisation',
						entityId: name,
						summary: name,
						state: { name }
					}
				};
			});
		}
		record(ctx.db, SYSTEM_ACTOR, {
			action: 'export',
			entity: 'assessment',
			summary: 'line1\nline2'
		});
		expect(count('audit_log')).toBe(4);
		expect(verify(ctx.db)).toMatchObject({ ok: true, count: 4 });
		const last = ctx.db.$client
			.prepare('SELECT summary, state_hash FROM audit_log WHERE seq = 1')
			.get() as {
			summary: string;
			state_hash: string;
		};
		expect(last.state_hash).toMatch(/^[0-9a-f]{64}$/);
		const exported = ctx.db.$client
			.prepare('SELECT summary FROM audit_log WHERE seq = 4')
			.get() as { summary: string };
		expect(exported.summary).toBe('line1 line2');
	});

	it('writes nothing when the change throws: no half-saved state, no orphan entry', () => {
		expect(() =>
			mutate(ctx.db, SYSTEM_ACTOR, (tx) => {
				tx.insert(organisations).values({ id: 'X', name: 'X' }).run();
				throw new Error('boom');
			})
		).toThrow('boom');
		expect(count('organisations')).toBe(0);
		expect(count('audit_log')).toBe(0);
	});

	it('detects a row altered behind the triggers', () => {
		for (let i = 0; i < 5; i++)
			record(ctx.db, SYSTEM_ACTOR, { action: 'x', entity: 'y', summary: `n${i}` });
		ctx.db.$client.exec('DROP TRIGGER audit_log_no_update');
		ctx.db.$client.prepare("UPDATE audit_log SET summary = 'forged' WHERE seq = 3").run();
		expect(verify(ctx.db)).toMatchObject({ ok: false, firstBadSeq: 3 });
	});
});
