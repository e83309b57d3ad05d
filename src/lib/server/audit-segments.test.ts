import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealEntry } from '$lib/domain/audit-chain';
import { verify } from './audit';
import {
	combineSegments,
	newQueue,
	planSegments,
	verifyClaimed,
	verifySegment
} from './audit-segments';
import { tamperableAuditDatabase, type tempDatabase } from './testing/temp-db';

const COLUMNS = `seq, at, actor_id, actor_label, role, org_id, action, entity, entity_id,
	assessment_id, version, summary, state_hash, entry_hash, chain_hash`;
const HEX = 'ab'.repeat(32);

/** What someone with write access to the file could do, one change at a time. */
const tamperArb = (n: number) =>
	fc.oneof(
		fc.constant(['none'] as const),
		fc.tuple(fc.constant('delete'), fc.integer({ min: 1, max: n })),
		fc.tuple(fc.constant('summary'), fc.integer({ min: 1, max: n })),
		fc.tuple(fc.constant('entry_hash'), fc.integer({ min: 1, max: n })),
		fc.tuple(fc.constant('chain_hash'), fc.integer({ min: 1, max: n })),
		fc.tuple(fc.constant('garbage_chain_hash'), fc.integer({ min: 1, max: n })),
		fc.tuple(fc.constant('version_as_text'), fc.integer({ min: 1, max: n })),
		fc.tuple(
			fc.constant('move'),
			fc.integer({ min: 1, max: n }),
			fc.integer({ min: -2, max: n + 3 })
		),
		fc.tuple(
			fc.constant('copy'),
			fc.integer({ min: 1, max: n }),
			fc.integer({ min: -2, max: n + 3 })
		)
	);

describe('verifying in segments', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeAll(() => {
		ctx = tamperableAuditDatabase();
	});
	afterAll(() => ctx.dispose());

	function writeChain(n: number) {
		const sqlite = ctx.db.$client;
		sqlite.exec('DELETE FROM audit_log');
		const insert = sqlite.prepare(
			`INSERT INTO audit_log (${COLUMNS}) VALUES (@seq, @at, @actorId, @actorLabel, @role, @orgId,
			 @action, @entity, @entityId, @assessmentId, @version, @summary, @stateHash, @entryHash, @chainHash)`
		);
		let head = GENESIS_HASH;
		sqlite.transaction(() => {
			for (let seq = 1; seq <= n; seq++) {
				const entry = sealEntry(head, {
					seq,
					at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
					actorId: `u${seq % 3}`,
					actorLabel: 'dpo@chu.fr',
					role: 'dpo',
					orgId: 'o1',
					action: 'step.save',
					entity: 'step',
					entityId: `s${seq}`,
					assessmentId: 'a1',
					version: seq % 4 === 0 ? null : seq,
					summary: `Étape enregistrée n° ${seq}`,
					stateHash: seq % 5 === 0 ? null : HEX
				});
				insert.run(entry);
				head = entry.chainHash;
			}
		})();
	}

	function tamper(change: readonly (string | number)[]) {
		const sqlite = ctx.db.$client;
		const [kind, k, to] = change;
		const set = (sql: string) => sqlite.prepare(`UPDATE audit_log SET ${sql} WHERE seq = ?`).run(k);
		switch (kind) {
			case 'delete':
				return sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(k);
			case 'summary':
				return set(`summary = 'rien ne s''est passé'`);
			case 'entry_hash':
				return set(`entry_hash = '${'0'.repeat(64)}'`);
			case 'chain_hash':
				return set(`chain_hash = '${'1'.repeat(64)}'`);
			case 'garbage_chain_hash':
				return set(`chain_hash = 'not a hash'`);
			case 'version_as_text':
				return set(`version = CAST(coalesce(version, 1) AS TEXT)`);
			case 'move':
				return sqlite.prepare('UPDATE OR IGNORE audit_log SET seq = ? WHERE seq = ?').run(to, k);
			case 'copy':
				return sqlite
					.prepare(
						`INSERT OR IGNORE INTO audit_log (${COLUMNS})
						 SELECT ?, at, actor_id, actor_label, role, org_id, action, entity, entity_id,
						        assessment_id, version, summary, state_hash, entry_hash, chain_hash
						   FROM audit_log WHERE seq = ?`
					)
					.run(to, k);
		}
	}

	it('gives exactly the sequential verdict, for any split and any tampering', () => {
		const caseArb = fc.integer({ min: 0, max: 40 }).chain((n) =>
			fc.record({
				n: fc.constant(n),
				changes: fc.array(tamperArb(Math.max(n, 1)), { maxLength: 3 }),
				parts: fc.integer({ min: 1, max: 7 })
			})
		);
		fc.assert(
			fc.property(caseArb, ({ n, changes, parts }) => {
				writeChain(n);
				for (const change of changes) tamper(change);
				const expected = verify(ctx.db);
				const segments = planSegments(ctx.db.$client, parts, 1);
				const each = combineSegments(segments.map((s) => verifySegment(ctx.db.$client, s)));
				expect(each).toEqual(expected);
				// Claimed from a queue, skipping what follows a failure, as the threads do.
				const claimed: ReturnType<typeof verify>[] = new Array(segments.length);
				verifyClaimed(ctx.db.$client, segments, newQueue(), (i, r) => (claimed[i] = r));
				expect(combineSegments(claimed)).toEqual(expected);
			}),
			{ numRuns: 300 }
		);
	});

	it('splits a long enough chain into contiguous segments covering every seq', () => {
		writeChain(25);
		const segments = planSegments(ctx.db.$client, 4, 5);
		expect(segments).toHaveLength(4);
		expect(segments[0]!.afterSeq).toBeNull();
		for (let k = 1; k < segments.length; k++) {
			expect(segments[k]!.afterSeq).toBe(segments[k - 1]!.toSeq);
			expect(segments[k]!.start.nextSeq).toBe(segments[k]!.afterSeq! + 1);
		}
		expect(segments.at(-1)!.toSeq).toBe(25);
		// Fewer, longer segments when each would be too short; one when the chain is.
		expect(planSegments(ctx.db.$client, 4, 13)).toHaveLength(1);
		expect(planSegments(ctx.db.$client, 4, 10)).toHaveLength(2);
	});
});
