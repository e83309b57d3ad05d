import { error, isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { Capability } from '$lib/domain/roles';
import { ContentTooLargeError, type SizeProblem } from '$lib/domain/method/size-caps';
import { actorOf, assessmentAccess, type Membership } from './access';
import type { Actor } from '../audit';
import { userLabels } from '../assessments';
import type { Db } from '../db';
import type { Assessment } from '../db/schema';
import * as steps from '../steps';
import { assessmentSteps } from '../db/schema';
import { isStale } from '../versioned';

export type StepEvent = Pick<RequestEvent, 'locals' | 'url'> & { params: { id?: string } };
export type StepActionEvent = StepEvent & { request: Request };

/** Who acts on which assessment: read once per load or action, then handed to every hook. */
export interface StepContext {
	db: Db;
	assessment: Assessment;
	membership: Membership;
	actor: Actor & { userId: string };
	locale: 'fr' | 'en';
}

/**
 * Signed in, the assessment visible to the user, and `capability` held in its organisation
 * (404 for another organisation's assessment, 403 for a role without the capability).
 * Every load and every action calls this first: a layout load would not re-run on every
 * request, so access is never checked only there.
 */
export function stepContext(event: StepEvent, capability: Capability): StepContext {
	const { user, db, assessment, membership } = assessmentAccess(event, capability);
	const actor = { ...actorOf(user, membership), userId: user.id };
	return { db, assessment, membership, actor, locale: event.locals.locale };
}

/** The request's form, read once. */
export async function readForm(event: StepActionEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch (e) {
		// Over the server's body limit: the adapter's own 413, shown by the error page.
		if (isHttpError(e)) throw e;
		error(400, { message: 'bad_form' });
	}
}

/** Someone else saved the step since the page was loaded: their version, name and time. */
export interface StepConflict {
	version: number;
	who: string;
	updatedAt: string;
}

export type WriteOutcome<T> =
	{ done: T } | { conflict: StepConflict } | { frozen: true } | { tooLarge: SizeProblem };

/**
 * Runs a versioned write of a step and turns the expected refusals into values: a stale
 * version (someone saved in between), a frozen assessment (decided or archived since) and
 * content over the size caps.
 * The only place of the step pages that knows the stale-version error.
 */
export function attemptWrite<T>(db: Db, write: () => T): WriteOutcome<T> {
	try {
		return { done: write() };
	} catch (e) {
		if (isStale(e, assessmentSteps)) {
			const row = e.current;
			if (!row) error(404, { message: 'not_found' });
			const who = row.updatedBy ? (userLabels(db, [row.updatedBy])[row.updatedBy] ?? '') : '';
			return { conflict: { version: row.version, who, updatedAt: row.updatedAt } };
		}
		if (e instanceof steps.FrozenError) return { frozen: true };
		if (e instanceof ContentTooLargeError) return { tooLarge: e.problem };
		throw e;
	}
}
