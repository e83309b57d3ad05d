import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { mutate } from '$lib/server/audit';
import { invalidateSession } from '$lib/server/auth/session';
import { endSessionUrl, oidcProvider } from '$lib/server/auth/oidc';
import { clearSessionCookie } from '$lib/server/http/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	// Also ends a session still waiting for its two-factor code ("start again").
	default: async ({ locals, cookies, url }) => {
		const sessionId = locals.session?.id ?? locals.pendingLogin?.sessionId;
		const userId = locals.user?.id ?? locals.pendingLogin?.userId;
		const email = locals.user?.email ?? locals.pendingLogin?.email ?? '';
		if (sessionId && userId) {
			const actor = { userId, label: email, role: null, orgId: null };
			mutate(getDb(), actor, (tx) => {
				invalidateSession(tx, sessionId);
				return {
					result: undefined,
					event: { action: 'auth.logout', entity: 'user', entityId: userId, summary: 'signed out' }
				};
			});
		}
		clearSessionCookie(cookies, url);
		const back = `${url.origin}/login?logged_out`;
		// Signed in through a directory: signed out there too when it offers it (RP-initiated
		// logout), else the hospital's single sign-on would sign the user straight back in.
		const provider = locals.session?.oidcProvider
			? oidcProvider(locals.session.oidcProvider)
			: null;
		const there = provider ? await endSessionUrl(provider, back) : null;
		redirect(303, there ?? '/login?logged_out');
	}
};
