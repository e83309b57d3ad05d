import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';

// The __Host- prefix pins the cookie to this exact origin over HTTPS (no Domain, Path=/).
const SECURE_NAME = '__Host-session';
const PLAIN_NAME = 'session';

function isHttps(url: URL): boolean {
	return url.protocol === 'https:';
}

export function readSessionToken(cookies: Cookies): string | undefined {
	return cookies.get(SECURE_NAME) ?? cookies.get(PLAIN_NAME);
}

export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: number
): void {
	cookies.set(isHttps(url) ? SECURE_NAME : PLAIN_NAME, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		// Browsers accept Secure cookies on http://localhost, so the demo works without TLS.
		secure: !dev || isHttps(url),
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	for (const name of [SECURE_NAME, PLAIN_NAME]) {
		if (cookies.get(name) !== undefined) {
			cookies.delete(name, { path: '/', secure: name === SECURE_NAME || !dev || isHttps(url) });
		}
	}
}
