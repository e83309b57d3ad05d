import { isRedirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	baseLocale,
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage
} from '$lib/paraglide/runtime';
import { DatabaseNotWritableError, getDb, type Db } from '$lib/server/db';
import { readSessionToken, setSessionCookie, clearSessionCookie } from '$lib/server/http/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { userHasTotp } from '$lib/server/auth/totp';
import { allowedWhileEnrolling, ENROLMENT_PAGE, mustEnrol } from '$lib/server/auth/enrolment-gate';
import { currentUser } from '$lib/server/users';
import { seedDemo, demoEmail, demoPassword } from '$lib/server/seed';
import { ROLES } from '$lib/domain/roles';
import { logError, logEvent } from '$lib/server/log';
import { newId } from '$lib/server/ids';
import { tolerantFormData } from '$lib/server/http/form-body';
import { groupFingerprint, signingKey } from '$lib/server/export/signing-key';
import { notifyConfig } from '$lib/server/notify/config';
import { startSender } from '$lib/server/notify/sender';
import { oidcProviders, resolveDirectoryOrgs } from '$lib/server/auth/oidc';

/** A read-only database or data directory is refused here, not at the first login's 500. */
function openDatabaseOrExit() {
	try {
		return getDb();
	} catch (e) {
		if (!(e instanceof DatabaseNotWritableError)) throw e;
		process.stderr.write(`DPIA workbench cannot start: ${e.message}\n`);
		process.exit(1);
	}
}

/** A wrong directory (OIDC_*) configuration is refused at start, every mistake named. */
function directoriesOrExit(db: Db) {
	try {
		resolveDirectoryOrgs(db);
		return oidcProviders();
	} catch (e) {
		process.stderr.write(`DPIA workbench cannot start: ${(e as Error).message}\n`);
		process.exit(1);
	}
}

export const init: ServerInit = async () => {
	const db = openDatabaseOrExit();
	const demo = process.env.WORKBENCH_DEMO !== '0';
	const seeded = demo ? await seedDemo(db) : false;
	const directories = directoriesOrExit(db);
	const port = process.env.PORT || '3000';
	const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
	// The installation's evidence-signing key is created on first start (data directory).
	const lines = [
		`DPIA workbench: http://${host}:${port}`,
		`Evidence bundles signed by key ${groupFingerprint(signingKey().fingerprint)}`
	];
	const mail = notifyConfig();
	if (mail) startSender(db, mail);
	lines.push(
		mail
			? `E-mail notifications: on (links to ${mail.origin})`
			: 'E-mail notifications: off (SMTP_URL not set)'
	);
	if (directories.length)
		lines.push(
			`Directory sign-in (OpenID Connect): ${directories.map((d) => `${d.id} (${d.issuer})`).join(', ')}`
		);
	if (demo) {
		lines.push(
			seeded ? 'Demo seeded. Sign in with:' : 'Demo accounts:',
			...ROLES.map((r) => `  ${demoEmail(r)}`),
			process.env.WORKBENCH_DEMO_PASSWORD
				? '  password: the value of WORKBENCH_DEMO_PASSWORD'
				: `  password: ${demoPassword()}`
		);
	}
	process.stdout.write(lines.join('\n') + '\n');
};

/**
 * Security headers on every response, error pages and redirects of the inner handles
 * included: this handle runs outermost for that reason.
 */
/**
 * The logout form's answer redirects to the directory's end-session page (RP-initiated
 * logout); browsers check that redirect against the page's `form-action`, so the
 * directories' origins are added to it.
 */
function allowDirectoryLogout(h: Headers) {
	const csp = h.get('content-security-policy');
	const origins = oidcOrigins();
	if (!csp || !origins) return;
	h.set(
		'content-security-policy',
		csp.replace("form-action 'self'", `form-action 'self' ${origins}`)
	);
}

let origins: string | undefined;
function oidcOrigins(): string {
	origins ??= [...new Set(oidcProviders().map((p) => new URL(p.issuer).origin))].join(' ');
	return origins;
}

