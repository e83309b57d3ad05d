import * as client from 'openid-client';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt } from 'drizzle-orm';
import {
	freshAuthentication,
	isLocalhost,
	parseOidcConfig,
	type OidcProviderConfig
} from '$lib/domain/oidc';
import { record, type Actor } from '../audit';
import { organisations } from '../db/schema';
import { oidcFlows } from '../db/schema-oidc';
import { writeTransaction, type Db } from '../db';

/*
 * The OpenID Connect protocol, done by openid-client (certified by the OpenID Foundation):
 * discovery, authorization code with PKCE (S256), `state` and `nonce`, the ID token's
 * signature, issuer, audience and expiry, and the RFC 9207 `iss` of the answer. What is
 * ours: where the pending sign-in is kept (a single-use row, lib/server/db/schema-oidc.ts),
 * and the freshness rule of a step-up (lib/domain/oidc.ts).
 */

/** Why a directory sign-in was refused: each has its page text and its audit entry. */
export type OidcRefusal =
	| 'unknown_provider'
	| 'provider_down'
	| 'bad_state'
	| 'expired'
	| 'provider_error'
	| 'token_rejected'
	| 'missing_claims'
	| 'email_unverified'
	| 'no_role'
	| 'account_conflict'
	| 'disabled'
	| 'stale_authentication'
	| 'session_mismatch';

export class OidcRefused extends Error {
	constructor(
		readonly reason: OidcRefusal,
		readonly detail: string
	) {
		super(`${reason}: ${detail}`);
	}
}

/** A sign-in left at the provider longer than this is refused when it comes back. */
export const FLOW_TTL_MS = 10 * 60 * 1000;
/** Holds the state in the browser that started the sign-in (login CSRF). */
export const FLOW_COOKIE = 'oidc_flow';

let configured: OidcProviderConfig[] | undefined;

/** The providers of this installation; a wrong configuration stops the server at start. */
export function oidcProviders(): OidcProviderConfig[] {
	if (!configured) {
		const parsed = parseOidcConfig(process.env, process.env.ORIGIN);
		if (!parsed.ok) throw new Error(`OpenID Connect configuration: ${parsed.errors.join('; ')}`);
		configured = parsed.providers;
	}
	return configured;
}

/**
 * `OIDC_ORG` names the organisation by its id or its exact name (an administrator knows the
 * name; the id is generated). Resolved once the database is open and seeded; an
 * organisation that does not exist stops the server at start.
 */
export function resolveDirectoryOrgs(db: Db): void {
	for (const p of oidcProviders()) {
		const org =
			db
				.select({ id: organisations.id })
				.from(organisations)
				.where(eq(organisations.id, p.orgId))
				.get() ??
			db
				.select({ id: organisations.id })
				.from(organisations)
				.where(eq(organisations.name, p.orgId))
				.get();
		if (!org)
			throw new Error(
				`OpenID Connect configuration: no organisation "${p.orgId}" (OIDC_ORG of ${p.id})`
			);
		p.orgId = org.id;
	}
}

export function oidcProvider(id: string): OidcProviderConfig | undefined {
	return oidcProviders().find((p) => p.id === id);
}

// Discovery once per provider; a failure is not kept, so the next sign-in tries again.
const discovered = new Map<string, Promise<client.Configuration>>();

async function clientConfig(p: OidcProviderConfig): Promise<client.Configuration> {
	let pending = discovered.get(p.id);
	if (!pending) {
		const issuer = new URL(p.issuer);
		pending = client.discovery(issuer, p.clientId, p.clientSecret, undefined, {
			execute: [
				// The ID token's signature is checked against the provider's keys (jwks_uri) too,
				// not only trusted for coming over TLS: the account and the role it gives are
				// evidence in a DPIA record (non-repudiation).
				client.enableNonRepudiationChecks,
				// Plain http only towards a provider on this machine (tests, a local Keycloak).
				...(isLocalhost(issuer.hostname) ? [client.allowInsecureRequests] : [])
			],
			timeout: 10
		});
		discovered.set(p.id, pending);
		pending.catch(() => discovered.delete(p.id));
	}
	try {
		return await pending;
	} catch (e) {
		throw new OidcRefused('provider_down', e instanceof Error ? e.message : String(e));
	}
}

const hashState = (state: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(state)));

export interface StartedFlow {
	url: string;
	state: string;
}

/**
 * Sends the browser to the provider. A step-up asks for a new authentication whatever
 * session the provider holds (`prompt=login`, `max_age=0`) and is bound to our session.
 */
