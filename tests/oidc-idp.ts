/**
 * A real OpenID Connect provider for the end-to-end tests: `oidc-provider` (certified), one
 * confidential client, plain http on localhost. No login form: each interaction signs in
 * `idp.next.accountId` and grants consent at once, so a test drives "who logs in" from code
 * and can check every interaction that happened (`idp.interactions`).
 *
 * oidc-provider ships no types (they live in @types/oidc-provider, not installed): the few
 * members used here are declared below.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface IdpUser {
	email: string;
	name: string;
	groups: string[];
}

export interface TestIdp {
	/** `http://localhost:${port}`, no trailing slash. */
	issuer: string;
	/** accountId -> claims, read at each login and token request (mutate it between logins). */
	users: Map<string, IdpUser>;
	/**
	 * Who the next login interaction signs in. `authTime` (seconds since the epoch) forces the
	 * recorded auth_time, as a provider that did not re-authenticate would; undefined: now.
	 */
	next: { accountId: string; authTime?: number };
	/** Every interaction completed, in order (`prompt`: 'login' or 'consent'). */
	interactions: { uid: string; prompt: string; accountId: string }[];
	/**
	 * When true, the key set published at /jwks is another key under the same `kid`: the ID
	 * tokens, still signed with the real key, then fail verification (a forged signature as
	 * the client sees it). Set it before the client first fetches the keys.
	 */
	publishForeignKey: boolean;
	close(): Promise<void>;
}

const SCOPES = ['openid', 'profile', 'email', 'groups'];

// --- The part of oidc-provider's API used here (v9, read from node_modules/oidc-provider/lib).

interface OidcGrant {
	addOIDCScope(scope: string): void;
	addOIDCClaims(claims: string[]): void;
	/** Resolves with the grant's id. */
	save(): Promise<string>;
}

interface OidcInteraction {
	uid: string;
	prompt: {
		name: string;
		reasons: string[];
		details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
	};
	params: { client_id?: string };
	session?: { accountId: string };
	grantId?: string;
}

type InteractionResult =
	| { login: { accountId: string; ts: number } }
	| { consent: { grantId: string } }
	| { error: string; error_description?: string };

interface OidcProvider {
	callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
	interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>;
	interactionFinished(
		req: IncomingMessage,
		res: ServerResponse,
		result: InteractionResult,
		options: { mergeWithLastSubmission: boolean }
	): Promise<void>;
	Grant: {
		new (properties: { accountId: string; clientId: string }): OidcGrant;
		find(id: string): Promise<OidcGrant | undefined>;
	};
	on(event: 'server_error', listener: (ctx: unknown, error: unknown) => void): unknown;
}

type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

/** The Koa context members the rendering hooks below touch. */
interface KoaContext {
	type: string;
	body: string;
	host: string;
	oidc?: { client?: { clientId: string } };
}

let providerClass: Promise<ProviderClass> | undefined;

/**
 * Imports oidc-provider once, without its "Unsupported runtime" warning: it wants Node 22 LTS
 * and says so on import, while this project runs on Node 20 (which it works with).
 */
function loadProvider(): Promise<ProviderClass> {
	providerClass ??= (async () => {
		const warn = console.warn;
		console.warn = (...args: unknown[]) => {
			if (
				typeof args[0] === 'string' &&
				args[0].includes('oidc-provider WARNING: Unsupported runtime')
			)
				return;
			warn.apply(console, args);
		};
		try {
			// @ts-expect-error oidc-provider ships no type declarations (see OidcProvider above).
			const module = (await import('oidc-provider')) as { Provider: ProviderClass };
			return module.Provider;
		} finally {
			console.warn = warn;
		}
	})();
	return providerClass;
}

interface Stored {
	payload: Record<string, unknown>;
	expiresAt: number | undefined;
}

/**
 * In-memory storage, one per provider (oidc-provider's own prints a "development-only" warning
 * and is shared by every instance of the process).
 */
function memoryAdapter(store: Map<string, Stored>) {
	return (model: string) => {
		const key = (id: string) => `${model}:${id}`;
		const get = (k: string | undefined) => {
			if (k === undefined) return undefined;
			const stored = store.get(k);
			if (stored?.expiresAt !== undefined && stored.expiresAt <= Date.now()) {
				store.delete(k);
				return undefined;
			}
			return stored?.payload;
		};
		const findBy = (field: string, value: string) => {
			for (const [k] of store) {
				if (k.startsWith(`${model}:`) && get(k)?.[field] === value) return get(k);
			}
			return undefined;
		};
		return {
			async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
				store.set(key(id), {
					payload: { ...payload },
					expiresAt: typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : undefined
				});
			},
			async find(id: string) {
				return get(key(id));
			},
			async findByUid(uid: string) {
				return findBy('uid', uid);
			},
			async findByUserCode(userCode: string) {
				return findBy('userCode', userCode);
			},
			async consume(id: string) {
				const payload = get(key(id));
				if (payload) payload.consumed = Math.floor(Date.now() / 1000);
			},
			async destroy(id: string) {
				store.delete(key(id));
			},
			async revokeByGrantId(grantId: string) {
				for (const [k, stored] of store) {
					if (k.startsWith(`${model}:`) && stored.payload.grantId === grantId) store.delete(k);
				}
			}
		};
	};
}

