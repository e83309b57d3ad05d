import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHead, headProblem, parseHead } from './audit-head';

const H = 'ab'.repeat(32);

describe('chain heads', () => {
	it('reads seq:hash, audit:head’s JSON, a bundle manifest and a log’s head line', () => {
		const head = { seq: 42, chainHash: H };
		expect(parseHead(`42:${H}`)).toEqual(head);
		expect(parseHead(` 42:${H.toUpperCase()}\n`)).toEqual(head);
		expect(parseHead(JSON.stringify({ ...head, recordedAt: 'x' }))).toEqual(head);
		expect(parseHead(JSON.stringify({ chainHead: head }))).toEqual(head);
		expect(
			parseHead(JSON.stringify({ format: 'f', auditLog: { entries: 3, chainHead: head } }))
		).toEqual(head);
	});

	it('refuses anything else', () => {
		for (const bad of [
			'',
			'nonsense',
			`0:${H}`,
			`-1:${H}`,
			`4:${H.slice(1)}`,
			'{"seq":4}',
			'null',
			'[]'
		]) {
			expect(parseHead(bad)).toBeNull();
		}
	});

	it('formatHead and parseHead are inverse', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
				fc.stringMatching(/^[0-9a-f]{64}$/),
				(seq, chainHash) => {
					expect(parseHead(formatHead({ seq, chainHash }))).toEqual({ seq, chainHash });
				}
			)
		);
	});

	it('a head is missing when its entry is gone, differs when it was rewritten', () => {
		const head = { seq: 3, chainHash: H };
		expect(headProblem(head, H)).toBeNull();
		expect(headProblem(head, undefined)).toBe('missing');
		expect(headProblem(head, 'cd'.repeat(32))).toBe('differs');
	});
});
