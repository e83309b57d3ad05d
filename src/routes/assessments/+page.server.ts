import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { orgsWhere, requireUser } from '$lib/server/http/access';
import { leadChoices, listPage } from '$lib/server/assessment-list';
import { todayIso } from '$lib/server/action-plan';
import { reviewState } from '$lib/domain/tasks';
import { reviewStateWith } from '$lib/domain/review';
import type { PageServerLoad } from './$types';

// A malformed filter in a shared link is ignored, never an error page; the two that a
// user chooses (owner, review date) say so, the others were not typed by anyone.
const filterSchema = z.object({
	status: z
		.enum([...ASSESSMENT_STATUSES, 'archived'])
		.optional()
		.catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined),
	mine: z.literal('1').optional().catch(undefined),
	// Checked below (a lead of these organisations, a real day), so that a bad value is named.
	lead: z.string().trim().optional().catch(undefined),
	review: z.string().trim().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1)
});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const filter = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const orgIds = user.memberships.map((mb) => mb.orgId);
	const db = getDb();
	const leads = leadChoices(db, orgIds);
	// Only someone who leads an analysis here: any other id (another organisation's member,
	// a made-up one) is named as ignored rather than answered with an empty list.
	const lead = filter.lead ? leads.find((l) => l.id === filter.lead)?.id : undefined;
	const review = filter.review ? z.iso.date().safeParse(filter.review).data : undefined;
	const ignored = {
		lead: !!filter.lead && !lead,
		review: !!filter.review && !review
	};
	const result = listPage(db, {
		orgIds,
		status: filter.status,
		q: filter.q || undefined,
		createdBy: filter.mine ? user.id : undefined,
		projectLeadId: lead,
		reviewBy: review,
		page: filter.page
	});
	const today = todayIso();
	const orgNames = Object.fromEntries(user.memberships.map((mb) => [mb.orgId, mb.orgName]));
	return {
		filter: {
			status: filter.status ?? '',
			q: filter.q ?? '',
			mine: !!filter.mine,
			lead: lead ?? '',
			review: review ?? ''
		},
		ignored,
		leads,
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
			lead: a.lead ?? '',
			reviewDate: a.reviewDate ?? '',
			// A date overdue shows first, then a reported change, then a date close (as the overview).
			reviewState: reviewStateWith(
				reviewState({ ...a, reviewDate: a.reviewDate ?? null }, today),
				a.changed
			),
			versionNumber: a.versionNumber
		}))
	};
};
