import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { OidcProviderConfig } from '$lib/domain/oidc';
import { STEP_UP_VALIDITY_MS } from '$lib/domain/oidc';
import { auditLog, memberships, sessions, users } from '../db/schema';
import { oidcIdentities } from '../db/schema-oidc';
import { tempDatabase } from '../testing/temp-db';
import { createMember, createOrganisation } from '../users';
import { SYSTEM_ACTOR } from '../audit';
import type { Db } from '../db';
import { NO_PASSWORD, signInFromDirectory } from './oidc-accounts';
import { consumeDirectoryStepUp } from './step-up-oidc';

let ctx: ReturnType<typeof tempDatabase>;
let db: Db;
let provider: OidcProviderConfig;
let otherOrg: string;

beforeEach(() => {
	ctx = tempDatabase();
	db = ctx.db;
	const org = createOrganisation(db, SYSTEM_ACTOR, 'CHU du Nord', null);
	otherOrg = createOrganisation(db, SYSTEM_ACTOR, 'Clinique du Sud', null).id;
	provider = {
		id: 'ght',
		label: 'Annuaire du GHT',
		issuer: 'https://idp.ght.example/realms/ght',
		clientId: 'c',
		clientSecret: 's',
		redirectUri: 'https://aipd.example/login/oidc/ght/callback',
		scopes: 'openid profile email',
		orgId: org.id,
		roleClaim: 'groups',
		roleMap: [
			['GRP-DIRECTION', 'director'],
			['GRP-DPO', 'dpo']
		],
		passwordLogin: true,
		breakGlassEmail: null
	};
});
afterEach(() => ctx.dispose());

const claims = (over: Record<string, unknown> = {}) => ({
	sub: 'sub-anne',
	email: 'Anne.Martin@chu-nord.fr',
	name: 'Anne Martin',
	groups: ['GRP-DPO'],
	...over
});
const actions = () =>
	db
		.select({ action: auditLog.action, summary: auditLog.summary })
		.from(auditLog)
		.all()
		.filter((e) => !e.action.startsWith('organisation.') && e.action !== 'user.create');
const roleOf = (userId: string, orgId = provider.orgId) =>
	db
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)))
		.get()?.role ?? null;

describe('signInFromDirectory', () => {
	it('creates the account at the first sign-in, with the mapped role and a session', () => {
		const r = signInFromDirectory(db, provider, claims());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.created).toBe(true);
		const user = db.select().from(users).where(eq(users.id, r.userId)).get()!;
		expect(user).toMatchObject({ email: 'anne.martin@chu-nord.fr', name: 'Anne Martin' });
		expect(user.passwordHash).toBe(NO_PASSWORD);
		expect(roleOf(r.userId)).toBe('dpo');
		const session = db.select().from(sessions).where(eq(sessions.userId, r.userId)).get()!;
		expect(session).toMatchObject({ oidcProvider: 'ght', twoFactorVerified: true, stepUpAt: null });
		expect(actions().map((e) => e.action)).toEqual([
			'auth.oidc_account_created',
			'user.role_change',
			'auth.login_success'
		]);
	});

	it('creates nothing for a user without a mapped group, and says why in the audit log', () => {
		const r = signInFromDirectory(db, provider, claims({ groups: ['Personnel'] }));
		expect(r).toMatchObject({ ok: false, refusal: { reason: 'no_role' } });
		expect(db.select().from(users).all()).toEqual([]);
		expect(actions()).toEqual([
			{ action: 'auth.oidc_refused', summary: 'no_role: anne.martin@chu-nord.fr (directory ght)' }
		]);
	});

	it('refuses missing or unverified e-mail claims, audited, nothing created', () => {
		expect(signInFromDirectory(db, provider, claims({ email: undefined }))).toMatchObject({
			refusal: { reason: 'missing_claims' }
		});
		expect(signInFromDirectory(db, provider, claims({ email_verified: false }))).toMatchObject({
			refusal: { reason: 'email_unverified' }
		});
		expect(signInFromDirectory(db, provider, claims({ sub: '' }))).toMatchObject({
			refusal: { reason: 'missing_claims' }
		});
		expect(db.select().from(users).all()).toEqual([]);
		expect(actions().map((e) => e.summary.split(':')[0])).toEqual([
			'missing_claims',
			'email_unverified',
			'missing_claims'
		]);
	});

	it('follows the groups at each sign-in: role changed, then removed with the sign-in refused', () => {
		const first = signInFromDirectory(db, provider, claims());
		if (!first.ok) throw new Error('first sign-in refused');
		const moved = signInFromDirectory(
			db,
			provider,
			claims({ groups: ['GRP-DPO', 'GRP-DIRECTION'], name: 'Anne Martin-Durand' })
		);
		expect(moved.ok).toBe(true);
		expect(roleOf(first.userId)).toBe('director');
		expect(db.select().from(users).where(eq(users.id, first.userId)).get()!.name).toBe(
			'Anne Martin-Durand'
		);
		const gone = signInFromDirectory(
			db,
			provider,
			claims({ groups: [], name: 'Anne Martin-Durand' })
		);
		expect(gone).toMatchObject({ ok: false, refusal: { reason: 'no_role' } });
		expect(roleOf(first.userId)).toBeNull();
		expect(actions().map((e) => e.action)).toEqual([
			'auth.oidc_account_created',
			'user.role_change',
			'auth.login_success',
			'user.profile_from_directory',
			'user.role_change',
			'auth.login_success',
			'user.role_removed',
			'auth.oidc_refused'
		]);
	});

	it('links an account of the same organisation and e-mail; refuses one of another organisation', async () => {
		const local = await createMember(db, SYSTEM_ACTOR, {
			email: 'anne.martin@chu-nord.fr',
			name: 'Anne (compte local)',
			password: 'une phrase de passe assez longue',
			role: 'contributor',
			orgId: provider.orgId
		});
		const linked = signInFromDirectory(db, provider, claims());
		expect(linked).toMatchObject({ ok: true, userId: local.id, created: false });
		expect(roleOf(local.id)).toBe('dpo');
		expect(actions().map((e) => e.action)).toContain('auth.oidc_linked');

		await createMember(db, SYSTEM_ACTOR, {
			email: 'paul@sud.fr',
			name: 'Paul',
			password: 'une phrase de passe assez longue',
			role: 'dpo',
			orgId: otherOrg
		});
		const conflict = signInFromDirectory(
			db,
			provider,
			claims({ sub: 'sub-paul', email: 'paul@sud.fr' })
		);
		expect(conflict).toMatchObject({ ok: false, refusal: { reason: 'account_conflict' } });
		expect(db.select().from(oidcIdentities).all()).toHaveLength(1);
	});

	it('refuses a disabled account', () => {
		const first = signInFromDirectory(db, provider, claims());
		if (!first.ok) throw new Error('first sign-in refused');
		db.update(users)
			.set({ disabledAt: new Date().toISOString() })
			.where(eq(users.id, first.userId))
			.run();
		expect(signInFromDirectory(db, provider, claims())).toMatchObject({
			ok: false,
			refusal: { reason: 'disabled' }
		});
	});
});

