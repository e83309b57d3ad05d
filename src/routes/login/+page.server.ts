import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { login } from '$lib/server/auth/login';
import { oidcProviders } from '$lib/server/auth/oidc';
import { setSessionCookie } from '$lib/server/http/cookie';
import { safeRedirect } from '$lib/server/http/redirect';
import { formFail, validate } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	email: z.string().trim().min(1).max(254),
	password: z.string().min(1).max(256),
	redirectTo: z.string().max(2000).optional()
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/tasks'));
	return {
		redirectTo: url.searchParams.get('redirectTo') ?? '',
		expired: url.searchParams.has('expired'),
		loggedOut: url.searchParams.has('logged_out'),
		codeExpired: url.searchParams.has('code_expired'),
		directories: oidcProviders().map((p) => ({ id: p.id, label: p.label }))
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const parsed = validate(schema, form, { omit: ['password'] });
		if (!parsed.ok) return parsed.failure;
		const { email, password, redirectTo } = parsed.data;
		const values = { email, redirectTo: redirectTo ?? '' };
		const result = await login(getDb(), email, password, getClientAddress());
		if (!result.ok) {
			if (result.reason === 'throttled') {
				return formFail(429, {}, values, {
					throttledSeconds: Math.ceil(result.waitMs / 1000),
					throttledUntil: new Date(Date.now() + result.waitMs).toISOString()
				});
			}
			if (result.reason === 'sso_only') return formFail(403, {}, values, { ssoOnly: true });
			return formFail(400, {}, values, { invalid: true });
		}
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		const next = safeRedirect(redirectTo, '/tasks');
		if (result.secondFactorDue) {
			redirect(303, `/login/two-factor?redirectTo=${encodeURIComponent(next)}`);
		}
		redirect(303, next);
	}
};
