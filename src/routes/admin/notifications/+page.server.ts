import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf, orgsWhere, requireUser } from '$lib/server/http/access';
import { notificationsEnabled } from '$lib/server/notify/config';
import { outboxOverview, retryFailed } from '$lib/server/notify/admin';
import type { Actions, PageServerLoad } from './$types';

/** The organisations whose mails this user may see: those they administer, no other. */
function adminOrgs(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireUser(event);
	const orgIds = orgsWhere(user, 'users.manage').map((o) => o.orgId);
	if (!orgIds.length) error(403, { message: 'forbidden' });
	return { user, orgIds };
}

export const load: PageServerLoad = (event) => {
	const { orgIds } = adminOrgs(event);
	return { enabled: notificationsEnabled(), ...outboxOverview(getDb(), orgIds) };
};

export const actions: Actions = {
	retry: (event) => {
		const { user, orgIds } = adminOrgs(event);
		return { retried: retryFailed(getDb(), actorOf(user), orgIds) };
	}
};
