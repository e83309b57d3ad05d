/**
 * How much content one step and one assessment may hold. Each text field has its own cap
 * (fields.ts: 200 to 10,000 characters), but a step multiplies them (200 risks × 200
 * measures × 5,000 characters is 200 MB): these caps bound what is stored, signed, hashed
 * and laid out in every report, far above what a real DPIA needs (the demo's largest step
 * is a few tens of kilobytes).
 */

export const SIZE_CAPS = {
	/** One step's content, as the JSON stored. */
	stepBytes: 2 * 1024 * 1024,
	/** All the steps of one assessment together (attachments are files, not counted). */
	assessmentBytes: 8 * 1024 * 1024
} as const;

export interface SizeProblem {
	scope: 'step' | 'assessment';
	bytes: number;
	max: number;
}

/** Content refused for its size; nothing was written. */
export class ContentTooLargeError extends Error {
	constructor(readonly problem: SizeProblem) {
		super(`content_too_large_${problem.scope}`);
		this.name = 'ContentTooLargeError';
	}
}

/** UTF-8 bytes of a value as JSON, as it is stored. */
export function jsonBytes(value: unknown): number {
	return new TextEncoder().encode(JSON.stringify(value ?? null)).byteLength;
}

/** What is over a cap if `data` becomes the step's content, beside `otherStepsBytes`. */
export function sizeProblem(data: unknown, otherStepsBytes: number): SizeProblem | null {
	const bytes = jsonBytes(data);
	if (bytes > SIZE_CAPS.stepBytes) return { scope: 'step', bytes, max: SIZE_CAPS.stepBytes };
	const total = bytes + otherStepsBytes;
	if (total > SIZE_CAPS.assessmentBytes) {
		return { scope: 'assessment', bytes: total, max: SIZE_CAPS.assessmentBytes };
	}
	return null;
}

/** Throws ContentTooLargeError when `data` would break a cap. */
export function assertWithinSizeCaps(data: unknown, otherStepsBytes: number): void {
	const problem = sizeProblem(data, otherStepsBytes);
	if (problem) throw new ContentTooLargeError(problem);
}
