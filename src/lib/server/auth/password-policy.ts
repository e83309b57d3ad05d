import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * CNIL deliberation 2022-100 ("case 2": throttled logins) reconciled with OWASP ASVS 5.0:
 * at least 12 characters, no composition rules (they push people to predictable
 * patterns), refused when it is a known common or breached password. Checked offline.
 */
export const MIN_LENGTH = 12;
// argon2 hashes any length, but an unbounded input is a cheap denial of service.
export const MAX_LENGTH = 256;

// Frequent French choices missing from the (mostly English) common list.
const LOCAL_COMMON = [
	'motdepasse123',
	'motdepasse1234',
	'azertyuiop123',
	'azertyuiop1234',
	'azertyazerty',
	'123456789012',
	'1234567890123',
	'soleil123456',
	'bonjour123456',
	'hopital123456',
	'changezmoi123',
	'changeme123456'
];

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
	common ??= new Set(
		[...(dictionary['passwords-common'] as string[]), ...LOCAL_COMMON].map((p) => p.toLowerCase())
	);
	return common;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** Returns the first problem found, or null when the password is acceptable. */
export function checkPassword(
	password: string,
	context: { email?: string } = {}
): PasswordProblem | null {
	const length = [...password].length;
	if (length < MIN_LENGTH) return 'too_short';
	if (length > MAX_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	if (commonPasswords().has(lower)) return 'common';
	// A single repeated character or the e-mail itself are as guessable as a common password.
	if (/^(.)\1+$/u.test(password)) return 'common';
	const local = context.email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
	return null;
}
