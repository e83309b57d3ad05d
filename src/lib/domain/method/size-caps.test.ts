import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	assertWithinSizeCaps,
	ContentTooLargeError,
	jsonBytes,
	SIZE_CAPS,
	sizeProblem
} from './size-caps';

describe('content size caps', () => {
	it('counts UTF-8 bytes of the stored JSON, not characters', () => {
		expect(jsonBytes({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
		expect(jsonBytes(null)).toBe(4);
	});

	it('refuses a step over 2 MB, naming the step, its size and the cap', () => {
		const data = { text: 'x'.repeat(SIZE_CAPS.stepBytes) };
		expect(sizeProblem(data, 0)).toEqual({
			scope: 'step',
			bytes: jsonBytes(data),
			max: SIZE_CAPS.stepBytes
		});
		expect(() => assertWithinSizeCaps(data, 0)).toThrow(ContentTooLargeError);
	});

	it('refuses a step that fits alone but would take the assessment over its total', () => {
		const data = { text: 'x'.repeat(1024 * 1024) };
		const others = SIZE_CAPS.assessmentBytes - 1024;
		expect(sizeProblem(data, others)).toEqual({
			scope: 'assessment',
			bytes: jsonBytes(data) + others,
			max: SIZE_CAPS.assessmentBytes
		});
	});

	it('accepts exactly what fits under both caps', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 2000 }), fc.nat(SIZE_CAPS.assessmentBytes), (s, o) => {
				const bytes = jsonBytes({ s });
				const problem = sizeProblem({ s }, o);
				expect(problem === null).toBe(
					bytes <= SIZE_CAPS.stepBytes && bytes + o <= SIZE_CAPS.assessmentBytes
				);
			})
		);
	});
});
