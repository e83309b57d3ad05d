import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from './audit';
import { createSession, validateSessionToken } from './auth/session';
import { tempDatabase } from './testing/temp-db';
import { StaleVersionError } from './versioned';
import {
	EmailTakenError,
	createMember,
	createOrganisation,
	currentUser,
	setDisabled,
	setRole
} from './users';

describe('accounts and roles', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let orgId: string;
	beforeEach(() => {
		ctx = tempDatabase();
		orgId = createOrganisation(ctx.db, SYSTEM_ACTOR, 'CH Test', null).id;
	});
	afterEach(() => ctx.dispose());
	const auditActions = () =>
		(
			ctx.db.$client.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{
				action: string;
			}>
		).map((r) => r.action);

	it('disabling an account ends its sessions, and is audited', async () => {
		const user = await createMember(ctx.db, SYSTEM_ACTOR, {
			email: 'Rssi@CH.fr',
			name: 'R',
			password: 'une phrase assez longue',
			role: 'security',
			orgId
		});
		expect(user.email).toBe('rssi@ch.fr');
		const { token } = createSession(ctx.db, user.id);
		setDisabled(ctx.db, SYSTEM_ACTOR, user.id, true, orgId);
		expect(validateSessionToken(ctx.db, token).session).toBeNull();
		expect(auditActions()).toEqual(['organisation.create', 'user.create', 'user.disable']);
	});

	it('refuses a duplicate e-mail without writing anything', async () => {
		const input = {
			email: 'a@ch.fr',
			name: 'A',
			password: 'une phrase assez longue',
			role: 'dpo' as const,
			orgId
		};
		await createMember(ctx.db, SYSTEM_ACTOR, input);
		await expect(
			createMember(ctx.db, SYSTEM_ACTOR, { ...input, email: ' A@CH.FR ' })
		).rejects.toThrow(EmailTakenError);
		expect(auditActions()).toEqual(['organisation.create', 'user.create']);
	});

	it('changes a role only from the version the admin saw', async () => {
		const user = await createMember(ctx.db, SYSTEM_ACTOR, {
			email: 'c@ch.fr',
			name: 'C',
			password: 'une phrase assez longue',
			role: 'contributor',
			orgId
		});
		setRole(ctx.db, SYSTEM_ACTOR, user.id, orgId, 'dpo', 1);
		expect(() => setRole(ctx.db, SYSTEM_ACTOR, user.id, orgId, 'auditor', 1)).toThrow(
			StaleVersionError
		);
		expect(currentUser(ctx.db, user).memberships).toEqual([
			{ orgId, orgName: 'CH Test', role: 'dpo' }
		]);
		expect(auditActions().at(-1)).toBe('user.role_change');
	});
});
