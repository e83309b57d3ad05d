import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FieldError, FormFailure } from '$lib/i18n/field-errors';
import { fieldErrors } from '../zod-issues';

// Routes read a form's errors and write its failure from this one module.
export { fieldErrors };

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
