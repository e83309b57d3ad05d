import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, type Capability } from '$lib/domain/roles';
import {
	actorOf,
	membershipIn,
	orgsWhere,
	visibleAssessment,
	type CurrentUser,
	type Membership
} from '../access';
import type { Assessment } from '../db/schema';
import { getDb, type Db } from '../db';

// What every load and action needs beside its checks, from the one module routes import.
export { actorOf, membershipIn, orgsWhere, type CurrentUser, type Membership } from '../access';

type Event = Pick<RequestEvent, 'locals' | 'url'>;
/** A load or action under /assessments/[id]. */
export type AccessEvent = Event & { params: { id?: string } };

/** Signed in, or sent to the login page with a way back. */
export function requireUser(event: Event): CurrentUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		const expired = event.locals.sessionExpired ? '&expired' : '';
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}${expired}`);
	}
	return user;
}

/** The user holds `capability` in `orgId`; otherwise 403. */
export function requireRole(user: CurrentUser, orgId: string, capability: Capability): Membership {
	const membership = membershipIn(user, orgId);
	if (!membership || !can(membership.role, capability)) error(403, { message: 'forbidden' });
	return membership;
}

/**
 * Loads an assessment the user may see. Another organisation's assessment answers
 * 404, like an unknown id: its existence is not disclosed.
 */
export function requireAssessment(
	db: Db,
	user: CurrentUser,
	id: string,
	capability: Capability = 'assessment.read'
): { assessment: Assessment; membership: Membership } {
	const found = visibleAssessment(db, user, id);
	if (!found) error(404, { message: 'not_found' });
	const membership = requireRole(user, found.assessment.orgId, 'assessment.read');
	if (!can(membership.role, capability)) error(403, { message: 'forbidden' });
	return { assessment: found.assessment, membership };
}

/**
 * What every load and action under /assessments/[id] starts with: the signed-in user, the
 * database, and the assessment with the user's membership, checked for `capability`.
 */
export function assessmentAccess(event: AccessEvent, capability: Capability = 'assessment.read') {
	const user = requireUser(event);
	const db = getDb();
	return { user, db, ...requireAssessment(db, user, event.params.id ?? '', capability) };
}

/**
 * The audit trail's integrity check (/audit, same verifier as `npm run audit:verify`) is
 * for the DPO and the auditor of at least one organisation; the actor is the first.
 */
export function requireVerifier(event: Event) {
	const user = requireUser(event);
	const orgs = orgsWhere(user, 'audit.verify');
	if (!orgs.length) error(403, { message: 'forbidden' });
	return { user, actor: actorOf(user, orgs[0]!) };
}
