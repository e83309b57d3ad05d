import { can } from '$lib/domain/roles';
import type { LayoutServerLoad } from './$types';

// Only what the header shows. Authorization lives in each page's own load and actions.
export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user
		? {
				name: locals.user.name,
				isAdmin: locals.user.memberships.some((mb) => mb.role === 'admin'),
				canVerifyAudit: locals.user.memberships.some((mb) => can(mb.role, 'audit.verify'))
				// No task count here: computing the to-do list costs ~0.3 s at 1,000 assessments,
				// too much for every page; /tasks shows the counts.
			}
		: null,
	locale: locals.locale,
	path: url.pathname + url.search
});
