import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES } from './roles';
import {
	claimValues,
	freshAuthentication,
	parseOidcConfig,
	parseRoleMap,
	passwordLoginAllowed,
	profileFromClaims,
	roleFromClaims,
	stepUpValid,
	STEP_UP_VALIDITY_MS
} from './oidc';

const single = {
	OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
	OIDC_CLIENT_ID: 'client',
	OIDC_CLIENT_SECRET: 'secret',
	OIDC_ORG: 'org-1',
	OIDC_ROLE_MAP: 'GRP-DPO=dpo, GRP-DIRECTION=director'
};

describe('parseOidcConfig', () => {
	it('reads nothing when nothing is set', () => {
		expect(parseOidcConfig({}, 'https://aipd.example')).toEqual({ ok: true, providers: [] });
	});

	it('reads one provider from OIDC_* with the defaults', () => {
		const r = parseOidcConfig(single, 'https://aipd.example/');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.providers).toEqual([
			{
				id: 'sso',
				label: 'sso',
				issuer: single.OIDC_ISSUER,
				clientId: 'client',
				clientSecret: 'secret',
				redirectUri: 'https://aipd.example/login/oidc/sso/callback',
				scopes: 'openid profile email',
				orgId: 'org-1',
				roleClaim: 'groups',
				roleMap: [
					['GRP-DPO', 'dpo'],
					['GRP-DIRECTION', 'director']
				],
				passwordLogin: true,
				breakGlassEmail: null
			}
		]);
	});

	it('reads several providers, each under its own prefix', () => {
		const r = parseOidcConfig(
			{
				OIDC_PROVIDERS: 'ght, chu-nord',
				OIDC_GHT_ISSUER: 'https://idp.ght.example/realms/ght',
				OIDC_GHT_CLIENT_ID: 'a',
				OIDC_GHT_CLIENT_SECRET: 'b',
				OIDC_GHT_ORG: 'o1',
				OIDC_GHT_ROLE_MAP: 'X=auditor',
				OIDC_GHT_PASSWORD_LOGIN: 'off',
				OIDC_GHT_BREAK_GLASS: 'Admin@GHT.example',
				OIDC_CHU_NORD_ISSUER: 'http://localhost:8080/realms/chu',
				OIDC_CHU_NORD_CLIENT_ID: 'c',
				OIDC_CHU_NORD_CLIENT_SECRET: 'd',
				OIDC_CHU_NORD_ORG: 'o2',
				OIDC_CHU_NORD_ROLE_MAP: 'Y=dpo',
				OIDC_CHU_NORD_REDIRECT_URI: 'https://elsewhere.example/cb'
			},
			'https://aipd.example'
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.providers.map((p) => [p.id, p.orgId, p.redirectUri, p.passwordLogin])).toEqual([
			['ght', 'o1', 'https://aipd.example/login/oidc/ght/callback', false],
			['chu-nord', 'o2', 'https://elsewhere.example/cb', true]
		]);
		expect(r.providers[0]!.breakGlassEmail).toBe('admin@ght.example');
	});

	it('names every mistake at once', () => {
		const r = parseOidcConfig(
			{
				OIDC_ISSUER: 'http://idp.example',
				OIDC_ROLE_MAP: 'GRP=chief, =dpo',
				OIDC_PASSWORD_LOGIN: 'maybe'
			},
			undefined
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors).toEqual([
			'OIDC_ISSUER must be an https URL (http only for localhost)',
			'OIDC_REDIRECT_URI is required when ORIGIN is not set',
			'OIDC_ROLE_MAP: "chief" is not a role (admin, dpo, director, security, contributor, representative, auditor)',
			'OIDC_ROLE_MAP: "=dpo" is not group=role',
			'OIDC_PASSWORD_LOGIN must be "on" or "off"',
			'OIDC_CLIENT_ID is required',
			'OIDC_CLIENT_SECRET is required',
			'OIDC_ORG is required'
		]);
	});

	it('refuses a provider id that cannot be a URL segment and a repeated issuer', () => {
		const r = parseOidcConfig(
			{
				...single,
				OIDC_PROVIDERS: 'a,a',
				OIDC_A_ISSUER: single.OIDC_ISSUER,
				OIDC_A_CLIENT_ID: 'x',
				OIDC_A_CLIENT_SECRET: 'y',
				OIDC_A_ORG: 'o',
				OIDC_A_ROLE_MAP: 'G=dpo'
			},
			'https://x.example'
		);
		expect(r).toEqual({ ok: false, errors: ['two OIDC providers have the same issuer'] });
		const bad = parseOidcConfig({ OIDC_PROVIDERS: 'GHT/1' }, undefined);
		expect(bad.ok).toBe(false);
	});
});

describe('parseRoleMap', () => {
	it('refuses a group mapped twice and an empty map', () => {
		expect(parseRoleMap('A=dpo,A=director').errors).toEqual(['group "A" is mapped twice']);
		expect(parseRoleMap(' , ').errors).toEqual(['maps no group to a role']);
	});

	it('reads distinguished names (";" separates, the last "=" gives the role)', () => {
		expect(parseRoleMap('CN=DPO,OU=Groupes=dpo;CN=DG,OU=Groupes=director').map).toEqual([
			['CN=DPO,OU=Groupes', 'dpo'],
			['CN=DG,OU=Groupes', 'director']
		]);
	});
});

