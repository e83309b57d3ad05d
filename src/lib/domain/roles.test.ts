import { describe, expect, it } from 'vitest';
import { CAPABILITIES, ROLES, can, isRole } from './roles';

describe('roles', () => {
	it('lets every role read and export, as the brief says', () => {
		for (const role of ROLES) {
			expect(can(role, 'assessment.read')).toBe(true);
			expect(can(role, 'assessment.export')).toBe(true);
		}
	});
	it('never lets an auditor change anything', () => {
		const changing = Object.keys(CAPABILITIES).filter(
			(c) => !['assessment.read', 'assessment.export', 'audit.verify'].includes(c)
		) as Array<keyof typeof CAPABILITIES>;
		for (const capability of changing) expect(can('auditor', capability)).toBe(false);
	});
	it('reserves user management to admins and step evaluation to the DPO', () => {
		expect(ROLES.filter((r) => can(r, 'users.manage'))).toEqual(['admin']);
		expect(ROLES.filter((r) => can(r, 'step.evaluate'))).toEqual(['dpo']);
		expect(can('representative', 'assessment.edit')).toBe(false);
		expect(can('contributor', 'assessment.edit')).toBe(true);
	});
	it('recognises only known roles', () => {
		expect(isRole('dpo')).toBe(true);
		expect(isRole('superuser')).toBe(false);
		expect(isRole(undefined)).toBe(false);
	});
});