function htmlSafe(value: unknown): string {
	return String(value)
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

const now = () => Math.floor(Date.now() / 1000);

export async function startTestIdp(opts: {
	port: number;
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	postLogoutRedirectUris: string[];
}): Promise<TestIdp> {
	const Provider = await loadProvider();
	const issuer = `http://localhost:${opts.port}`;
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

	const idp: TestIdp = {
		issuer,
		users: new Map(),
		next: { accountId: '' },
		interactions: [],
		publishForeignKey: false,
		close: async () => {}
	};
	const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
	const foreignJwks = JSON.stringify({
		keys: [{ ...foreign.export({ format: 'jwk' }), kid: 'test-idp', use: 'sig', alg: 'RS256' }]
	});

	const provider = new Provider(issuer, {
		adapter: memoryAdapter(new Map()),
		jwks: {
			keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-idp', use: 'sig', alg: 'RS256' }]
		},
		cookies: { keys: [randomBytes(32).toString('base64url')] },
		clients: [
			{
				client_id: opts.clientId,
				client_secret: opts.clientSecret,
				redirect_uris: opts.redirectUris,
				post_logout_redirect_uris: opts.postLogoutRedirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				// The registered method; client_secret_post is accepted as well (oidc-provider
				// treats the two as one family at the token endpoint).
				token_endpoint_auth_method: 'client_secret_basic',
				id_token_signed_response_alg: 'RS256',
				// auth_time in every ID token, not only when max_age or prompt=login is sent.
				require_auth_time: true
			}
		],
		scopes: SCOPES,
		claims: {
			openid: ['sub'],
			profile: ['name'],
			email: ['email', 'email_verified'],
			groups: ['groups']
		},
		// Scope claims (email, name, groups) in the ID token itself, not only at userinfo.
		conformIdTokenClaims: false,
		// oidc-provider only requires PKCE of public clients by default: here of every client.
		pkce: { required: () => true },
		async findAccount(_ctx: unknown, sub: string) {
			const user = idp.users.get(sub);
			if (!user) return undefined;
			return {
				accountId: sub,
				async claims() {
					return {
						sub,
						email: user.email,
						email_verified: true,
						name: user.name,
						groups: [...user.groups]
					};
				}
			};
		},
		interactions: {
			url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`
		},
		features: {
			devInteractions: { enabled: false },
			rpInitiatedLogout: {
				enabled: true,
				// The default pages, without the notice the defaults print.
				async logoutSource(ctx: KoaContext, form: string) {
					ctx.body = page(
						'Logout Request',
						`<h1>Do you want to sign-out from ${htmlSafe(ctx.host)}?</h1>${form}` +
							'<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>' +
							'<button type="submit" form="op.logoutForm">No, stay signed in</button>'
					);
				},
				async postLogoutSuccessSource(ctx: KoaContext) {
					ctx.body = page('Sign-out Success', '<h1>Sign-out Success</h1>');
				}
			}
		},
		async renderError(ctx: KoaContext, out: Record<string, unknown>) {
			ctx.type = 'html';
			ctx.body = page(
				'Error',
				'<h1>oops! something went wrong</h1>' +
					Object.entries(out)
						.map(([k, v]) => `<pre><strong>${htmlSafe(k)}</strong>: ${htmlSafe(v)}</pre>`)
						.join('')
			);
		},
		clientBasedCORS: () => false,
		ttl: {
			AccessToken: 3600,
			AuthorizationCode: 60,
			BackchannelAuthenticationRequest: 600,
			ClientCredentials: 600,
			DeviceCode: 600,
			Grant: 86400,
			IdToken: 3600,
			Interaction: 3600,
			PreAuthorizedCode: 600,
			RefreshToken: 86400,
			Session: 86400
		}
	});
	provider.on('server_error', (_ctx, error) => console.error('test IdP server_error:', error));

	async function interaction(req: IncomingMessage, res: ServerResponse) {
		const details = await provider.interactionDetails(req, res);
		const { uid, prompt } = details;
		if (prompt.name === 'login') {
			const { accountId, authTime } = idp.next;
			await provider.interactionFinished(
				req,
				res,
				{ login: { accountId, ts: authTime ?? now() } },
				{ mergeWithLastSubmission: false }
			);
			idp.interactions.push({ uid, prompt: 'login', accountId });
			return;
		}
		if (prompt.name === 'consent') {
			const accountId = details.session?.accountId;
			const clientId = details.params.client_id;
			if (!accountId || !clientId) throw new Error('consent without a session or a client');
			const grant =
				(details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
				new provider.Grant({ accountId, clientId });
			grant.addOIDCScope([...SCOPES, ...(prompt.details.missingOIDCScope ?? [])].join(' '));
			if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
			const grantId = await grant.save();
			// Merged with the login of this same authorization request, if there was one: without
			// it, a request with prompt=login that also needs consent asks for a second login.
			await provider.interactionFinished(
				req,
				res,
				{ consent: { grantId } },
				{ mergeWithLastSubmission: true }
			);
			idp.interactions.push({ uid, prompt: 'consent', accountId });
			return;
		}
		throw new Error(`unexpected prompt ${prompt.name}`);
	}

	const handle = provider.callback();
	const server = createServer((req, res) => {
		// No keep-alive: a client never holds a pooled socket that close() has cut, so a request
		// right after a restart does not fail with "other side closed".
		res.setHeader('Connection', 'close');
		const path = new URL(req.url ?? '/', issuer).pathname;
		if (req.method === 'GET' && path === '/jwks' && idp.publishForeignKey) {
			res.setHeader('Content-Type', 'application/jwk-set+json; charset=utf-8');
			res.end(foreignJwks);
			return;
		}
		if (req.method === 'GET' && /^\/interaction\/[^/]+$/.test(path)) {
			interaction(req, res).catch((error: unknown) => {
				if (res.headersSent) return res.destroy();
				res.statusCode = 400;
				res.setHeader('Content-Type', 'text/plain; charset=utf-8');
				res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
			});
			return;
		}
		void handle(req, res);
	});
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});

	idp.close = () =>
		new Promise<void>((resolve, reject) => {
			server.close((error) => (error ? reject(error) : resolve()));
			for (const socket of sockets) socket.destroy();
		});
	return idp;
}
