import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { actorOf, orgsWhere, requireRole, requireUser } from '$lib/server/http/access';
import * as assessments from '$lib/server/assessments';
import { validate } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const schema = z
	.object({
		orgId: z.string().min(1).max(64),
		template: z.enum(['booking', 'blank']),
		title: z.string().trim().max(200),
		description: z.string().trim().max(5000).default('')
	})
	.refine((v) => v.template !== 'blank' || v.title.length > 0, {
		path: ['title'],
		message: 'title_required_blank'
	});

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const orgs = orgsWhere(user, 'assessment.create');
	if (!orgs.length) error(403, { message: 'forbidden' });
	return { orgs: orgs.map((o) => ({ id: o.orgId, name: o.orgName })) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = validate(schema, form);
		if (!parsed.ok) return parsed.failure;
		const input = parsed.data;
		const membership = requireRole(user, input.orgId, 'assessment.create');
		const created = assessments.create(
			getDb(),
			{ ...actorOf(user, membership), userId: user.id },
			{
				orgId: input.orgId,
				title: input.title,
				description: input.description,
				template: input.template === 'blank' ? null : input.template
			},
			event.locals.locale
		);
		redirect(303, `/assessments/${created.id}`);
	}
};
