import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb } from '$lib/server/db';
import { readSessionToken, setSessionCookie, clearSessionCookie } from '$lib/server/auth/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { currentUser } from '$lib/server/users';
import { seedDemo, demoEmail, demoPassword } from '$lib/server/seed';
import { ROLES } from '$lib/domain/roles';
import { logError, logEvent } from '$lib/server/log';
import { newId } from '$lib/server/ids';
import { tolerantFormData } from '$lib/server/form-body';
import { groupFingerprint, signingKey } from '$lib/server/export/signing-key';

export const init: ServerInit = async () => {
	const db = getDb();
	const demo = process.env.WORKBENCH_DEMO !== '0';
	const seeded = demo ? await seedDemo(db) : false;
	const port = process.env.PORT || '3000';
	const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
	// The installation's evidence-signing key is created on first start (data directory).
	const lines = [
		`DPIA workbench: http://${host}:${port}`,
		`Evidence bundles signed by key ${groupFingerprint(signingKey().fingerprint)}`
	];
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

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = tolerantFormData(request);
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.sessionExpired = false;
	const token = readSessionToken(event.cookies);
	if (token) {
		const db = getDb();
		const { session, user } = validateSessionToken(db, token);
		if (session) {
			event.locals.session = session;
			event.locals.user = currentUser(db, user);
			setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		} else {
			event.locals.sessionExpired = true;
			clearSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'same-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (!dev) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Pages about a DPIA must not linger in shared hospital browsers' caches.
	if (event.locals.user) h.set('Cache-Control', 'no-store');
	return response;
};

export const handle = sequence(i18n, auth, headers);

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
