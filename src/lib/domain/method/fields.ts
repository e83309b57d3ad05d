import { z } from 'zod';
import { COUNTRY_CODES } from '../knowledge/countries';

/**
 * Shared field builders and limits for the step schemas. The limits exist to bound what the
 * server stores and signs, not to police style: they are far above what a real DPIA needs.
 */
export const LIMITS = {
	short: 200,
	text: 5000,
	long: 10000,
	rows: 200
} as const;

export const shortText = () => z.string().trim().max(LIMITS.short);
export const requiredShortText = () => z.string().trim().min(1).max(LIMITS.short);
export const freeText = () => z.string().trim().max(LIMITS.text);
export const longText = () => z.string().trim().max(LIMITS.long);

export function rows<T extends z.ZodType>(item: T, max: number = LIMITS.rows) {
	return z.array(item).max(max);
}

/**
 * Issue params for the few custom issues the schemas raise. The UI translates issues by code
 * and path; a `custom` issue carries one of these in `params.reason` so it can be told apart.
 */
export const CUSTOM_REASONS = {
	duplicate: 'duplicate'
} as const;

export type CustomReason = (typeof CUSTOM_REASONS)[keyof typeof CUSTOM_REASONS];

/**
 * An array of enum values in which each value may appear once. The duplicate is reported on
 * its own index so the form can highlight the exact entry.
 */
export function uniqueEnumArray<const V extends readonly [string, ...string[]]>(values: V) {
	return z
		.array(z.enum(values))
		.max(values.length)
		.superRefine((items, ctx) => {
			reportDuplicates(items, [], ctx);
		});
}

/** Adds one `custom` issue per repeated value, at `[...prefix, index, ...suffix]` of the repeat. */
export function reportDuplicates(
	items: readonly string[],
	prefix: PropertyKey[],
	ctx: z.RefinementCtx,
	suffix: PropertyKey[] = []
): void {
	const seen = new Set<string>();
	items.forEach((item, index) => {
		if (seen.has(item)) {
			ctx.addIssue({
				code: 'custom',
				path: [...prefix, index, ...suffix],
				params: { reason: CUSTOM_REASONS.duplicate },
				input: item
			});
		}
		seen.add(item);
	});
}

/**
 * Reports a value that is required only in some situations with the same issue a plain
 * required string would produce (`too_small`, minimum 1), so the UI needs no extra message.
 */
export function requireText(
	value: string | undefined,
	path: PropertyKey[],
	ctx: z.RefinementCtx
): void {
	if ((value ?? '').trim().length === 0) {
		ctx.addIssue({
			code: 'too_small',
			origin: 'string',
			minimum: 1,
			inclusive: true,
			path,
			input: value
		});
	}
}

const COUNTRY_VALUES = ['', ...COUNTRY_CODES] as [string, ...string[]];

/**
 * ISO 3166-1 alpha-2 code, upper case. The empty string means "not confirmed yet": a
 * hosting country is often unknown when the analysis starts and must stay visibly open.
 */
export const countryOrUnknown = () => z.enum(COUNTRY_VALUES, { error: countryError });
export const country = () =>
	z.enum([...COUNTRY_CODES] as [string, ...string[]], { error: countryError });

/** A country left empty is missing; any other text names no country (a message key). */
function countryError(issue: { input?: unknown }): string {
	return issue.input === undefined || issue.input === '' ? 'required' : 'country_unknown';
}