const headers: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		// A redirect thrown by an inner handle would otherwise leave without these headers.
		if (!isRedirect(e)) throw e;
		response = new Response(null, { status: e.status, headers: { location: e.location } });
	}
	const h = response.headers;
	allowDirectoryLogout(h);
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (!dev) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Pages about a DPIA must not linger in shared hospital browsers' caches.
	if (event.locals.noStore) h.set('Cache-Control', 'no-store');
	return response;
};

/** Form bodies every action reads: a malformed one is a 400, NUL characters dropped. */
const formBody: Handle = ({ event, resolve }) => {
	event.request = tolerantFormData(event.request);
	return resolve(event);
};

/**
 * The request's language (paraglide's strategy: its cookie, else French), kept where
 * paraglide's getLocale() reads it during the request. paraglide's own middleware does the
 * same but first copies the whole request (new Request(url, request)), which only its URL
 * strategy needs and we do not use: that copy was 2 % of the server's CPU under
 * `npm run bench -- --only load` (CPU profile).
 */
const localeStore = new AsyncLocalStorage<{
	locale?: ReturnType<typeof extractLocaleFromRequest>;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(localeStore);

const i18n: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	event.locals.locale = locale;
	const store = { locale, origin: event.url.origin, messageCalls: new Set<string>() };
	return localeStore.run(store, () =>
		// app.html declares the base locale; only a page in another language is rewritten.
		// Replacing in the page flattens its whole HTML string (up to ~200 kB): that cost
		// 7 % of the server's CPU under `npm run bench` when every page paid it.
		locale === baseLocale
			? resolve(event)
			: resolve(event, {
					transformPageChunk: ({ html }) => html.replace(BASE_LANG_ATTRIBUTE, `lang="${locale}"`)
				})
	);
};

/** app.html's `<html>` attribute, in the base locale. */
const BASE_LANG_ATTRIBUTE = `lang="${baseLocale}"`;

/**
 * Sets `locals.user`/`locals.session` (null when absent). A session whose second factor
 * is due and not verified is not signed in: it is `locals.pendingLogin`, which only the
 * code page (/login/two-factor) and logout read.
 */
const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.pendingLogin = null;
	event.locals.sessionExpired = false;
	const token = readSessionToken(event.cookies, event.url);
	if (token) {
		const db = getDb();
		const { session, user, awaitingSecondFactor } = validateSessionToken(db, token);
		if (!session) {
			event.locals.sessionExpired = true;
			clearSessionCookie(event.cookies, event.url);
		} else if (awaitingSecondFactor) {
			event.locals.pendingLogin = { sessionId: session.id, userId: user.id, email: user.email };
		} else {
			event.locals.session = session;
			event.locals.user = currentUser(db, user);
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		}
	}
	// Decided here, before the page renders: the `headers` handle sends it, and SvelteKit
	// skips hashing the page into an ETag nobody can use (vite/no-store-etag.ts).
	event.locals.noStore = !!(event.locals.user || event.locals.pendingLogin);
	return resolve(event);
};

/**
 * An organisation requires two-factor for the user's role and the user has not enrolled:
 * every request but the enrolment itself (and logout, language, health) is sent there.
 */
const twoFactorGate: Handle = async ({ event, resolve }) => {
	const user = event.locals.user;
	if (
		user &&
		!allowedWhileEnrolling(event.request.method, event.url) &&
		// Signed in through a directory: strong authentication is the directory's (its MFA,
		// its conditional access), not a second code of ours.
		!event.locals.session?.oidcProvider &&
		mustEnrol(getDb(), user, userHasTotp(getDb(), user.id))
	) {
		return new Response(null, { status: 303, headers: { location: ENROLMENT_PAGE } });
	}
	return resolve(event);
};

export const handle = sequence(headers, i18n, formBody, auth, twoFactorGate);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'not_found' };
	const id = newId();
	const where = { id, status, path: event.url.pathname, method: event.request.method };
	// A client's malformed request (415, undecodable path…) is not a fault of ours: one
	// warning line, no stack trace to flood the log.
	if (status < 500) {
		logEvent('client_error', {
			level: 'warn',
			...where,
			message,
			detail: error instanceof Error ? error.message : String(error)
		});
		return { message: message || 'bad_request', id };
	}
	logError({ ...where, error });
	return { message: message || 'internal_error', id };
};
