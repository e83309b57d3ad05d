import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalHash, canonicalize, CanonicalizationError, sha256Hex } from './canonical';

/** Rebuilds `value` with every object's keys inserted in a seed-dependent order. */
function shuffleKeys(value: unknown, seed: number): unknown {
	let state = seed >>> 0 || 1;
	const next = () => {
		// xorshift32: deterministic, so a failing case replays from fast-check's seed.
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
	const go = (v: unknown): unknown => {
		if (Array.isArray(v)) return v.map(go);
		if (v === null || typeof v !== 'object') return v;
		const entries = Object.entries(v);
		for (let i = entries.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[entries[i], entries[j]] = [entries[j]!, entries[i]!];
		}
		return Object.fromEntries(entries.map(([k, item]) => [k, go(item)]));
	};
	return go(value);
}

const wellFormedString = fc.string({ unit: 'binary' }).filter((s) => s.isWellFormed());

describe('canonicalize: known vectors', () => {
	it('sorts keys and removes whitespace', () => {
		expect(canonicalize({ b: 2, a: [1, 'x', null, true] })).toBe('{"a":[1,"x",null,true],"b":2}');
		expect(canonicalize({ z: { y: 1, x: [] }, a: {} })).toBe('{"a":{},"z":{"x":[],"y":1}}');
	});

	it('prints numbers as ECMAScript Number-to-String', () => {
		expect(canonicalize([1e21, 0.1, -0, 1.5e-7, 1e-7, 123456789012345680000])).toBe(
			'[1e+21,0.1,0,1.5e-7,1e-7,123456789012345680000]'
		);
		expect(canonicalize(-0)).toBe('0');
		expect(canonicalize(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
		expect(canonicalize(5e-324)).toBe('5e-324');
	});

	it('matches the RFC 8785 section 3.2.2 example', () => {
		const input = JSON.parse(
			'{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
				'"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
				'"literals":[null,true,false]}'
		) as unknown;
		expect(canonicalize(input)).toBe(
			'{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
				'"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
		);
	});

	it('sorts keys by UTF-16 code units, not code points (RFC 8785 section 3.2.3)', () => {
		const input = {
			'\u20ac': 'Euro Sign',
			'\r': 'Carriage Return',
			'\ufb33': 'Hebrew Letter Dalet With Dagesh',
			'1': 'One',
			'\ud83d\ude00': 'Emoji: Grinning Face',
			'\u0080': 'Control',
			'\u00f6': 'Latin Small Letter O With Diaeresis'
		};
		const keys = [...canonicalize(input).matchAll(/"([^"]*)":/g)].map((m) => m[1]);
		expect(keys).toEqual(['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
	});

	it('omits undefined properties and accepts null-prototype objects', () => {
		expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
		const bare = Object.create(null) as Record<string, unknown>;
		bare.k = 'v';
		expect(canonicalize(bare)).toBe('{"k":"v"}');
	});
});

describe('canonicalize: properties', () => {
	it('does not depend on key insertion order (string and hash)', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
				const shuffled = shuffleKeys(value, seed);
				expect(canonicalize(shuffled)).toBe(canonicalize(value));
				expect(canonicalHash(shuffled)).toBe(canonicalHash(value));
			})
		);
	});

	it('does not depend on key order for arbitrary objects', () => {
		fc.assert(
			fc.property(fc.object(), fc.integer(), (value, seed) => {
				const shuffled = shuffleKeys(value, seed);
				let expected: string;
				try {
					expected = canonicalize(value);
				} catch (e) {
					// fc.object may generate undefined in arrays, -Infinity, etc.: both must refuse.
					expect(e).toBeInstanceOf(CanonicalizationError);
					expect(() => canonicalize(shuffled)).toThrow(CanonicalizationError);
					return;
				}
				expect(canonicalize(shuffled)).toBe(expected);
			})
		);
	});

	it('is valid JSON that parses back to the same data, and is idempotent', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const text = canonicalize(value);
				expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
				expect(canonicalize(JSON.parse(text))).toBe(text);
				expect(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/\s/);
			})
		);
	});

	it('round-trips any well-formed unicode string, as value and as key', () => {
		fc.assert(
			fc.property(wellFormedString, wellFormedString, (key, value) => {
				expect(JSON.parse(canonicalize(value))).toBe(value);
				expect(JSON.parse(canonicalize({ [key]: value }))).toEqual({ [key]: value });
				expect(canonicalize(value)).toBe(JSON.stringify(value));
			})
		);
	});
});

describe('canonicalize: refusals', () => {
	const refused: Array<[string, unknown]> = [
		['NaN', NaN],
		['Infinity', Infinity],
		['-Infinity', -Infinity],
		['bigint', 10n],
		['Date', new Date(0)],
		['Map', new Map()],
		['Set', new Set()],
		['Uint8Array', new Uint8Array(1)],
		['boxed string', new String('x')],
		['class instance', new (class Thing {})()],
		['function', () => 1],
		['symbol', Symbol('s')],
		['undefined at the root', undefined],
		['undefined in an array', [1, undefined]],
		['array hole', new Array<number>(2)],
		['function property', { f: () => 1 }],
		['lone high surrogate', 'a\ud800b'],
		['lone low surrogate key', { '\udc00': 1 }]
	];

	it.each(refused)('throws on %s', (_label, value) => {
		expect(() => canonicalize(value)).toThrow(CanonicalizationError);
		expect(() => canonicalHash(value)).toThrow(CanonicalizationError);
	});

	it('throws on cycles but accepts shared (acyclic) references', () => {
		const shared = { x: 1 };
		expect(canonicalize({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
		const cyclic: Record<string, unknown> = {};
		cyclic.self = { back: cyclic };
		expect(() => canonicalize(cyclic)).toThrow(CanonicalizationError);
	});

	it('reports where the bad value is', () => {
		try {
			canonicalize({ risks: [{ score: 1 }, { 'a/b': { when: new Date(0) } }] });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(CanonicalizationError);
			expect((e as CanonicalizationError).path).toBe('/risks/1/a~1b/when');
			expect((e as Error).message).toContain('Date');
		}
	});
});

describe('sha256Hex and canonicalHash', () => {
	it('matches the FIPS 180-2 vectors', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('hashes strings as UTF-8', () => {
		const text = 'données de santé — 预约 😀';
		expect(sha256Hex(text)).toBe(sha256Hex(new TextEncoder().encode(text)));
	});

	it('is the hash of the canonical text', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const digest = canonicalHash(value);
				expect(digest).toMatch(/^[0-9a-f]{64}$/);
				expect(digest).toBe(sha256Hex(canonicalize(value)));
			})
		);
	});
});
