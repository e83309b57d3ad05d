import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from './audit';
import { verifyPassword } from './auth/password';
import { tempDatabase } from './testing/temp-db';
import {
	EmailTakenError,
	createMember,
	createOrganisation,
	currentUser,
	findByEmail
} from './users';

describe('adding an account whose address exists in another organisation', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let orgA: string;
	let orgB: string;
	beforeEach(() => {
		ctx = tempDatabase();
		orgA = createOrganisation(ctx.db, SYSTEM_ACTOR, 'CH Nord', null).id;
		orgB = createOrganisation(ctx.db, SYSTEM_ACTOR, 'CH Sud', null).id;
	});
	afterEach(() => ctx.dispose());

	const member = (orgId: string, name: string, password: string) => ({
		email: 'jeanne.martin@ght.fr',
		name,
		password,
		role: 'dpo' as const,
		orgId
	});

	it('createUser reveals that an e-mail exists in another organisation', async () => {
		await createMember(
			ctx.db,
			SYSTEM_ACTOR,
			member(orgA, 'Jeanne Martin', 'la phrase de Jeanne 2026')
		);
		// The admin of the other hospital gets the same outcome as for a new account…
		await expect(
			createMember(ctx.db, SYSTEM_ACTOR, member(orgB, 'J. M.', 'un mot de passe choisi par B'))
		).resolves.toBeTruthy();
		// …and the account, now in both, keeps its own name and password.
		const user = findByEmail(ctx.db, 'jeanne.martin@ght.fr')!;
		expect(user.name).toBe('Jeanne Martin');
		expect(await verifyPassword(user.passwordHash, 'la phrase de Jeanne 2026')).toBe(true);
		expect(currentUser(ctx.db, user).memberships.map((m) => m.orgName)).toEqual([
			'CH Nord',
			'CH Sud'
		]);
		const actions = ctx.db.$client
			.prepare('SELECT action, org_id AS orgId FROM audit_log ORDER BY seq')
			.all()
			.slice(2);
		expect(actions).toEqual([
			{ action: 'user.create', orgId: orgA },
			{ action: 'user.membership_add', orgId: orgB }
		]);
	});

	it('an address already in the same organisation is refused, nothing written', async () => {
		await createMember(
			ctx.db,
			SYSTEM_ACTOR,
			member(orgA, 'Jeanne Martin', 'la phrase de Jeanne 2026')
		);
		await expect(
			createMember(ctx.db, SYSTEM_ACTOR, member(orgA, 'Autre', 'la phrase de Jeanne 2027'))
		).rejects.toThrow(EmailTakenError);
		const count = ctx.db.$client.prepare('SELECT count(*) AS n FROM memberships').get();
		expect(count).toEqual({ n: 1 });
	});
});
