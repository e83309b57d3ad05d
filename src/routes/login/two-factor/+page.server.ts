import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { verifyLoginCode } from '$lib/server/auth/login';
import { clearSessionCookie } from '$lib/server/http/cookie';
import { safeRedirect } from '$lib/server/http/redirect';
import { formFail, validate } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The second step of the one sign-in flow: the session exists (opened by the password)
 * and the hooks hand it here as `locals.pendingLogin` until its code is verified.
 */
const schema = z.object({
	code: z.string().trim().min(1).max(64),
	redirectTo: z.string().max(2000).optional()
});

function backToPassword(locals: App.Locals): never {
	// Timed out (5 minutes), signed out, or never started: the password again.
	redirect(303, locals.sessionExpired ? '/login?code_expired' : '/login');
}

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeRedirect(url.searchParams.get('redirectTo'), '/tasks');
	if (locals.user) redirect(303, next);
	if (!locals.pendingLogin) backToPassword(locals);
	return { email: locals.pendingLogin.email, redirectTo: next };
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		// The body is read before any redirect: answering with a large body left unread makes
		// the client's upload fail on a closed connection instead of following the redirect.
		const form = await request.formData();
		const pending = locals.pendingLogin;
		if (locals.user) redirect(303, '/tasks');
		if (!pending) backToPassword(locals);
		const parsed = validate(schema, form, { omit: ['code'] });
		if (!parsed.ok) return parsed.failure;
		const values = { redirectTo: parsed.data.redirectTo ?? '' };
		const result = verifyLoginCode(getDb(), pending, parsed.data.code, getClientAddress());
		if (result.ok) redirect(303, safeRedirect(parsed.data.redirectTo, '/tasks'));
		if (result.reason === 'throttled') {
			return formFail(429, {}, values, { throttledSeconds: Math.ceil(result.waitMs / 1000) });
		}
		if (!result.again) {
			// Too many wrong codes: the session is gone; the password is asked again.
			clearSessionCookie(cookies, url);
			redirect(303, '/login?code_expired');
		}
		return formFail(400, { code: { code: 'twofactor_code_wrong' } }, values, { wrongCode: true });
	}
};
