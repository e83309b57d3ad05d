import { can } from '$lib/domain/roles';
import { getDb } from '$lib/server/db';
import { tasksOfRequest } from '$lib/server/tasks';
import type { LayoutServerLoad } from './$types';

// Only what the header shows. Authorization lives in each page's own load and actions.
export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user
		? {
				name: locals.user.name,
				isAdmin: locals.user.memberships.some((mb) => mb.role === 'admin'),
				canVerifyAudit: locals.user.memberships.some((mb) => can(mb.role, 'audit.verify')),
				// The user's own tasks only (their memberships), so the count discloses nothing.
				taskCount: tasksOfRequest(getDb(), locals.user).length
			}
		: null,
	locale: locals.locale,
	path: url.pathname + url.search
});
