import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { login } from '$lib/server/auth/login';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { userHasTotp } from '$lib/server/auth/totp';
import { safeRedirect } from '$lib/server/http/redirect';
import { formFail, validate } from '$lib/server/http/forms';
import { findByEmail } from '$lib/server/users';
import {
	checkCredentials,
	checkLoginCode,
	endPending,
	enrolmentPending,
	readPending,
	startPending
} from './two-factor.server';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	email: z.string().trim().min(1).max(254),
	password: z.string().min(1).max(256),
	redirectTo: z.string().max(2000).optional()
});

const codeSchema = z.object({
	code: z.string().trim().min(1).max(64),
	redirectTo: z.string().max(2000).optional()
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo'), '/assessments'));
	return {
		redirectTo: url.searchParams.get('redirectTo') ?? '',
		expired: url.searchParams.has('expired'),
		loggedOut: url.searchParams.has('logged_out')
	};
};

function throttled(waitMs: number, values: Record<string, string>, codeRequired: boolean) {
	return formFail(429, {}, values, {
		codeRequired,
		throttledSeconds: Math.ceil(waitMs / 1000),
		throttledUntil: new Date(Date.now() + waitMs).toISOString()
	});
}

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const db = getDb();
		const form = await request.formData();
		const pending = form.get('step') === 'code' ? readPending(cookies) : null;
		if (form.get('step') === 'code' && !pending) {
			// The 5 minutes ran out (or the server restarted): start again from the password.
			endPending(cookies, url);
			return formFail(400, {}, { email: String(form.get('email') ?? '') }, { codeExpired: true });
		}

		if (pending) {
			const parsed = validate(codeSchema, form, { omit: ['code'] });
			const values = { email: pending.email, redirectTo: String(form.get('redirectTo') ?? '') };
			if (!parsed.ok) {
				return formFail(400, { code: { code: 'required' } }, values, {
					codeRequired: true,
					codeMissing: true
				});
			}
			const result = checkLoginCode(db, pending, parsed.data.code, getClientAddress());
			if (!result.ok) {
				if (result.reason === 'throttled') return throttled(result.waitMs, values, true);
				if (result.reason === 'wrong_code' && result.again) {
					return formFail(400, { code: { code: 'twofactor_code_wrong' } }, values, {
						codeRequired: true,
						wrongCode: true
					});
				}
				endPending(cookies, url);
				return formFail(400, {}, values, { codeExpired: true });
			}
			endPending(cookies, url);
			setSessionCookie(cookies, url, result.token, result.expiresAt);
			redirect(303, safeRedirect(parsed.data.redirectTo, '/assessments'));
		}

		const parsed = validate(schema, form, { omit: ['password'] });
		if (!parsed.ok) return parsed.failure;
		const { email, password, redirectTo } = parsed.data;
		const values = { email, redirectTo: redirectTo ?? '' };
		const ip = getClientAddress();
		const known = findByEmail(db, email);

		if (known && !known.disabledAt && userHasTotp(db, known.id)) {
			const check = await checkCredentials(db, email, password, ip);
			if (!check.ok) {
				if (check.reason === 'throttled') return throttled(check.waitMs, values, false);
				return formFail(400, {}, values, { invalid: true });
			}
			startPending(cookies, url, check.user);
			return {
				codeRequired: true,
				values: { email: check.user.email, redirectTo: values.redirectTo }
			};
		}

		const result = await login(db, email, password, ip);
		if (!result.ok) {
			if (result.reason === 'throttled') return throttled(result.waitMs, values, false);
			return formFail(400, {}, values, { invalid: true });
		}
		setSessionCookie(cookies, url, result.token, result.expiresAt);
		// An organisation requires two-factor for this role and the user has none yet.
		if (known && enrolmentPending(db, known.id, known.email)) redirect(303, '/account');
		redirect(303, safeRedirect(redirectTo, '/assessments'));
	}
};
