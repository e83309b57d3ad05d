import { eq, sql } from 'drizzle-orm';
import type { Capability, Role } from '$lib/domain/roles';
import { can } from '$lib/domain/roles';
import { assessments, type Assessment } from './db/schema';
import type { Actor } from './audit';
import { prepared } from './db/prepared';
import type { Db } from './db';

/**
 * Who the signed-in user is and what they may do, without HTTP: the refusals (redirect to
 * the login page, 403, 404) are in http/access.ts.
 */

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

export function membershipIn(user: CurrentUser, orgId: string): Membership | undefined {
	return user.memberships.find((m) => m.orgId === orgId);
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
 * The assessment with this id and the user's membership in its organisation, or undefined
 * when it does not exist or belongs to an organisation the user is not in.
 */
/** Every page of an assessment reads it first: built once (db/prepared.ts). */
const assessmentById = prepared((db) =>
	db
		.select()
		.from(assessments)
		.where(eq(assessments.id, sql.placeholder('id')))
		.prepare()
);

export function visibleAssessment(
	db: Db,
	user: CurrentUser,
	id: string
): { assessment: Assessment; membership: Membership } | undefined {
	if (!user.memberships.length) return undefined;
	const assessment = assessmentById(db).get({ id });
	const membership = assessment && membershipIn(user, assessment.orgId);
	return assessment && membership ? { assessment, membership } : undefined;
}