describe('roleFromClaims', () => {
	const provider = {
		roleClaim: 'groups',
		roleMap: [
			['GRP-DIRECTION', 'director'],
			['GRP-DPO', 'dpo']
		] as [string, (typeof ROLES)[number]][]
	};

	it('takes the first mapped group in the order of the map', () => {
		expect(roleFromClaims({ groups: ['GRP-DPO', 'GRP-DIRECTION'] }, provider)).toBe('director');
		expect(roleFromClaims({ groups: ['Other', 'GRP-DPO'] }, provider)).toBe('dpo');
	});

	it('reads a single string, a Keycloak group path and a nested claim', () => {
		expect(roleFromClaims({ groups: 'GRP-DPO' }, provider)).toBe('dpo');
		expect(roleFromClaims({ groups: ['/Hôpital/GRP-DPO'] }, provider)).toBe('dpo');
		expect(
			roleFromClaims(
				{ realm_access: { roles: ['GRP-DIRECTION'] } },
				{ ...provider, roleClaim: 'realm_access.roles' }
			)
		).toBe('director');
	});

	it('gives no role without a mapped group or without the claim', () => {
		expect(roleFromClaims({ groups: ['Other'] }, provider)).toBeNull();
		expect(roleFromClaims({}, provider)).toBeNull();
		expect(roleFromClaims({ groups: [1, null, { a: 1 }] }, provider)).toBeNull();
	});

	it('never gives a role the map does not name (property)', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (groups) => {
				const role = roleFromClaims({ groups }, provider);
				return role === null || role === 'director' || role === 'dpo';
			})
		);
	});

	it('claimValues stops at anything that is not an object', () => {
		expect(claimValues({ a: 'x' }, 'a.b')).toEqual([]);
		expect(claimValues({ a: ['x', 2] }, 'a')).toEqual(['x']);
	});
});

describe('profileFromClaims', () => {
	it('takes e-mail (lower-cased) and name, falling back to given and family names', () => {
		expect(profileFromClaims({ email: 'A.Martin@CHU.fr', name: 'Anne Martin' })).toEqual({
			ok: true,
			email: 'a.martin@chu.fr',
			name: 'Anne Martin'
		});
		expect(
			profileFromClaims({ email: 'a@b.fr', given_name: 'Anne', family_name: 'Martin' })
		).toMatchObject({ name: 'Anne Martin' });
		expect(profileFromClaims({ email: 'a@b.fr' })).toMatchObject({ name: 'a@b.fr' });
	});

	it('refuses a missing or malformed e-mail and one the provider says is unverified', () => {
		expect(profileFromClaims({ name: 'x' })).toEqual({
			ok: false,
			reason: 'missing_claims',
			missing: ['email']
		});
		expect(profileFromClaims({ email: 'not an email' }).ok).toBe(false);
		expect(profileFromClaims({ email: 'a@b.fr', email_verified: false })).toEqual({
			ok: false,
			reason: 'email_unverified'
		});
	});
});

describe('step-up freshness', () => {
	const asked = Date.UTC(2026, 11, 6, 10, 0, 0);

	it('accepts an authentication made after the request, within the skew', () => {
		expect(freshAuthentication(asked / 1000 + 2, asked)).toBe(true);
		expect(freshAuthentication(asked / 1000 - 4, asked)).toBe(true);
	});

	it('refuses an older authentication or no auth_time at all', () => {
		expect(freshAuthentication(asked / 1000 - 3600, asked)).toBe(false);
		expect(freshAuthentication(undefined, asked)).toBe(false);
		expect(freshAuthentication('123', asked)).toBe(false);
	});

	it('keeps a step-up usable for ten minutes only', () => {
		expect(stepUpValid(asked, asked + STEP_UP_VALIDITY_MS)).toBe(true);
		expect(stepUpValid(asked, asked + STEP_UP_VALIDITY_MS + 1)).toBe(false);
		expect(stepUpValid(null, asked)).toBe(false);
		expect(stepUpValid(asked + 1000, asked)).toBe(false);
	});
});

describe('passwordLoginAllowed', () => {
	const sso = { orgId: 'o1', passwordLogin: false, breakGlassEmail: 'admin@o1.fr' };
	const open = { orgId: 'o2', passwordLogin: true, breakGlassEmail: null };

	it('refuses the password to a member of a directory-only organisation, except break glass', () => {
		expect(passwordLoginAllowed('dpo@o1.fr', ['o1'], [sso, open])).toBe(false);
		expect(passwordLoginAllowed('dpo@o1.fr', ['o1', 'o2'], [sso, open])).toBe(false);
		expect(passwordLoginAllowed('admin@o1.fr', ['o1'], [sso, open])).toBe(true);
		expect(passwordLoginAllowed('dpo@o2.fr', ['o2'], [sso, open])).toBe(true);
		expect(passwordLoginAllowed('x@y.fr', ['o1'], [])).toBe(true);
	});
});