export async function startFlow(
	db: Db,
	p: OidcProviderConfig,
	purpose: 'login' | 'step_up',
	returnTo: string,
	sessionId: string | null,
	now = Date.now()
): Promise<StartedFlow> {
	const config = await clientConfig(p);
	const state = client.randomState();
	const nonce = client.randomNonce();
	const codeVerifier = client.randomPKCECodeVerifier();
	const params: Record<string, string> = {
		redirect_uri: p.redirectUri,
		scope: p.scopes,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	};
	if (purpose === 'step_up') Object.assign(params, { prompt: 'login', max_age: '0' });
	writeTransaction(db, (tx) => {
		// Abandoned sign-ins go with the next one.
		tx.delete(oidcFlows)
			.where(lt(oidcFlows.createdAt, now - FLOW_TTL_MS))
			.run();
		tx.insert(oidcFlows)
			.values({
				stateHash: hashState(state),
				provider: p.id,
				purpose,
				nonce,
				codeVerifier,
				returnTo,
				sessionId,
				createdAt: now
			})
			.run();
	});
	return { url: client.buildAuthorizationUrl(config, params).href, state };
}

export interface FinishedFlow {
	purpose: 'login' | 'step_up';
	returnTo: string;
	sessionId: string | null;
	claims: Record<string, unknown>;
	/** The authentication context class the provider reports, when it gives one. */
	acr: string | null;
}

/**
 * The provider's answer at the callback. The pending row is taken (deleted) before
 * anything else, so an answer replayed, even a valid one, finds nothing.
 */
export async function finishFlow(
	db: Db,
	p: OidcProviderConfig,
	callbackUrl: URL,
	cookieState: string | undefined,
	now = Date.now()
): Promise<FinishedFlow> {
	const state = callbackUrl.searchParams.get('state') ?? '';
	if (!state || state.length > 200) throw new OidcRefused('bad_state', 'no state in the answer');
	// BEGIN IMMEDIATE: a read then a write in a deferred transaction could fail at once
	// against a concurrent writer instead of waiting its turn.
	const flow = writeTransaction(db, (tx) => {
		const row = tx
			.select()
			.from(oidcFlows)
			.where(eq(oidcFlows.stateHash, hashState(state)))
			.get();
		if (row) tx.delete(oidcFlows).where(eq(oidcFlows.stateHash, row.stateHash)).run();
		return row;
	});
	if (!flow || flow.provider !== p.id)
		throw new OidcRefused('bad_state', 'unknown or already used state');
	if (cookieState !== state)
		throw new OidcRefused('bad_state', 'the answer came back to another browser');
	if (now - flow.createdAt > FLOW_TTL_MS)
		throw new OidcRefused('expired', 'sign-in started over 10 minutes ago');
	const providerError = callbackUrl.searchParams.get('error');
	if (providerError)
		throw new OidcRefused('provider_error', providerError.slice(0, 100).replace(/[^\w.-]/g, '?'));
	const config = await clientConfig(p);
	let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
	try {
		tokens = await client.authorizationCodeGrant(config, callbackUrl, {
			pkceCodeVerifier: flow.codeVerifier,
			expectedState: state,
			expectedNonce: flow.nonce,
			idTokenExpected: true
		});
	} catch (e) {
		const down = e instanceof TypeError || (e as { code?: string })?.code === 'OAUTH_TIMEOUT';
		throw new OidcRefused(down ? 'provider_down' : 'token_rejected', errorChain(e).slice(0, 200));
	}
	const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
	if (flow.purpose === 'step_up' && !freshAuthentication(claims.auth_time, flow.createdAt))
		throw new OidcRefused('stale_authentication', 'auth_time older than the request');
	return {
		purpose: flow.purpose,
		returnTo: flow.returnTo,
		sessionId: flow.sessionId,
		claims,
		acr: typeof claims.acr === 'string' ? claims.acr.slice(0, 100) : null
	};
}

/** openid-client wraps the precise reason ("JWT signature verification failed"…) as the cause. */
function errorChain(e: unknown): string {
	const parts: string[] = [];
	for (let cur: unknown = e, depth = 0; cur && depth < 3; depth++) {
		parts.push(cur instanceof Error ? cur.message : String(cur));
		// A cause that is not an Error is the raw response: not for the audit log.
		cur = cur instanceof Error && cur.cause instanceof Error ? cur.cause : undefined;
	}
	return parts.join(': ');
}

/** The provider's logout address (RP-initiated logout), or null when it offers none. */
export async function endSessionUrl(
	p: OidcProviderConfig,
	postLogoutRedirectUri: string
): Promise<string | null> {
	try {
		const config = await clientConfig(p);
		if (!config.serverMetadata().end_session_endpoint) return null;
		return client.buildEndSessionUrl(config, {
			client_id: p.clientId,
			post_logout_redirect_uri: postLogoutRedirectUri
		}).href;
	} catch {
		// The provider down must not keep anyone signed in here: the local logout is done.
		return null;
	}
}

/** Every refusal leaves an audit entry (never the token or the claims themselves). */
export function auditRefusal(db: Db, p: { id: string } | null, refusal: OidcRefused, who = '') {
	const actor: Actor = { userId: null, label: who || 'oidc', role: null, orgId: null };
	record(db, actor, {
		action: 'auth.oidc_refused',
		entity: 'oidc_provider',
		entityId: p?.id ?? null,
		summary: `${refusal.reason}: ${refusal.detail}`.slice(0, 300)
	});
}
