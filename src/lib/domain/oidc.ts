/**
 * Sign-in with the hospital's directory (OpenID Connect): what the configuration says and
 * what a provider's claims mean for an account. Pure: the protocol itself (PKCE, state,
 * nonce, token signature) is openid-client's, in lib/server/auth/oidc.ts.
 */
import { ROLES, type Role } from './roles';

export interface OidcProviderConfig {
	/** Short name used in URLs (`/login/oidc/<id>`) and in the account's identity. */
	id: string;
	/** What the sign-in button says ("Se connecter avec …"). */
	label: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	scopes: string;
	/** The organisation whose accounts this directory creates and updates. */
	orgId: string;
	/** Where the groups are in the claims; a dotted path reaches nested claims (`realm_access.roles`). */
	roleClaim: string;
	/** Group value → role, in the order written: the first group the user has decides. */
	roleMap: [string, Role][];
	/** False: the organisation signs in through the directory only (OIDC_PASSWORD_LOGIN=off). */
	passwordLogin: boolean;
	/** With password login off, the one account that may still use its password (break glass). */
	breakGlassEmail: string | null;
}

export type OidcConfigResult =
	{ ok: true; providers: OidcProviderConfig[] } | { ok: false; errors: string[] };

const ID = /^[a-z][a-z0-9-]{0,31}$/;
/** The variables of one provider, after its prefix (`OIDC_` or `OIDC_<ID>_`). */
export const OIDC_FIELDS = [
	'ISSUER',
	'CLIENT_ID',
	'CLIENT_SECRET',
	'REDIRECT_URI',
	'SCOPES',
	'ORG',
	'ROLE_CLAIM',
	'ROLE_MAP',
	'LABEL',
	'PASSWORD_LOGIN',
	'BREAK_GLASS'
] as const;

/**
 * `GRP-DPO=dpo,GRP-DIRECTION=director`: groups may repeat a role, never the other way.
 * Entries are separated by `;` instead when the text holds one, for group names that hold
 * commas (an AD distinguished name: `CN=DPO,OU=Groupes=dpo;CN=DG,OU=Groupes=director`).
 */
export function parseRoleMap(text: string): { map: [string, Role][]; errors: string[] } {
	const map: [string, Role][] = [];
	const errors: string[] = [];
	const separator = text.includes(';') ? ';' : ',';
	for (const part of text.split(separator).map((p) => p.trim())) {
		if (!part) continue;
		const eq = part.lastIndexOf('=');
		const group = eq > 0 ? part.slice(0, eq).trim() : '';
		const role = eq > 0 ? part.slice(eq + 1).trim() : '';
		if (!group || !role) errors.push(`"${part}" is not group=role`);
		else if (!(ROLES as readonly string[]).includes(role))
			errors.push(`"${role}" is not a role (${ROLES.join(', ')})`);
		else if (map.some(([g]) => g === group)) errors.push(`group "${group}" is mapped twice`);
		else map.push([group, role as Role]);
	}
	if (map.length === 0 && errors.length === 0) errors.push('maps no group to a role');
	return { map, errors };
}

/**
 * The providers configured by the environment: either one (`OIDC_ISSUER`…, id `sso`) or
 * several (`OIDC_PROVIDERS=ght,chu` and `OIDC_GHT_ISSUER`, `OIDC_CHU_ISSUER`…). None when
 * nothing is set. `origin` gives the default redirect URI.
 */
