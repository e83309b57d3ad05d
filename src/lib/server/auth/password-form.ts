import { z } from 'zod';
import { checkPassword, MAX_LENGTH } from './password-policy';

/**
 * A new password field as every form uses it: the policy's problems come back as
 * message keys (password_too_short, password_common…), shown under the field.
 */
export function newPasswordSchema(email: () => string | undefined) {
	return z
		.string()
		.max(MAX_LENGTH * 4)
		.superRefine((value, ctx) => {
			const problem = checkPassword(value, { email: email() });
			if (problem) ctx.addIssue({ code: 'custom', message: `password_${problem}` });
		});
}
