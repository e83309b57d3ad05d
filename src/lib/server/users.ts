import { eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import { memberships, organisations, users, type User } from './db/schema';
import { mutate, type Actor } from './audit';
import { hashPassword } from './auth/password';
import { invalidateOtherSessions, invalidateUserSessions } from './auth/session';
import { newId } from './ids';
import { updateVersioned } from './versioned';
import type { CurrentUser } from './access';
import { prepared } from './db/prepared';
import type { Db } from './db';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function findByEmail(db: Db, email: string): User | undefined {
	return db
		.select()
		.from(users)
		.where(eq(users.email, normaliseEmail(email)))
		.get();
}

/** Read on every signed-in request: built once (db/prepared.ts). */
const membershipsOf = prepared((db) =>
	db
		.select({ orgId: memberships.orgId, orgName: organisations.name, role: memberships.role })
		.from(memberships)
		.innerJoin(organisations, eq(memberships.orgId, organisations.id))
		.where(eq(memberships.userId, sql.placeholder('userId')))
		.orderBy(organisations.name)
		.prepare()
);

export function currentUser(db: Db, user: Pick<User, 'id' | 'email' | 'name'>): CurrentUser {
	const rows = membershipsOf(db).all({ userId: user.id });
	return { id: user.id, email: user.email, name: user.name, memberships: rows };
}

export interface NewMember {
	email: string;
	name: string;
	password: string;
	role: Role;
	orgId: string;
}

/** The address already belongs to a member of that same organisation. */
export class EmailTakenError extends Error {}

/**
 * Creates the account and its membership in one audited transaction. An address that
 * already has an account elsewhere (a colleague working in two hospitals of a group) is
 * added to this organisation with the role chosen, keeping its own name and password:
 * the admin sees the same outcome as for a new account, so the form does not tell which
 * addresses are registered in other organisations. Only an address already in this
 * organisation is refused, as the admin's own member list shows it anyway.
 */
export async function createMember(db: Db, actor: Actor, input: NewMember): Promise<User> {
	const passwordHash = await hashPassword(input.password);
	const email = normaliseEmail(input.email);
	return mutate(db, actor, (tx) => {
		const existing = findByEmail(tx, email);
		if (existing) return addMembership(tx, existing, input);
		const user = tx
			.insert(users)
			.values({ id: newId(), email, name: input.name.trim(), passwordHash })
			.returning()
			.get();
		tx.insert(memberships)
			.values({ id: newId(), userId: user.id, orgId: input.orgId, role: input.role })
			.run();
		return {
			result: user,
			event: {
				action: 'user.create',
				entity: 'user',
				entityId: user.id,
				orgId: input.orgId,
				summary: `${email} created with role ${input.role}`,
				state: { email, name: user.name, role: input.role, orgId: input.orgId }
			}
		};
	});
}

function addMembership(tx: Db, user: User, input: NewMember) {
	if (orgIdsOf(tx, user.id).includes(input.orgId)) throw new EmailTakenError(user.email);
	tx.insert(memberships)
		.values({ id: newId(), userId: user.id, orgId: input.orgId, role: input.role })
		.run();
	return {
		result: user,
		event: {
			action: 'user.membership_add',
			entity: 'user',
			entityId: user.id,
			orgId: input.orgId,
			summary: `existing account ${user.email} added with role ${input.role}`,
			state: { email: user.email, role: input.role, orgId: input.orgId }
		}
	};
}

export function membersOf(db: Db, orgIds: string[]) {
	if (!orgIds.length) return [];
	return db
		.select({
			userId: users.id,
			email: users.email,
			name: users.name,
			disabledAt: users.disabledAt,
			totpEnabledAt: users.totpEnabledAt,
			orgId: memberships.orgId,
			orgName: organisations.name,
			role: memberships.role,
			membershipVersion: memberships.version
		})
		.from(memberships)
		.innerJoin(users, eq(memberships.userId, users.id))
		.innerJoin(organisations, eq(memberships.orgId, organisations.id))
		.where(inArray(memberships.orgId, orgIds))
		.orderBy(organisations.name, users.email)
		.all();
}

/** Orgs a user belongs to: an admin may manage an account only if it lives entirely in orgs they administer. */
export function orgIdsOf(db: Db, userId: string): string[] {
	return db
		.select({ orgId: memberships.orgId })
		.from(memberships)
		.where(eq(memberships.userId, userId))
		.all()
		.map((r) => r.orgId);
}

export function setRole(
	db: Db,
	actor: Actor,
	userId: string,
	orgId: string,
	role: Role,
	version: number
) {
	return updateVersioned(db, actor, {
		table: memberships,
		where: [eq(memberships.userId, userId), eq(memberships.orgId, orgId)],
		version,
		set: () => ({ role }),
		event: (updated, before) => ({
			action: 'user.role_change',
			entity: 'membership',
			entityId: updated.id,
			orgId,
			version: updated.version,
			summary: `role ${before.role} -> ${role}`,
			state: { userId, orgId, role }
		})
	});
}

export async function setPassword(
	db: Db,
	actor: Actor,
	userId: string,
	password: string,
	orgId: string | null,
	/** The user's own change: this session stays, every other one ends. */
	keepSessionId?: string
) {
	const passwordHash = await hashPassword(password);
	mutate(db, actor, (tx) => {
		const user = tx
			.update(users)
			.set({ passwordHash })
			.where(eq(users.id, userId))
			.returning({ version: users.version })
			.get();
		// Lucia design: a new password signs every (other) device out.
		if (keepSessionId) invalidateOtherSessions(tx, userId, keepSessionId);
		else invalidateUserSessions(tx, userId);
		return {
			result: undefined,
			event: {
				action: actor.userId === userId ? 'user.password_change' : 'user.password_reset',
				entity: 'user',
				entityId: userId,
				orgId,
				version: user?.version ?? null,
				summary: keepSessionId
					? 'password set; other sessions ended'
					: 'password set; all sessions ended'
			}
		};
	});
}

export function setDisabled(
	db: Db,
	actor: Actor,
	userId: string,
	disabled: boolean,
	orgId: string
) {
	mutate(db, actor, (tx) => {
		tx.update(users)
			.set({ disabledAt: disabled ? new Date().toISOString() : null })
			.where(eq(users.id, userId))
			.run();
		if (disabled) invalidateUserSessions(tx, userId);
		return {
			result: undefined,
			event: {
				action: disabled ? 'user.disable' : 'user.enable',
				entity: 'user',
				entityId: userId,
				orgId,
				summary: disabled ? 'account disabled; sessions ended' : 'account enabled'
			}
		};
	});
}

export function createOrganisation(db: Db, actor: Actor, name: string, adminUserId: string | null) {
	return mutate(db, actor, (tx) => {
		const org = tx
			.insert(organisations)
			.values({ id: newId(), name: name.trim() })
			.returning()
			.get();
		// Whoever creates an organisation administers it, so it is never orphaned.
		if (adminUserId) {
			tx.insert(memberships)
				.values({ id: newId(), userId: adminUserId, orgId: org.id, role: 'admin' })
				.run();
		}
		return {
			result: org,
			event: {
				action: 'organisation.create',
				entity: 'organisation',
				entityId: org.id,
				orgId: org.id,
				summary: `organisation ${org.name} created`,
				state: { name: org.name }
			}
		};
	});
}
