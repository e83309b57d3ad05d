import { describe, expect, it } from 'vitest';
import { checkPassword, MIN_LENGTH } from './password-policy';

describe('password policy (CNIL 2022-100 case 2, ASVS 5.0)', () => {
	it('refuses fewer than 12 characters, counting characters not bytes', () => {
		expect(checkPassword('a'.repeat(MIN_LENGTH - 2) + 'b')).toBe('too_short');
		expect(checkPassword('ééééééééééé')).toBe('too_short');
		expect(checkPassword('cheval agrafe pile')).toBeNull();
	});

	it('imposes no composition rule: a lowercase passphrase is accepted', () => {
		expect(checkPassword('correct horse battery staple')).toBeNull();
	});

	it('refuses passwords from the bundled common/breached list, whatever the case', () => {
		expect(checkPassword('qwerty123456')).toBe('common');
		expect(checkPassword('QWERTY123456')).toBe('common');
		expect(checkPassword('1qaz2wsx3edc')).toBe('common');
		expect(checkPassword('motdepasse123')).toBe('common');
	});

	it('refuses a single repeated character', () => {
		expect(checkPassword('aaaaaaaaaaaaaaaa')).toBe('common');
	});

	it('refuses a password containing the local part of the e-mail', () => {
		expect(checkPassword('jeanne.martin-2026!', { email: 'jeanne.martin@chu.fr' })).toBe(
			'contains_email'
		);
		expect(checkPassword('Demo-Workbench-2026!', { email: 'dpo@demo.local' })).toBeNull();
	});

	it('caps the length to avoid hashing megabytes', () => {
		expect(checkPassword('x'.repeat(300) + 'y')).toBe('too_long');
	});
});