describe('consumeDirectoryStepUp', () => {
	it('lets one signature use a fresh authentication, within ten minutes', () => {
		const r = signInFromDirectory(db, provider, claims());
		if (!r.ok) throw new Error('sign-in refused');
		const session = db.select().from(sessions).where(eq(sessions.userId, r.userId)).get()!;
		const user = { id: r.userId, email: 'anne.martin@chu-nord.fr' };
		const now = Date.now();
		expect(consumeDirectoryStepUp(db, session.id, user, now)).toBe(false);
		db.update(sessions).set({ stepUpAt: now }).where(eq(sessions.id, session.id)).run();
		expect(consumeDirectoryStepUp(db, session.id, user, now + 1000)).toBe(true);
		expect(consumeDirectoryStepUp(db, session.id, user, now + 2000)).toBe(false);
		db.update(sessions).set({ stepUpAt: now }).where(eq(sessions.id, session.id)).run();
		expect(consumeDirectoryStepUp(db, session.id, user, now + STEP_UP_VALIDITY_MS + 1)).toBe(false);
		expect(actions().filter((e) => e.action === 'signing.stepup_failed')).toHaveLength(3);
	});
});

describe('password sign-in of an organisation that uses its directory only', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	it('refuses the password (said plainly, audited) except to the break-glass account', async () => {
		const password = 'une phrase de passe assez longue';
		for (const [email, role] of [
			['dpo@chu-nord.fr', 'dpo'],
			['secours@chu-nord.fr', 'admin']
		] as const)
			await createMember(db, SYSTEM_ACTOR, {
				email,
				name: email,
				password,
				role,
				orgId: provider.orgId
			});
		await createMember(db, SYSTEM_ACTOR, {
			email: 'dpo@sud.fr',
			name: 'Sud',
			password,
			role: 'dpo',
			orgId: otherOrg
		});
		vi.stubEnv('OIDC_ISSUER', provider.issuer);
		vi.stubEnv('OIDC_CLIENT_ID', 'c');
		vi.stubEnv('OIDC_CLIENT_SECRET', 's');
		vi.stubEnv('OIDC_REDIRECT_URI', provider.redirectUri);
		vi.stubEnv('OIDC_ORG', 'CHU du Nord');
		vi.stubEnv('OIDC_ROLE_MAP', 'GRP-DPO=dpo');
		vi.stubEnv('OIDC_PASSWORD_LOGIN', 'off');
		vi.stubEnv('OIDC_BREAK_GLASS', 'secours@chu-nord.fr');
		vi.resetModules();
		const { resolveDirectoryOrgs } = await import('./oidc');
		const { login } = await import('./login');
		resolveDirectoryOrgs(db);
		expect(await login(db, 'dpo@chu-nord.fr', password, '192.0.2.1')).toEqual({
			ok: false,
			reason: 'sso_only'
		});
		expect(await login(db, 'secours@chu-nord.fr', password, '192.0.2.1')).toMatchObject({
			ok: true
		});
		expect(await login(db, 'dpo@sud.fr', password, '192.0.2.1')).toMatchObject({ ok: true });
		expect(
			actions()
				.filter((e) => e.summary.includes('directory only'))
				.map((e) => e.action)
		).toEqual(['auth.login_failure']);
	});
});
