import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { readSessionToken, setSessionCookie } from './cookie';

/** Just enough of SvelteKit's cookie jar: what came in, and what was set. */
function jar(incoming: Record<string, string>) {
	const set: Record<string, string> = {};
	const cookies = {
		get: (name: string) => incoming[name],
		set: (name: string, value: string) => {
			set[name] = value;
		}
	} as unknown as Cookies;
	return { cookies, set };
}

const HTTPS = new URL('https://aipd.chu-exemple.fr/assessments');
const HTTP = new URL('http://localhost:3000/assessments');

describe('the session cookie', () => {
	it('over HTTPS a plain `session` cookie is accepted and re-issued as `__Host-session`', () => {
		const planted = jar({ session: 'planted-token' });
		expect(readSessionToken(planted.cookies, HTTPS)).toBeUndefined();
		const genuine = jar({ '__Host-session': 'real-token', session: 'planted-token' });
		expect(readSessionToken(genuine.cookies, HTTPS)).toBe('real-token');
	});

	it('is named `__Host-session` over HTTPS only, `session` over plain HTTP', () => {
		const secure = jar({});
		setSessionCookie(secure.cookies, HTTPS, 't', Date.now() + 1000);
		expect(Object.keys(secure.set)).toEqual(['__Host-session']);
		const plain = jar({ '__Host-session': 'x', session: 'y' });
		expect(readSessionToken(plain.cookies, HTTP)).toBe('y');
		setSessionCookie(plain.cookies, HTTP, 't', Date.now() + 1000);
		expect(Object.keys(plain.set)).toEqual(['session']);
	});
});
