import type { z } from 'zod';
import type { FieldError } from '$lib/i18n/field-errors';

/**
 * Turns zod issues into one translatable error per field. Messages set in a
 * schema (`.min(12, 'password_too_short')`) are message keys; zod's own issues are
 * reduced to a few generic codes.
 */
export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, FieldError> {
	const errors: Record<string, FieldError> = {};
	for (const issue of issues) {
		const field = issue.path.map(String).join('.') || '_form';
		if (errors[field]) continue;
		errors[field] = toFieldError(issue);
	}
	return errors;
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
	if (issue.message && /^[a-z_]+$/.test(issue.message)) return { code: issue.message };
	if (issue.code === 'custom' && issue.params?.reason === 'duplicate')
		return { code: 'duplicate_value' };
	// A choice or value left empty is "required", not "invalid".
	if (
		(issue.code === 'invalid_value' || issue.code === 'invalid_type') &&
		issue.input === undefined
	) {
		return { code: 'required' };
	}
	if (issue.code === 'too_big') return { code: 'too_long', max: Number(issue.maximum) };
	if (issue.code === 'too_small' && Number(issue.minimum) <= 1) return { code: 'required' };
	return { code: 'invalid' };
}
