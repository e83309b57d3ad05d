import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/roles';
import { progress, STEPS, type StepKey, type StepStatus } from '$lib/domain/method/steps';
import { actorOf, assessmentAccess } from '$lib/server/http/access';
import * as assessments from '$lib/server/assessments';
import * as audit from '$lib/server/audit';
import { isStale } from '$lib/server/versioned';
import { conflictFail } from '$lib/server/http/conflict';
import { FrozenError } from '$lib/server/steps';
import { formFail, formValues, validate } from '$lib/server/http/forms';
import {
	allowedActions,
	transition,
	WORKFLOW_ACTIONS,
	type WorkflowFacts
} from '$lib/domain/workflow';
import type { Role } from '$lib/domain/roles';
import { assessments as assessmentsTable, type Assessment } from '$lib/server/db/schema';
import { applyTransition, WorkflowRefusalError } from '$lib/server/workflow';
import { workflowOverview } from '$lib/server/workflow-checklist';
import { checklistLines } from './checklist-lines.server';
import { cnilReferralOf } from '$lib/server/decision-gate';
import { auditActionLabel, auditSummaryText } from '$lib/server/export/report-audit-labels';
import { todayIso } from '$lib/server/action-plan';
import { reviewState } from '$lib/domain/tasks';
import { reviewStateWith } from '$lib/domain/review';
import { changesSinceDecided, reviewReasons } from '$lib/server/review';
import { importUpdateAction, signalChangeAction } from './review-signal.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { db, assessment, membership } = assessmentAccess(event);
	const statuses = assessments.stepStatuses(db, assessment.id) as Record<StepKey, StepStatus>;
	// One computation of the content hash and opinions for the whole page (it is the costly part).
	const { facts, checklist, extraLabels, content } = workflowOverview(db, assessment);
	const lead = assessment.projectLeadId;
	const reasons = reviewReasons(db, assessment);
	const labels = assessments.userLabels(db, [
		assessment.createdBy,
		assessment.updatedBy,
		...(lead ? [lead] : [])
	]);
	const canEdit =
		can(membership.role, 'assessment.edit') &&
		!assessment.archivedAt &&
		assessment.status !== 'decided';
	return {
		assessment: {
			...assessment,
			orgName: membership.orgName,
			updatedByName: labels[assessment.updatedBy] ?? '',
			projectLeadName: lead ? (labels[lead] ?? null) : null
		},
		role: membership.role,
		canEdit,
		leadOptions: canEdit ? assessments.projectLeadOptions(db, assessment.orgId) : [],
		canArchive: can(membership.role, 'assessment.archive') && !assessment.archivedAt,
		steps: STEPS.map((s) => ({
			key: s.key,
			title: s.title,
			status: statuses[s.key] ?? 'not_started'
		})),
		progress: progress(statuses),
		workflow: workflowOf(assessment, membership.role, facts),
		// The art. 35(11) review set by the decision of the version in use, and whether it is due.
		review: reviewOf(assessment, reasons?.raised ?? false),
		// Changes reported on the decided version, or, under review, what changed since it.
		reviewReasons: reasons,
		canSignal: !!reasons && can(membership.role, 'review.signal'),
		sinceDecided: changesSinceDecided(db, assessment, event.locals.locale, content),
		checklist: checklistLines(assessment.id, checklist, event.locals.locale, extraLabels),
		signoffs: signoffSummary(assessment, facts),
		cnilReferral: cnilReferralOf(db, assessment.id),
		history: audit.entriesFor(db, assessment.id, 20).map((e) => ({
			seq: e.seq,
			at: e.at,
			who: e.actorLabel,
			// In the reader's words, as the record prints them; the code stays for the title.
			action: e.action,
			actionLabel: auditActionLabel(e.action, event.locals.locale),
			summary: auditSummaryText(e.action, e.summary, event.locals.locale)
		}))
	};
};

/** The last two steps are signatures, not content: their badge counts them. */
function signoffSummary(assessment: Pick<Assessment, 'status'>, facts: WorkflowFacts) {
	const all = [
		facts.dpoOpinion,
		facts.securityOpinion,
		facts.dataSubjectsView,
		...facts.requiredExtraOpinions
	];
	return {
		current: all.filter((s) => s === 'current').length,
		required: all.length,
		decided: assessment.status === 'decided'
	};
}

