import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize } from './canonical';
import { diffContent } from './content-diff';

const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('diffContent', () => {
	it('reports nothing exactly when the canonical forms are equal', () => {
		fc.assert(
			fc.property(json, json, (a, b) => {
				const changes = diffContent(a, b);
				expect(changes.length === 0).toBe(canonicalize(a) === canonicalize(b));
			}),
			{ numRuns: 300 }
		);
	});

	it('is empty between a value and itself', () => {
		fc.assert(
			fc.property(json, (a) => {
				expect(diffContent(a, a)).toEqual([]);
			})
		);
	});

	it('matches list items by id and names the leaf that changed', () => {
		const before = {
			risks: [
				{ id: 'a', level: 2 },
				{ id: 'b', level: 3 }
			]
		};
		const after = {
			risks: [
				{ id: 'new', level: 1 },
				{ id: 'a', level: 2 },
				{ id: 'b', level: 4 }
			]
		};
		expect(diffContent(before, after)).toEqual([
			{ path: 'risks[id=b].level', kind: 'changed', before: 3, after: 4 },
			{ path: 'risks[id=new]', kind: 'added', before: undefined, after: { id: 'new', level: 1 } }
		]);
	});

	it('reports removed and added keys', () => {
		expect(diffContent({ a: 1, b: 2 }, { b: 2, c: 3 })).toEqual([
			{ path: 'a', kind: 'removed', before: 1, after: undefined },
			{ path: 'c', kind: 'added', before: undefined, after: 3 }
		]);
	});
});
