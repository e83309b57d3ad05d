import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/domain/roles';
import type { StepKey } from '$lib/domain/method/steps';
import { getDb } from './db';
import { actorOf, requireAssessment, requireUser } from './http/access';
import { fieldErrors, formFail } from './http/forms';
import { FormShapeError, parseNestedForm } from './http/nested-form';
import * as steps from './steps';
import { StaleVersionError } from './versioned';
import { conflictFail, conflictOf } from './http/conflict';
import { userLabels } from './assessments';

type Event = Pick<RequestEvent, 'locals' | 'url'> & { params: { id?: string } };
type ActionEvent = Event & { request: Request };

function context(event: Event, capability: Parameters<typeof requireAssessment>[3]) {
	const user = requireUser(event);
	const db = getDb();
	const { assessment, membership } = requireAssessment(db, user, event.params.id ?? '', capability);
	return {
		user,
		db,
		assessment,
		membership,
		actor: { ...actorOf(user, membership), userId: user.id }
	};
}

/** Everything a method-step page shows besides its own form. */
export function stepLoad(step: StepKey) {
	return (event: Event) => {
		const { db, assessment, membership } = context(event, 'assessment.read');
		const row = steps.getStep(db, assessment.id, step);
		if (!row) error(404, { message: 'not_found' });
		const frozen = steps.isFrozen(assessment);
		const names = userLabels(db, row.updatedBy ? [row.updatedBy] : []);
		return {
			assessment: { id: assessment.id, title: assessment.title, frozen },
			step: {
				key: step,
				data: row.data,
				status: row.status,
				version: row.version,
				evaluationComment: row.evaluationComment ?? '',
				actionPlanComment: row.actionPlanComment ?? '',
				updatedAt: row.updatedAt,
				updatedBy: row.updatedBy ? (names[row.updatedBy] ?? '') : ''
			},
			role: membership.role,
			can: {
				edit: !frozen && can(membership.role, 'step.edit'),
				requestReview: !frozen && can(membership.role, 'step.request_review'),
				evaluate: !frozen && can(membership.role, 'step.evaluate')
			}
		};
	};
}

const versionSchema = z.coerce.number().int().positive();
const evaluationSchema = z
	.object({
		status: z.enum(['to_correct', 'improvable', 'acceptable']),
		evaluationComment: z.string().trim().max(5000),
		actionPlanComment: z.string().trim().max(5000).default(''),
		version: versionSchema
	})
	// CNIL PIA parity: "improvable" is accepted only with the action that will improve it.
	.refine((v) => v.status !== 'improvable' || v.actionPlanComment.length > 0, {
		path: ['actionPlanComment'],
		message: 'action_plan_required'
	});

/** The three actions every method step has: save its content, ask for review, evaluate. */
export function stepActions<S extends z.ZodType>(step: StepKey, schema: S) {
	return {
		save: async (event: ActionEvent) => {
			const { db, assessment, actor } = context(event, 'step.edit');
			const form = await event.request.formData();
			let draft: Record<string, unknown>;
			try {
				draft = parseNestedForm(form);
			} catch (e) {
				if (e instanceof FormShapeError) error(400, { message: 'bad_form' });
				throw e;
			}
			const version = versionSchema.safeParse(form.get('version'));
			if (!version.success) error(400, { message: 'bad_form' });
			// A decided version is evidence: say so before judging what was typed.
			if (steps.isFrozen(assessment)) return formFail(409, {}, {}, { draft, frozen: true });
			const parsed = schema.safeParse(draft);
			if (!parsed.success) return formFail(400, fieldErrors(parsed.error.issues), {}, { draft });
			try {
				const { row, unchanged } = steps.saveContent(
					db,
					actor,
					assessment,
					step,
					parsed.data,
					version.data
				);
				return { saved: row.version, unchanged };
			} catch (e) {
				if (e instanceof StaleVersionError) {
					return conflictFail(db, e, { draft });
				}
				if (e instanceof steps.FrozenError) return formFail(409, {}, {}, { draft, frozen: true });
				throw e;
			}
		},
		requestReview: async (event: ActionEvent) => {
			const { db, assessment, actor } = context(event, 'step.request_review');
			const version = versionSchema.safeParse((await event.request.formData()).get('version'));
			if (!version.success) error(400, { message: 'bad_form' });
			return runStatusChange(
				db,
				() => steps.requestReview(db, actor, assessment, step, version.data),
				'review'
			);
		},
		evaluate: async (event: ActionEvent) => {
			const { db, assessment, actor } = context(event, 'step.evaluate');
			const form = await event.request.formData();
			const parsed = evaluationSchema.safeParse(Object.fromEntries(form));
			if (!parsed.success) {
				const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
				return formFail(400, fieldErrors(parsed.error.issues), values, { evaluationInvalid: true });
			}
			const { version, ...evaluation } = parsed.data;
			return runStatusChange(
				db,
				() => steps.evaluate(db, actor, assessment, step, version, evaluation),
				'evaluated'
			);
		}
	};
}

function runStatusChange(
	db: ReturnType<typeof getDb>,
	change: () => steps.StepRow,
	done: 'review' | 'evaluated'
) {
	try {
		const row = change();
		return { statusChanged: done, saved: row.version };
	} catch (e) {
		if (e instanceof StaleVersionError)
			return formFail(409, {}, {}, { statusConflict: conflictOf(db, e.current) });
		if (e instanceof steps.FrozenError) return formFail(409, {}, {}, { statusFrozen: true });
		throw e;
	}
}