export function parseOidcConfig(
	env: Record<string, string | undefined>,
	origin: string | undefined
): OidcConfigResult {
	const list = env.OIDC_PROVIDERS?.trim();
	const ids = list
		? list
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		: env.OIDC_ISSUER
			? ['sso']
			: [];
	const errors: string[] = [];
	const providers: OidcProviderConfig[] = [];
	for (const id of ids) {
		if (!ID.test(id)) {
			errors.push(`OIDC_PROVIDERS: "${id}" must be lower-case letters, digits or "-"`);
			continue;
		}
		const prefix = list ? `OIDC_${id.toUpperCase().replaceAll('-', '_')}_` : 'OIDC_';
		const get = (k: (typeof OIDC_FIELDS)[number]) => env[prefix + k]?.trim() || undefined;
		const need = (k: (typeof OIDC_FIELDS)[number]) => {
			const v = get(k);
			if (!v) errors.push(`${prefix}${k} is required`);
			return v ?? '';
		};
		const issuer = need('ISSUER');
		if (issuer && !validIssuer(issuer))
			errors.push(`${prefix}ISSUER must be an https URL (http only for localhost)`);
		const redirectUri =
			get('REDIRECT_URI') ??
			(origin ? `${origin.replace(/\/$/, '')}/login/oidc/${id}/callback` : '');
		if (!redirectUri) errors.push(`${prefix}REDIRECT_URI is required when ORIGIN is not set`);
		const roles = parseRoleMap(need('ROLE_MAP'));
		if (get('ROLE_MAP')) errors.push(...roles.errors.map((e) => `${prefix}ROLE_MAP: ${e}`));
		const passwordLogin = (get('PASSWORD_LOGIN') ?? 'on').toLowerCase();
		if (passwordLogin !== 'on' && passwordLogin !== 'off')
			errors.push(`${prefix}PASSWORD_LOGIN must be "on" or "off"`);
		providers.push({
			id,
			label: get('LABEL') ?? id,
			issuer,
			clientId: need('CLIENT_ID'),
			clientSecret: need('CLIENT_SECRET'),
			redirectUri,
			scopes: get('SCOPES') ?? 'openid profile email',
			orgId: need('ORG'),
			roleClaim: get('ROLE_CLAIM') ?? 'groups',
			roleMap: roles.map,
			passwordLogin: passwordLogin !== 'off',
			breakGlassEmail: get('BREAK_GLASS')?.toLowerCase() ?? null
		});
	}
	if (new Set(providers.map((p) => p.issuer)).size < providers.length)
		errors.push('two OIDC providers have the same issuer');
	return errors.length ? { ok: false, errors } : { ok: true, providers };
}

function validIssuer(text: string): boolean {
	try {
		const url = new URL(text);
		if (url.protocol === 'https:') return true;
		return url.protocol === 'http:' && isLocalhost(url.hostname);
	} catch {
		return false;
	}
}

export function isLocalhost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** The values at a dotted claim path, as strings (a single string counts as one value). */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
	let value: unknown = claims;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
		value = (value as Record<string, unknown>)[key];
	}
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
	return [];
}

/**
 * The role the directory gives: the first mapped group the user is in. A group given as a
 * path (`/GRP-DPO`, as Keycloak's group mapper writes with "full path") matches its name.
 */
export function roleFromClaims(
	claims: Record<string, unknown>,
	provider: Pick<OidcProviderConfig, 'roleClaim' | 'roleMap'>
): Role | null {
	const values = new Set(
		claimValues(claims, provider.roleClaim).flatMap((v) => [v, v.replace(/^.*\//, '')])
	);
	return provider.roleMap.find(([group]) => values.has(group))?.[1] ?? null;
}

export type ProfileResult =
	| { ok: true; email: string; name: string }
	| { ok: false; reason: 'missing_claims'; missing: string[] }
	| { ok: false; reason: 'email_unverified' };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Name and e-mail from the claims. The e-mail is required (the account's identifier in the
 * app and where notifications go) and must not be flagged unverified; the name falls back
 * to given + family name, then to the e-mail.
 */
export function profileFromClaims(claims: Record<string, unknown>): ProfileResult {
	const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string).trim() : '');
	const email = str('email').toLowerCase();
	if (!email || !EMAIL.test(email) || email.length > 254)
		return { ok: false, reason: 'missing_claims', missing: ['email'] };
	if (claims.email_verified === false) return { ok: false, reason: 'email_unverified' };
	const name = (str('name') || `${str('given_name')} ${str('family_name')}`.trim() || email).slice(
		0,
		200
	);
	return { ok: true, email, name };
}

/**
 * A step-up counts only if the provider authenticated the user after we asked: `auth_time`
 * (seconds) not before the request, with a few seconds for clocks that disagree.
 */
export const STEP_UP_SKEW_SECONDS = 5;
export function freshAuthentication(authTime: unknown, requestedAtMs: number): boolean {
	if (typeof authTime !== 'number' || !Number.isFinite(authTime)) return false;
	return authTime * 1000 >= requestedAtMs - STEP_UP_SKEW_SECONDS * 1000;
}

/** How long a fresh authentication stays usable for one signature. */
export const STEP_UP_VALIDITY_MS = 10 * 60 * 1000;
export function stepUpValid(stepUpAt: number | null | undefined, now: number): boolean {
	return (
		typeof stepUpAt === 'number' && now - stepUpAt >= 0 && now - stepUpAt <= STEP_UP_VALIDITY_MS
	);
}

/**
 * Whether an account may sign in with its password: not when one of its organisations
 * signs in through the directory only, unless it is that organisation's break-glass account.
 */
export function passwordLoginAllowed(
	email: string,
	orgIds: string[],
	providers: Pick<OidcProviderConfig, 'orgId' | 'passwordLogin' | 'breakGlassEmail'>[]
): boolean {
	return providers.every(
		(p) => p.passwordLogin || !orgIds.includes(p.orgId) || p.breakGlassEmail === email
	);
}