/** The workflow actions this role can take now, each with what still blocks it. */
function workflowOf(
	assessment: Pick<Assessment, 'status' | 'archivedAt'>,
	role: Role,
	facts: WorkflowFacts
) {
	if (assessment.archivedAt) return { actions: [] };
	return {
		actions: allowedActions(assessment.status, role)
			.filter((action) => action !== 'decide')
			.map((action) => {
				const result = transition({ state: assessment.status, action, role, facts });
				return { action, blocker: result.ok ? null : result.reason };
			})
	};
}

const transitionSchema = z.object({
	action: z.enum(WORKFLOW_ACTIONS).exclude(['decide']),
	version: z.coerce.number().int().positive()
});

const metaSchema = z.object({
	projectLeadId: z.string().max(64).optional(),
	title: z.string().trim().min(1).max(200),
	description: z.string().trim().max(5000),
	version: z.coerce.number().int().positive()
});

const versionSchema = z.object({ version: z.coerce.number().int().positive() });

/** What the overview shows of a newer version beside the user's text. */
const shownMeta = (row: Assessment) => ({ title: row.title, description: row.description });

/** Decided or archived meanwhile: nothing is saved, and the page shows what was typed. */
const frozenFail = (form: FormData) => formFail(409, {}, formValues(form), { frozen: true });

export const actions: Actions = {
	signalChange: signalChangeAction,
	importUpdate: importUpdateAction,
	transition: async (event) => {
		const { user, db, assessment, membership } = assessmentAccess(event, 'workflow.transition');
		const form = await event.request.formData();
		const parsed = validate(transitionSchema, form);
		if (!parsed.ok) return parsed.failure;
		try {
			applyTransition(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				membership.role,
				assessment.id,
				parsed.data.action,
				parsed.data.version
			);
		} catch (e) {
			if (e instanceof WorkflowRefusalError) {
				const status = e.reason === 'role_not_allowed' ? 403 : 409;
				return fail(status, { workflowRefused: e.reason, action: parsed.data.action });
			}
			if (isStale(e, assessmentsTable)) {
				return conflictFail(
					db,
					e,
					{},
					{
						shown: shownMeta,
						extra: {
							refused: 'transition' as const,
							workflowRefused: 'stale_version',
							action: parsed.data.action
						}
					}
				);
			}
			throw e;
		}
		redirect(303, `/assessments/${assessment.id}`);
	},
	update: async (event) => {
		const { user, db, assessment, membership } = assessmentAccess(event, 'assessment.edit');
		const form = await event.request.formData();
		const parsed = validate(metaSchema, form);
		if (!parsed.ok) return parsed.failure;
		if (assessment.archivedAt) return frozenFail(form);
		const lead = parsed.data.projectLeadId;
		if (lead && !assessments.projectLeadOptions(db, assessment.orgId).some((o) => o.id === lead))
			return formFail(
				400,
				{ projectLeadId: { code: 'project_lead_not_eligible' } },
				formValues(form),
				{ invalidInput: true as const }
			);
		try {
			const updated = assessments.updateMeta(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				assessment.id,
				parsed.data
			);
			return { saved: updated.version };
		} catch (e) {
			if (e instanceof FrozenError) return frozenFail(form);
			if (isStale(e, assessmentsTable)) {
				return conflictFail(
					db,
					e,
					{ values: formValues(form) },
					{
						shown: shownMeta,
						extra: { refused: 'update' as const }
					}
				);
			}
			throw e;
		}
	},
	archive: async (event) => {
		const { user, db, assessment, membership } = assessmentAccess(event, 'assessment.archive');
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
			if (isStale(e, assessmentsTable)) {
				return conflictFail(
					db,
					e,
					{},
					{ shown: shownMeta, extra: { refused: 'archive' as const } }
				);
			}
			throw e;
		}
		redirect(303, `/assessments/${assessment.id}`);
	}
};

function reviewOf(assessment: Assessment, changed: boolean) {
	const archived = !!assessment.archivedAt;
	if (assessment.status !== 'decided' || archived || !assessment.reviewDate) return null;
	return {
		date: assessment.reviewDate,
		state: reviewStateWith(reviewState({ ...assessment, archived }, todayIso()), changed)
	};
}
