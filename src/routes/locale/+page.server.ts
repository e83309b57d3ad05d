import { redirect } from '@sveltejs/kit';
import { cookieName, cookieMaxAge, isLocale } from '$lib/paraglide/runtime';
import { safeRedirect } from '$lib/server/http/redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const data = await request.formData();
		const locale = data.get('locale');
		if (typeof locale === 'string' && isLocale(locale)) {
			// Readable by the client runtime too: it is a preference, not a secret.
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: cookieMaxAge,
				httpOnly: false,
				sameSite: 'lax'
			});
		}
		redirect(303, safeRedirect(data.get('redirectTo')));
	}
};
