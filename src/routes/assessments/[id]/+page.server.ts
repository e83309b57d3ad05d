import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/roles';
import { progress, STEPS, type StepKey, type StepStatus } from '$lib/domain/method/steps';
import { getDb } from '$lib/server/db';
import { actorOf, requireAssessment, requireUser } from '$lib/server/access';
import * as assessments from '$lib/server/assessments';
import * as audit from '$lib/server/audit';
import { StaleVersionError } from '$lib/server/users';
import { formFail, formValues, validate } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { assessment, membership } = requireAssessment(db, user, event.params.id);
	const statuses = assessments.stepStatuses(db, assessment.id) as Record<StepKey, StepStatus>;
	const labels = assessments.userLabels(db, [assessment.createdBy, assessment.updatedBy]);
	return {
		assessment: {
			...assessment,
			orgName: membership.orgName,
			updatedByName: labels[assessment.updatedBy] ?? ''
		},
		role: membership.role,
		canEdit: can(membership.role, 'assessment.edit') && !assessment.archivedAt,
		canArchive: can(membership.role, 'assessment.archive') && !assessment.archivedAt,
		steps: STEPS.map((s) => ({
			key: s.key,
			title: s.title,
			status: statuses[s.key] ?? 'not_started'
		})),
		progress: progress(statuses),
		history: audit.entriesFor(db, assessment.id, 20).map((e) => ({
			seq: e.seq,
			at: e.at,
			who: e.actorLabel,
			action: e.action,
			summary: e.summary
		}))
	};
};

const metaSchema = z.object({
	title: z.string().trim().min(1).max(200),
	description: z.string().trim().max(5000),
	version: z.coerce.number().int().positive()
});

const versionSchema = z.object({ version: z.coerce.number().int().positive() });

function conflict(current: unknown, data: FormData, db = getDb()) {
	const row = current as {
		version: number;
		updatedBy: string;
		title: string;
		description: string;
	} | null;
	if (!row) error(404, { message: 'not_found' });
	const who = assessments.userLabels(db, [row.updatedBy])[row.updatedBy] ?? '';
	return formFail(409, {}, formValues(data), {
		conflict: { version: row.version, who, title: row.title, description: row.description }
	});
}

export const actions: Actions = {
	update: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const { assessment, membership } = requireAssessment(
			db,
			user,
			event.params.id,
			'assessment.edit'
		);
		const form = await event.request.formData();
		const parsed = validate(metaSchema, form);
		if (!parsed.ok) return parsed.failure;
		if (assessment.archivedAt) error(409, { message: 'archived' });
		try {
			const updated = assessments.updateMeta(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				assessment.id,
				parsed.data
			);
			return { saved: updated.version };
		} catch (e) {
			if (e instanceof StaleVersionError) return conflict(e.current, form);
			throw e;
		}
	},
	archive: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const { assessment, membership } = requireAssessment(
			db,
			user,
			event.params.id,
			'assessment.archive'
		);
		const form = await event.request.formData();
		const parsed = validate(versionSchema, form);
		if (!parsed.ok) return parsed.failure;
		try {
			assessments.archive(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				assessment.id,
				parsed.data.version
			);
		} catch (e) {
			if (e instanceof StaleVersionError) return conflict(e.current, form);
			throw e;
		}
		redirect(303, `/assessments/${assessment.id}`);
	}
};
