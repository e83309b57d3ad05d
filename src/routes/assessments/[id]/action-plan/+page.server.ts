import { filterByOwner, ownersOf } from '$lib/domain/action-plan';
import { can } from '$lib/domain/roles';
import { assessmentAccess } from '$lib/server/http/access';
import { actionPlanOf, todayIso } from '$lib/server/action-plan';
import type { PageServerLoad } from './$types';

/** Read-only: the actions are edited in the steps they come from. */
export const load: PageServerLoad = (event) => {
	const { db, assessment, membership } = assessmentAccess(event, 'assessment.read');
	const today = todayIso();
	const all = actionPlanOf(db, assessment.id, today);
	const owners = ownersOf(all);
	// An owner not in the plan (an old link, a typo) shows nothing rather than everything.
	const owner = (event.url.searchParams.get('owner') ?? '').trim().slice(0, 200);
	const items = filterByOwner(all, owner);
	return {
		assessment: { id: assessment.id, title: assessment.title },
		today,
		owner,
		owners,
		total: all.length,
		items,
		overdue: items.filter((item) => item.overdue).length,
		canExport: can(membership.role, 'assessment.export')
	};
};
