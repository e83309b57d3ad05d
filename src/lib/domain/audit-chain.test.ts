import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalHash, sha256Hex } from './canonical';
import {
	AUDIT_CONTENT_FIELDS,
	auditContent,
	chainHash,
	ChainVerifier,
	entryHash,
	GENESIS_HASH,
	sealEntry,
	verifyChain,
	type AuditEntry,
	type AuditEntryContent,
	type ChainStart
} from './audit-chain';

type Field = keyof AuditEntryContent;

const sample = (seq: number): AuditEntryContent => ({
	seq,
	at: '2025-03-14T09:26:53.589Z',
	actorId: 'u-dpo',
	actorLabel: 'Claire Martin',
	role: 'dpo',
	orgId: 'org-1',
	action: 'opinion.sign',
	entity: 'opinion',
	entityId: 'op-1',
	assessmentId: 'a-1',
	version: 2,
	summary: 'Avis du DPO signé',
	stateHash: null
});

function seal(contents: AuditEntryContent[], start: ChainStart): AuditEntry[] {
	let previous = start.previousChainHash;
	return contents.map((content, i) => {
		const entry = sealEntry(previous, { ...content, seq: start.nextSeq + i });
		previous = entry.chainHash;
		return entry;
	});
}

const chainOf = (n: number) =>
	seal(
		Array.from({ length: n }, (_, i) => sample(i + 1)),
		DEFAULT
	);
const DEFAULT: ChainStart = { previousChainHash: GENESIS_HASH, nextSeq: 1 };

/** A value for `field` whose canonical form surely differs from the current one. */
function altered(entry: AuditEntry, field: Field): AuditEntry {
	const value = entry[field];
	let next: unknown;
	if (field === 'seq') next = entry.seq + 1;
	else if (field === 'version') next = value === null ? 0 : (value as number) + 1;
	else if (field === 'at')
		next =
			value === '2000-01-01T00:00:00.000Z' ? '2000-01-01T00:00:01Z' : '2000-01-01T00:00:00.000Z';
	else if (field === 'stateHash') next = value === null ? 'f'.repeat(64) : null;
	else if (value === null) next = '';
	else next = (value as string) + '.';
	return { ...entry, [field]: next };
}

const text = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => s.isWellFormed()),
	fc.constantFrom('"quoted"', 'back\\slash', 'line\nbreak', 'tab\t', '\u0000', 'é → 😀')
);
const maybeText = fc.option(text, { nil: null });
const hex64 = fc
	.uint8Array({ minLength: 32, maxLength: 32 })
	.map((b) => Buffer.from(b).toString('hex'));
const contentArb: fc.Arbitrary<AuditEntryContent> = fc.record({
	seq: fc.constant(1),
	at: fc
		.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
		.map((d) => d.toISOString()),
	actorId: maybeText,
	actorLabel: text,
	role: maybeText,
	orgId: maybeText,
	action: text,
	entity: text,
	entityId: maybeText,
	assessmentId: maybeText,
	version: fc.option(fc.nat({ max: 50 }), { nil: null }),
	summary: text,
	stateHash: fc.option(hex64, { nil: null })
});
const startArb = fc.oneof(
	fc.constant(DEFAULT),
	fc.record({ previousChainHash: hex64, nextSeq: fc.integer({ min: 1, max: 1_000_000 }) })
);
const chainArb = fc
	.tuple(fc.array(contentArb, { minLength: 1, maxLength: 10 }), startArb)
	.map(([contents, start]) => ({ start, entries: seal(contents, start) }));

