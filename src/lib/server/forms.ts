import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FieldError, FormFailure } from '$lib/i18n/field-errors';

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

/** Reads every field as a string (the first value), so a form comes back exactly as typed. */
export function formValues(data: FormData, omit: string[] = []): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) {
		if (omit.includes(key) || key in values) continue;
		values[key] = typeof value === 'string' ? value : '';
	}
	return values;
}

/**
 * Validates a submitted form. On failure: a 400 with the field errors and what the
 * user typed (passwords excepted), ready to be returned by the action.
 */
export function validate<S extends z.ZodType>(
	schema: S,
	data: FormData,
	options: { omit?: string[] } = {}
):
	| { ok: true; data: z.infer<S> }
	| { ok: false; failure: ActionFailure<FormFailure & { invalidInput: true }> } {
	const values = formValues(data);
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	const kept = formValues(data, options.omit ?? []);
	return {
		ok: false,
		failure: formFail(400, fieldErrors(parsed.error.issues), kept, { invalidInput: true as const })
	};
}

/**
 * A failed form with one shape everywhere, so pages read `form.errors` and `form.values`
 * alike. `extra` is required and must differ between an action's failures: TypeScript
 * would otherwise fold a failure carrying extra fields into a plainer one, and the page
 * could not read them.
 */
export function formFail<X extends object>(
	status: number,
	errors: Record<string, FieldError>,
	values: Record<string, string>,
	extra: X
): ActionFailure<FormFailure & X> {
	return fail(status, { errors, values, ...extra } as FormFailure & X);
}
