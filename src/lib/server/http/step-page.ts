import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { ContentStepKey } from '$lib/domain/method';
import type { StepContentDef } from '$lib/domain/method/step-defs';
import { EVALUATIONS, isStepKey } from '$lib/domain/method/steps';
import { can, type Capability } from '$lib/domain/roles';
import { userLabels } from '../assessments';
import { fieldErrors, formFail } from './forms';
import { FormShapeError, parseNestedForm } from './nested-form';
import * as steps from '../steps';
import {
	attemptWrite,
	readForm,
	stepContext,
	type StepActionEvent,
	type StepContext,
	type StepEvent
} from './step-context';
import { stepExtrasActions, stepExtrasData } from './step-extras';

/*
 * One definition per method step, one factory. A step route's +page.server.ts is
 *
 *   export const { load, actions } = defineStepPage(risksStep);
 *
 * and the factory gives it: the page data (step, status, rights, comments, attachments),
 * `?/save`, `?/requestReview`, `?/evaluate`, `?/comment`, `?/upload`. A step that needs more
 * adds a hook to its StepDef (docs/dev/step-pages.md); it never overrides an action.
 */

/** An extra action of one step (e.g. the motifs' CSV import): its capability, then its work. */
export interface StepAction<R> {
	capability: Capability;
	run: (ctx: StepContext, form: FormData) => R | Promise<R>;
}

/** The results of a step's extra actions, by name (what their `run` returns). */
type ActionResults = Record<string, unknown>;
type Nothing = Record<never, never>;

/** What the server adds to the method's definition of a step. */
export interface StepDef<
	K extends ContentStepKey,
	S extends z.ZodType,
	L extends object = Nothing,
	R extends ActionResults = Nothing
> extends StepContentDef<K, S> {
	/** More page data, from the same context as the page's (one read of the assessment). */
	load?: (ctx: StepContext, page: StepPage) => L;
	/** More named actions; the factory checks their capability and reads their form once. */
	actions?: { [N in keyof R]: StepAction<R[N]> };
}

/** A StepDef as written, its hooks typed (identity: the types are the point). */
export function defineStep<
	K extends ContentStepKey,
	S extends z.ZodType,
	L extends object = Nothing,
	R extends ActionResults = Nothing
>(def: StepDef<K, S, L, R>): StepDef<K, S, L, R> {
	return def;
}

