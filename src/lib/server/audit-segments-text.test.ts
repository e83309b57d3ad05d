/**
 * verifySegment lets SQLite write each entry's canonical text (audit-segments.ts). These
 * tests hold it to the generic verifier of the domain, row for row, on rows that no honest
 * writer produces: quotes, backslashes, control characters, bytes that are not UTF-8,
 * numbers and blobs where text belongs, reals and huge integers as versions.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	GENESIS_HASH,
	entryHash,
	verifyChain,
	type AuditEntry,
	type AuditEntryContent
} from '$lib/domain/audit-chain';
import {
	COLUMNS,
	combineSegments,
	entryOf,
	planSegments,
	verifySegment,
	WHOLE_CHAIN
} from './audit-segments';
import { tamperableAuditDatabase, type tempDatabase } from './testing/temp-db';

const TEXT_COLUMNS = [
	'at',
	'actor_id',
	'actor_label',
	'role',
	'org_id',
	'action',
	'entity',
	'entity_id',
	'assessment_id',
	'summary',
	'state_hash'
] as const;
const NOT_NULL = new Set(['at', 'actor_label', 'action', 'entity', 'summary']);

const awkward = fc.constantFrom(
	'"',
	'\\',
	'\u0000',
	'\n',
	'\u001f',
	'\u007f',
	'\u2028',
	'\uFFFD',
	'é',
	'’',
	'😀',
	'\ud800',
	'a'
);
const text = fc.oneof(
	{ weight: 6, arbitrary: fc.string() },
	{ weight: 4, arbitrary: fc.string({ unit: awkward, maxLength: 6 }) },
	fc.string({ unit: 'grapheme', maxLength: 6 }),
	fc.constant(null)
);
/** What a text column may hold instead of text. */
const notText = fc.oneof(
	fc.integer(),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.constant(Buffer.from([0x41, 0x42]))
);
const version = fc.oneof(
	fc.constant(null),
	fc.integer(),
	fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
	{ weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
	fc.string({ maxLength: 3 })
);
const row = fc.record({
	values: fc.array(text, { minLength: TEXT_COLUMNS.length, maxLength: TEXT_COLUMNS.length }),
	// One column in five rows holds something else than text: the row can never be sealed.
	odd: fc.option(fc.tuple(fc.nat(TEXT_COLUMNS.length - 1), notText), { freq: 5 }),
	version,
	// Bytes that are not UTF-8 in the summary (only a tool other than the app writes them).
	brokenUtf8: fc.nat(4).map((k) => k === 0),
	// Most rows carry the hashes the generic verifier computes, so verification goes deep.
	sealed: fc.nat(9).map((k) => k > 0)
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
describe('the canonical text written by SQLite', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeAll(() => {
		ctx = tamperableAuditDatabase();
	});
	afterAll(() => ctx.dispose());

	/** The entries as the generic verifier sees them: every column read as it is stored. */
	function storedEntries(): AuditEntry[] {
		const rows = ctx.db.$client
			.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`)
			.raw()
			.all() as unknown[][];
		return rows.map(entryOf);
	}

	function write(rows: Row[]) {
		const sqlite = ctx.db.$client;
		sqlite.exec('DELETE FROM audit_log');
		const insert = sqlite.prepare(
			`INSERT INTO audit_log (seq, ${TEXT_COLUMNS.join(', ')}, version, entry_hash, chain_hash)
			 VALUES (${['?', ...TEXT_COLUMNS.map(() => '?'), '?'].join(', ')}, '', '')`
		);
		rows.forEach((r, i) => {
			const values: unknown[] = r.values.map((v, k) =>
				v === null && NOT_NULL.has(TEXT_COLUMNS[k]!) ? '' : v
			);
			if (r.odd) values[r.odd[0]] = r.odd[1];
			insert.run(i + 1, ...values, r.version);
			if (r.brokenUtf8) {
				sqlite
					.prepare(`UPDATE audit_log SET summary = CAST(x'41ff42' AS TEXT) WHERE seq = ?`)
					.run(i + 1);
			}
		});
		// Hashes over the values as they read back, which is what the generic verifier hashes.
		const update = sqlite.prepare(
			'UPDATE audit_log SET entry_hash = ?, chain_hash = ? WHERE seq = ?'
		);
		let head = GENESIS_HASH;
		storedEntries().forEach((entry, i) => {
			let hash = 'f'.repeat(64);
			if (rows[i]!.sealed) {
				try {
					hash = entryHash(entry as AuditEntryContent);
				} catch {
					// Wrong types: no hash can make the generic verifier accept this row.
				}
			}
			head = sha256(head + hash);
			update.run(hash, head, entry.seq);
		});
	}

	it('gives the generic verdict on any row, split or whole', () => {
		fc.assert(
			fc.property(
				fc.array(row, { maxLength: 12 }),
				fc.integer({ min: 1, max: 4 }),
				(rows, parts) => {
					write(rows);
					const expected = verifyChain(storedEntries());
					expect(verifySegment(ctx.db.$client, WHOLE_CHAIN)).toEqual(expected);
					const segments = planSegments(ctx.db.$client, parts, 1);
					expect(combineSegments(segments.map((s) => verifySegment(ctx.db.$client, s)))).toEqual(
						expected
					);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('accepts ordinary French entries, over more than one batch of rows', () => {
		const ordinary = Array.from({ length: 2_345 }, (_, i) => ({
			values: [
				new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
				`u${i % 7}`,
				'dpo@chu.fr',
				i % 3 ? 'dpo' : null,
				'o1',
				'risk.update',
				'risk',
				`r${i}`,
				'a1',
				`Risque « accès illégitime » réévalué n° ${i} — l’équipe`,
				'ab'.repeat(32)
			],
			odd: null,
			version: i % 4 ? i : null,
			brokenUtf8: false,
			sealed: true
		}));
		write(ordinary);
		const result = verifySegment(ctx.db.$client, WHOLE_CHAIN);
		expect(result).toEqual(verifyChain(storedEntries()));
		expect(result).toMatchObject({ ok: true, count: 2_345 });
	});
});
