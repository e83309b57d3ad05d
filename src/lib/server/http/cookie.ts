import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';

// The __Host- prefix pins the cookie to this exact origin over HTTPS (no Domain, Path=/).
const SECURE_NAME = '__Host-session';
const PLAIN_NAME = 'session';

function isHttps(url: URL): boolean {
	return url.protocol === 'https:';
}

/**
 * The one cookie name for this scheme. Over HTTPS only `__Host-session` is read: a plain
 * `session` cookie there may have been planted by a sibling subdomain or over plain HTTP
 * (cookie tossing), and must never be accepted nor re-issued under the protected name.
 */
export function sessionCookieName(url: URL): string {
	return isHttps(url) ? SECURE_NAME : PLAIN_NAME;
}

export function readSessionToken(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(sessionCookieName(url));
}

export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: number
): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		// Browsers accept Secure cookies on http://localhost, so the demo works without TLS.
		secure: !dev || isHttps(url),
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	const name = sessionCookieName(url);
	if (cookies.get(name) !== undefined) {
		cookies.delete(name, { path: '/', secure: !dev || isHttps(url) });
	}
}
