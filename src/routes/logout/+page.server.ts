import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { mutate } from '$lib/server/audit';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import { actorOf } from '$lib/server/http/access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		const { session, user } = locals;
		if (session && user) {
			mutate(getDb(), actorOf(user), (tx) => {
				invalidateSession(tx, session.id);
				return {
					result: undefined,
					event: { action: 'auth.logout', entity: 'user', entityId: user.id, summary: 'signed out' }
				};
			});
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/login?logged_out');
	}
};
