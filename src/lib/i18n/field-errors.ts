import * as m from '$lib/paraglide/messages';

/** A translatable validation error: a message key, or a generic code with its limit. */
export interface FieldError {
	code: string;
	max?: number;
}

export interface FormFailure {
	errors: Record<string, FieldError>;
	values: Record<string, string>;
}

const messages = m as unknown as Record<
	string,
	((inputs?: Record<string, unknown>) => string) | undefined
>;

/** The sentence shown under a field for an error code sent by the server. */
export function fieldErrorText(error: FieldError | undefined): string | undefined {
	if (!error) return undefined;
	if (error.code === 'too_long') return m.field_too_long({ max: error.max ?? 0 });
	if (error.code === 'required') return m.field_required();
	const message = messages[error.code];
	return message ? message({}) : m.field_invalid();
}
