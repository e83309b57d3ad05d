import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { can, type Capability, type Role } from '$lib/domain/roles';
import { assessments, type Assessment } from './db/schema';
import type { Actor } from './audit';
import type { Db } from './db';

export interface Membership {
	orgId: string;
	orgName: string;
	role: Role;
}

export interface CurrentUser {
	id: string;
	email: string;
	name: string;
	memberships: Membership[];
}

type Event = Pick<RequestEvent, 'locals' | 'url'>;

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

export function membershipIn(user: CurrentUser, orgId: string): Membership | undefined {
	return user.memberships.find((m) => m.orgId === orgId);
}

/** The user holds `capability` in `orgId`; otherwise 403. */
export function requireRole(user: CurrentUser, orgId: string, capability: Capability): Membership {
	const membership = membershipIn(user, orgId);
	if (!membership || !can(membership.role, capability)) error(403, { message: 'forbidden' });
	return membership;
}

/** Organisations where the user holds `capability`. */
export function orgsWhere(user: CurrentUser, capability: Capability): Membership[] {
	return user.memberships.filter((m) => can(m.role, capability));
}

export function actorOf(user: CurrentUser, membership?: Membership): Actor {
	return {
		userId: user.id,
		label: user.email,
		role: membership?.role ?? null,
		orgId: membership?.orgId ?? null
	};
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
	const orgIds = user.memberships.map((m) => m.orgId);
	const assessment = orgIds.length
		? db
				.select()
				.from(assessments)
				.where(and(eq(assessments.id, id)))
				.get()
		: undefined;
	if (!assessment || !orgIds.includes(assessment.orgId)) error(404, { message: 'not_found' });
	const membership = requireRole(user, assessment.orgId, 'assessment.read');
	if (!can(membership.role, capability)) error(403, { message: 'forbidden' });
	return { assessment, membership };
}