describe('hashing rules', () => {
	it('pins the entry hash format a third party must reproduce', () => {
		const content = { ...sample(7), summary: 'Avis "favorable"\n', stateHash: 'ab'.repeat(32) };
		const expected =
			'{"action":"opinion.sign","actorId":"u-dpo","actorLabel":"Claire Martin",' +
			'"assessmentId":"a-1","at":"2025-03-14T09:26:53.589Z","entity":"opinion",' +
			'"entityId":"op-1","orgId":"org-1","role":"dpo","seq":7,' +
			`"stateHash":"${'ab'.repeat(32)}","summary":"Avis \\"favorable\\"\\n","version":2}`;
		expect(entryHash(content)).toBe(sha256Hex(expected));
		expect(chainHash(GENESIS_HASH, entryHash(content))).toBe(
			sha256Hex(GENESIS_HASH + sha256Hex(expected))
		);
		expect(GENESIS_HASH).toBe('0'.repeat(64));
	});

	it('hashes exactly the 13 content fields, equal to the generic canonical form', () => {
		expect([...AUDIT_CONTENT_FIELDS].sort()).toEqual([...AUDIT_CONTENT_FIELDS]);
		fc.assert(
			fc.property(contentArb, fc.integer({ min: 1, max: 2 ** 40 }), (content, seq) => {
				const row = { ...content, seq, id: 42, entryHash: 'x', extra: { nested: true } };
				expect(Object.keys(auditContent(row)).sort()).toEqual([...AUDIT_CONTENT_FIELDS]);
				expect(entryHash(row)).toBe(canonicalHash(auditContent(row)));
			})
		);
	});

	it('escapes or refuses special characters in every string field like the generic form', () => {
		const stringFields = AUDIT_CONTENT_FIELDS.filter((f) => f !== 'seq' && f !== 'version');
		const specials = ['"', '\\', '\n', '\u0001', '\u007f', '\u2028', 'é→😀', '\ud83d\ude00'];
		for (const field of stringFields) {
			for (const special of specials) {
				const content = { ...sample(3), [field]: `a${special}b` };
				expect(entryHash(content), `${field} ${special}`).toBe(
					canonicalHash(auditContent(content))
				);
			}
			expect(() => entryHash({ ...sample(3), [field]: 'x\udc00' }), field).toThrow();
			expect(() => entryHash({ ...sample(3), [field]: 42 } as AuditEntryContent), field).toThrow(
				TypeError
			);
		}
		for (const field of ['seq', 'version'] as const) {
			expect(() => entryHash({ ...sample(3), [field]: '3' } as AuditEntryContent)).toThrow(
				TypeError
			);
			expect(() => entryHash({ ...sample(3), [field]: NaN })).toThrow(TypeError);
		}
		expect(entryHash({ ...sample(3), version: -0 })).toBe(entryHash({ ...sample(3), version: 0 }));
	});

	it('refuses malformed input when sealing', () => {
		const good = sample(1);
		expect(() => sealEntry('ABC', good)).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH.toUpperCase() + 'A', good)).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH, { ...good, seq: 0 })).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH, { ...good, seq: 1.5 })).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH, { ...good, at: '2025-03-14 09:26' })).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH, { ...good, at: '2025-03-14T09:26:53+01:00' })).toThrow();
		expect(() => sealEntry(GENESIS_HASH, { ...good, version: -1 })).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH, { ...good, stateHash: 'nope' })).toThrow(TypeError);
		expect(() => sealEntry(GENESIS_HASH, { ...good, summary: 'x\ud800' })).toThrow();
		expect(() => chainHash(GENESIS_HASH, 'short')).toThrow(TypeError);
	});
});

describe('verifyChain on valid chains', () => {
	it.each([0, 1, 5])('accepts a chain of %i entries', (n) => {
		const entries = chainOf(n);
		const head = n === 0 ? GENESIS_HASH : entries[n - 1]!.chainHash;
		expect(verifyChain(entries)).toEqual({ ok: true, count: n, head });
		expect(verifyChain(entries, undefined, head)).toEqual({ ok: true, count: n, head });
	});

	it('verifies a segment from a checkpoint, and streams entry by entry', () => {
		const entries = chainOf(5);
		const checkpoint = { previousChainHash: entries[1]!.chainHash, nextSeq: 3 };
		expect(verifyChain(entries.slice(2), checkpoint)).toEqual({
			ok: true,
			count: 3,
			head: entries[4]!.chainHash
		});
		const verifier = new ChainVerifier();
		for (const entry of entries) expect(verifier.push(entry)).toBeNull();
		expect(verifier.position).toEqual({ previousChainHash: entries[4]!.chainHash, nextSeq: 6 });
		expect(verifier.result().ok).toBe(true);
	});

	it('reports a failure once and keeps reporting it', () => {
		const entries = chainOf(3);
		const verifier = new ChainVerifier();
		expect(verifier.push(entries[0]!)).toBeNull();
		const failure = verifier.push(entries[2]!);
		expect(failure).toEqual({ ok: false, count: 1, firstBadSeq: 2, reason: 'sequence' });
		expect(verifier.push(entries[1]!)).toEqual(failure);
		expect(verifier.result()).toEqual(failure);
	});

	it('treats a row with wrongly typed fields as a bad entry instead of throwing', () => {
		const entries = chainOf(2);
		const row = { ...entries[1]!, version: '2' } as unknown as AuditEntry;
		expect(verifyChain([entries[0]!, row])).toMatchObject({ firstBadSeq: 2, reason: 'entry-hash' });
	});
});

