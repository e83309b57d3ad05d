import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { orgsWhere, requireUser } from '$lib/server/http/access';
import * as assessments from '$lib/server/assessments';
import type { PageServerLoad } from './$types';

const filterSchema = z.object({
	status: z
		.enum([...ASSESSMENT_STATUSES, 'archived'])
		.optional()
		.catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined)
});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const orgIds = user.memberships.map((mb) => mb.orgId);
	const rows = assessments.list(getDb(), {
		orgIds,
		status: filter.status,
		q: filter.q || undefined
	});
	const orgNames = Object.fromEntries(user.memberships.map((mb) => [mb.orgId, mb.orgName]));
	return {
		filter: { status: filter.status ?? '', q: filter.q ?? '' },
		statuses: [...ASSESSMENT_STATUSES, 'archived'] as const,
		canCreate: orgsWhere(user, 'assessment.create').length > 0,
		multiOrg: orgIds.length > 1,
		assessments: rows.map((a) => ({
			id: a.id,
			title: a.title,
			org: orgNames[a.orgId] ?? '',
			status: a.archivedAt ? 'archived' : a.status,
			updatedAt: a.updatedAt,
			version: a.version
		}))
	};
};