/** The page data every method step has, what StepShell reads. */
export function stepPage(ctx: StepContext, key: ContentStepKey) {
	const { db, assessment, membership } = ctx;
	const row = steps.getStep(db, assessment.id, key);
	if (!row) error(404, { message: 'not_found' });
	const frozen = steps.isFrozen(assessment);
	const names = userLabels(db, row.updatedBy ? [row.updatedBy] : []);
	return {
		assessment: { id: assessment.id, title: assessment.title, frozen },
		step: {
			key,
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
}
export type StepPage = ReturnType<typeof stepPage>;

export function defineStepPage<
	K extends ContentStepKey,
	S extends z.ZodType,
	L extends object = Nothing,
	R extends ActionResults = Nothing
>(def: StepDef<K, S, L, R>) {
	return {
		load: (event: StepEvent) => {
			const ctx = stepContext(event, 'assessment.read');
			const page = stepPage(ctx, def.key);
			const more = (def.load?.(ctx, page) ?? {}) as L;
			return { ...page, ...stepExtrasData(ctx, def.key), ...more };
		},
		actions: {
			...stepActions(def),
			...stepExtrasActions(def.key),
			...extraActions(def.actions)
		}
	};
}

/** Old links to /steps/<key>: every step now has its own page. Access is checked first. */
export function redirectToStepPage(event: StepEvent & { params: { step: string } }): never {
	const { assessment } = stepContext(event, 'assessment.read');
	const step = event.params.step;
	if (!isStepKey(step)) error(404, { message: 'not_found' });
	redirect(308, `/assessments/${assessment.id}/${step.replace('_', '-')}`);
}

const versionSchema = z.coerce.number().int().positive();
const evaluationSchema = z
	.object({
		status: z.enum(EVALUATIONS),
		evaluationComment: z.string().trim().max(5000),
		actionPlanComment: z.string().trim().max(5000).default(''),
		version: versionSchema
	})
	// CNIL PIA parity: "improvable" is accepted only with the action that will improve it.
	.refine((v) => v.status !== 'improvable' || v.actionPlanComment.length > 0, {
		path: ['actionPlanComment'],
		message: 'action_plan_required'
	});

/** The version the form was loaded at (hidden field): without it, the form is not ours. */
export function formVersion(form: FormData): number {
	const version = versionSchema.safeParse(form.get('version'));
	if (!version.success) error(400, { message: 'bad_form' });
	return version.data;
}

function draftOf(form: FormData): Record<string, unknown> {
	try {
		return parseNestedForm(form);
	} catch (e) {
		if (e instanceof FormShapeError) error(400, { message: 'bad_form' });
		throw e;
	}
}

/** The three actions every method step has: save its content, ask for review, evaluate. */
function stepActions<K extends ContentStepKey, S extends z.ZodType>(def: StepContentDef<K, S>) {
	return {
		save: async (event: StepActionEvent) => {
			const ctx = stepContext(event, 'step.edit');
			const form = await readForm(event);
			const draft = draftOf(form);
			const version = formVersion(form);
			// A decided version is evidence: say so before judging what was typed.
			if (steps.isFrozen(ctx.assessment)) return formFail(409, {}, {}, { draft, frozen: true });
			const filled = def.fill ? def.fill(draft, ctx.locale) : draft;
			const parsed = def.schema.safeParse(filled);
			if (!parsed.success) return formFail(400, fieldErrors(parsed.error.issues), {}, { draft });
			const problems = def.check?.(parsed.data, {
				before: steps.getStep(ctx.db, ctx.assessment.id, def.key)?.data ?? null,
				today: new Date().toISOString().slice(0, 10)
			});
			if (problems?.length) {
				const errors = Object.fromEntries(problems.map((p) => [p.path, { code: p.code }]));
				return formFail(400, errors, {}, { draft });
			}
			const outcome = attemptWrite(ctx.db, () =>
				steps.saveContent(ctx.db, ctx.actor, ctx.assessment, def.key, parsed.data, version)
			);
			if ('conflict' in outcome) {
				return formFail(409, {}, {}, { draft, conflict: outcome.conflict });
			}
			if ('frozen' in outcome) return formFail(409, {}, {}, { draft, frozen: true });
			if ('tooLarge' in outcome)
				return formFail(413, {}, {}, { draft, tooLarge: outcome.tooLarge });
			return { saved: outcome.done.row.version, unchanged: outcome.done.unchanged };
		},
		requestReview: async (event: StepActionEvent) => {
			const ctx = stepContext(event, 'step.request_review');
			const version = formVersion(await readForm(event));
			return statusChange(ctx, 'review', () =>
				steps.requestReview(ctx.db, ctx.actor, ctx.assessment, def.key, version)
			);
		},
		evaluate: async (event: StepActionEvent) => {
			const ctx = stepContext(event, 'step.evaluate');
			const form = await readForm(event);
			const parsed = evaluationSchema.safeParse(Object.fromEntries(form));
			if (!parsed.success) {
				const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
				return formFail(400, fieldErrors(parsed.error.issues), values, { evaluationInvalid: true });
			}
			const { version, ...evaluation } = parsed.data;
			return statusChange(ctx, 'evaluated', () =>
				steps.evaluate(ctx.db, ctx.actor, ctx.assessment, def.key, version, evaluation)
			);
		}
	};
}

function statusChange(ctx: StepContext, done: 'review' | 'evaluated', change: () => steps.StepRow) {
	const outcome = attemptWrite(ctx.db, change);
	if ('conflict' in outcome) return formFail(409, {}, {}, { statusConflict: outcome.conflict });
	if ('frozen' in outcome) return formFail(409, {}, {}, { statusFrozen: true });
	// A status change writes no content: the size caps cannot refuse it.
	if (!('done' in outcome)) throw new Error('unexpected size refusal of a status change');
	return { statusChanged: done, saved: outcome.done.version };
}

type ExtraActions<R extends ActionResults> = {
	[N in keyof R]: (event: StepActionEvent) => Promise<Awaited<R[N]>>;
};

/** A step's own actions: capability checked, form read once, then the step's work. */
function extraActions<R extends ActionResults>(
	actions: { [N in keyof R]: StepAction<R[N]> } | undefined
): ExtraActions<R> {
	const entries: [string, StepAction<unknown>][] = Object.entries(actions ?? {});
	const wrapped = entries.map(([name, action]) => [
		name,
		async (event: StepActionEvent) => {
			const ctx = stepContext(event, action.capability);
			return action.run(ctx, await readForm(event));
		}
	]);
	return Object.fromEntries(wrapped) as ExtraActions<R>;
}