describe('verifyChain reports the first bad position', () => {
	it('for every content field altered alone', () => {
		for (const field of AUDIT_CONTENT_FIELDS) {
			const entries = chainOf(4);
			entries[2] = altered(entries[2]!, field);
			const result = verifyChain(entries);
			expect(result, field).toMatchObject({ ok: false, count: 2, firstBadSeq: 3 });
		}
	});

	it('altering, deleting or swapping entry i is reported at seq(i)', () => {
		const tamper = fc.constantFrom('alter', 'entry-hash', 'chain-hash', 'delete', 'swap');
		const field = fc.constantFrom(...AUDIT_CONTENT_FIELDS);
		fc.assert(
			fc.property(chainArb, fc.nat(), tamper, field, ({ start, entries }, k, how, f) => {
				const n = entries.length;
				const i = k % n;
				const expectedSeq = start.nextSeq + i;
				const head = entries[n - 1]!.chainHash;
				const tampered = [...entries];
				const at = tampered[i]!;
				if (how === 'alter') tampered[i] = altered(at, f);
				if (how === 'entry-hash') tampered[i] = { ...at, entryHash: sha256Hex('forged') };
				if (how === 'chain-hash') tampered[i] = { ...at, chainHash: sha256Hex('forged') };
				if (how === 'delete') tampered.splice(i, 1);
				if (how === 'swap') {
					if (i === n - 1) return; // nothing after the last entry to swap with
					[tampered[i], tampered[i + 1]] = [tampered[i + 1]!, at];
				}
				const deletedLast = how === 'delete' && i === n - 1;
				if (deletedLast) {
					// The remaining chain is intact: only a head known from elsewhere shows the loss.
					expect(verifyChain(tampered, start).ok).toBe(true);
					expect(verifyChain(tampered, start, head)).toEqual({
						ok: false,
						count: n - 1,
						firstBadSeq: expectedSeq,
						reason: 'head'
					});
					return;
				}
				const result = verifyChain(tampered, start, head);
				expect(result).toMatchObject({ ok: false, count: i, firstBadSeq: expectedSeq });
				const reason = how === 'delete' || how === 'swap' ? 'sequence' : undefined;
				if (reason) expect(result).toMatchObject({ reason });
			})
		);
	});

	it('a re-sealed entry breaks the next link; a rewritten tail needs the known head', () => {
		fc.assert(
			fc.property(chainArb, fc.nat(), ({ start, entries }, k) => {
				const n = entries.length;
				const i = k % n;
				const head = entries[n - 1]!.chainHash;
				const previous = i === 0 ? start.previousChainHash : entries[i - 1]!.chainHash;
				const forged = sealEntry(previous, {
					...entries[i]!,
					summary: entries[i]!.summary + ' (rewritten)'
				});
				const resealed = [...entries];
				resealed[i] = forged;
				const result = verifyChain(resealed, start, head);
				if (i < n - 1) {
					expect(result).toMatchObject({
						firstBadSeq: start.nextSeq + i + 1,
						reason: 'chain-hash'
					});
				} else {
					expect(result).toMatchObject({ firstBadSeq: start.nextSeq + n, reason: 'head' });
				}
				const rewritten = seal(
					entries
						.slice(i)
						.map((e, j) => (j === 0 ? { ...e, summary: e.summary + ' (rewritten)' } : e)),
					{ previousChainHash: previous, nextSeq: start.nextSeq + i }
				);
				const tail = [...entries.slice(0, i), ...rewritten];
				expect(verifyChain(tail, start).ok).toBe(true);
				expect(verifyChain(tail, start, head)).toMatchObject({ ok: false, reason: 'head' });
			})
		);
	});
});
