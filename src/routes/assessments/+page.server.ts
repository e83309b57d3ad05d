import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { orgsWhere, requireUser } from '$lib/server/http/access';
import { listPage } from '$lib/server/assessment-list';
import type { PageServerLoad } from './$types';

// A malformed filter in a shared link is ignored, never an error page.
const filterSchema = z.object({
	status: z
		.enum([...ASSESSMENT_STATUSES, 'archived'])
		.optional()
		.catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined),
	mine: z.literal('1').optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1)
});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const orgIds = user.memberships.map((mb) => mb.orgId);
	const result = listPage(getDb(), {
		orgIds,
		status: filter.status,
		q: filter.q || undefined,
		createdBy: filter.mine ? user.id : undefined,
		page: filter.page
	});
	const orgNames = Object.fromEntries(user.memberships.map((mb) => [mb.orgId, mb.orgName]));
	return {
		filter: { status: filter.status ?? '', q: filter.q ?? '', mine: !!filter.mine },
		statuses: [...ASSESSMENT_STATUSES, 'archived'] as const,
		canCreate: orgsWhere(user, 'assessment.create').length > 0,
		multiOrg: orgIds.length > 1,
		total: result.total,
		page: result.page,
		pages: result.pages,
		assessments: result.rows.map((a) => ({
			id: a.id,
			title: a.title,
			org: orgNames[a.orgId] ?? '',
			status: a.archived ? 'archived' : a.status,
			updatedAt: a.updatedAt,
			author: a.author,
			versionNumber: a.versionNumber
		}))
	};
};
