import { and, eq } from 'drizzle-orm';
import { profileFromClaims, roleFromClaims, type OidcProviderConfig } from '$lib/domain/oidc';
import type { Role } from '$lib/domain/roles';
import { append, type Actor } from '../audit';
import { writeTransaction, type Db } from '../db';
import { memberships, users } from '../db/schema';
import { oidcIdentities } from '../db/schema-oidc';
import { newId } from '../ids';
import { findByEmail } from '../users';
import { createSession } from './session';
import { OidcRefused } from './oidc';

/** Never a valid argon2 hash: an account created by the directory has no password here. */
export const NO_PASSWORD = '!directory';

export type DirectorySignIn =
	| { ok: true; userId: string; token: string; expiresAt: number; created: boolean }
	| { ok: false; refusal: OidcRefused };

/**
 * The account a directory sign-in opens, kept in step with the directory's claims. In one
 * transaction, each change audited: the account created at the first sign-in (name, e-mail,
 * mapped role), or an existing account of the same organisation and e-mail linked to the
 * directory identity; later, name, e-mail and role updated; a role no longer given by the
 * groups removed (the membership goes, and the sign-in is refused). Nothing is created
 * for a refused sign-in.
 */
export function signInFromDirectory(
	db: Db,
	p: OidcProviderConfig,
	claims: Record<string, unknown>
): DirectorySignIn {
	const sub = typeof claims.sub === 'string' ? claims.sub : '';
	const profile = profileFromClaims(claims);
	const who = profile.ok ? profile.email : sub.slice(0, 100) || 'oidc';
	const refused = (reason: OidcRefused['reason']) =>
		writeTransaction(db, (tx) => refusedIn(tx, reason, who, p));
	if (!sub || sub.length > 255) return refused('missing_claims');
	if (!profile.ok)
		return refused(profile.reason === 'missing_claims' ? 'missing_claims' : 'email_unverified');
	const role = roleFromClaims(claims, p);
	return writeTransaction(db, (tx) => {
		const identity = tx
			.select()
			.from(oidcIdentities)
			.where(and(eq(oidcIdentities.issuer, p.issuer), eq(oidcIdentities.subject, sub)))
			.get();
		let user = identity
			? tx.select().from(users).where(eq(users.id, identity.userId)).get()
			: undefined;
		const actor = (u: { id: string; email: string } | undefined): Actor => ({
			userId: u?.id ?? null,
			label: u?.email ?? profile.email,
			role: null,
			orgId: p.orgId
		});
		let created = false;
		if (!user) {
			const existing = findByEmail(tx, profile.email);
			if (existing) {
				// Linking by e-mail only within the organisation this directory serves (an admin
				// created the account before the switch to SSO), and only once per issuer.
				const member = membershipOf(tx, existing.id, p.orgId);
				const linked = tx
					.select({ id: oidcIdentities.id })
					.from(oidcIdentities)
					.where(and(eq(oidcIdentities.userId, existing.id), eq(oidcIdentities.issuer, p.issuer)))
					.get();
				if (!member || linked) return refusedIn(tx, 'account_conflict', profile.email, p);
				user = existing;
			} else {
				if (!role) return refusedIn(tx, 'no_role', profile.email, p);
				user = tx
					.insert(users)
					.values({
						id: newId(),
						email: profile.email,
						name: profile.name,
						passwordHash: NO_PASSWORD
					})
					.returning()
					.get();
				created = true;
				append(tx, actor(user), {
					action: 'auth.oidc_account_created',
					entity: 'user',
					entityId: user.id,
					orgId: p.orgId,
					summary: `account ${profile.email} created by directory ${p.id}`,
					state: { email: profile.email, name: profile.name }
				});
			}
			tx.insert(oidcIdentities)
				.values({ id: newId(), userId: user.id, provider: p.id, issuer: p.issuer, subject: sub })
				.run();
			if (!created)
				append(tx, actor(user), {
					action: 'auth.oidc_linked',
					entity: 'user',
					entityId: user.id,
					orgId: p.orgId,
					summary: `existing account ${user.email} linked to directory ${p.id}`
				});
		} else {
			tx.update(oidcIdentities)
				.set({ lastLoginAt: new Date().toISOString() })
				.where(eq(oidcIdentities.id, identity!.id))
				.run();
		}
		if (user.disabledAt) return refusedIn(tx, 'disabled', user.email, p);
		const profileRefusal = updateProfile(tx, actor(user), user, profile, p);
		if (profileRefusal) return profileRefusal;
		syncRole(tx, actor(user), user.id, role, p);
		if (!role) return refusedIn(tx, 'no_role', user.email, p);
		const { token, session } = createSession(tx, user.id, Date.now, {
			twoFactorVerified: true,
			oidcProvider: p.id
		});
		append(tx, actor(user), {
			action: 'auth.login_success',
			entity: 'user',
			entityId: user.id,
			summary: `signed in through directory ${p.id}`
		});
		return { ok: true, userId: user.id, token, expiresAt: session.expiresAt, created };
	});
}

/** A refusal decided inside the transaction: what was already changed (a role removed) stays. */
function refusedIn(tx: Db, reason: OidcRefused['reason'], email: string, p: OidcProviderConfig) {
	const refusal = new OidcRefused(reason, `${email} (directory ${p.id})`);
	append(
		tx,
		{ userId: null, label: email, role: null, orgId: p.orgId },
		{
			action: 'auth.oidc_refused',
			entity: 'oidc_provider',
			entityId: p.id,
			summary: `${reason}: ${refusal.detail}`
		}
	);
	return { ok: false as const, refusal };
}

function membershipOf(tx: Db, userId: string, orgId: string) {
	return tx
		.select()
		.from(memberships)
		.where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)))
		.get();
}

function updateProfile(
	tx: Db,
	actor: Actor,
	user: { id: string; email: string; name: string },
	profile: { email: string; name: string },
	p: OidcProviderConfig
) {
	if (user.email === profile.email && user.name === profile.name) return null;
	if (user.email !== profile.email && findByEmail(tx, profile.email))
		return refusedIn(tx, 'account_conflict', profile.email, p);
	tx.update(users)
		.set({ email: profile.email, name: profile.name })
		.where(eq(users.id, user.id))
		.run();
	append(tx, actor, {
		action: 'user.profile_from_directory',
		entity: 'user',
		entityId: user.id,
		orgId: p.orgId,
		summary: [
			user.email !== profile.email ? `e-mail ${user.email} -> ${profile.email}` : '',
			user.name !== profile.name ? 'name updated' : ''
		]
			.filter(Boolean)
			.join(', '),
		state: { email: profile.email, name: profile.name }
	});
	return null;
}

/** The membership in the directory's organisation follows the groups. */
function syncRole(tx: Db, actor: Actor, userId: string, role: Role | null, p: OidcProviderConfig) {
	const member = membershipOf(tx, userId, p.orgId);
	if (member && member.role === role) return;
	if (!role) {
		if (!member) return;
		tx.delete(memberships).where(eq(memberships.id, member.id)).run();
		append(tx, actor, {
			action: 'user.role_removed',
			entity: 'membership',
			entityId: member.id,
			orgId: p.orgId,
			summary: `role ${member.role} removed: no mapped group in directory ${p.id}`
		});
		return;
	}
	if (member) {
		tx.update(memberships)
			.set({ role, version: member.version + 1 })
			.where(eq(memberships.id, member.id))
			.run();
	} else {
		tx.insert(memberships).values({ id: newId(), userId, orgId: p.orgId, role }).run();
	}
	append(tx, actor, {
		action: 'user.role_change',
		entity: 'membership',
		entityId: member?.id ?? userId,
		orgId: p.orgId,
		summary: `role ${member?.role ?? 'none'} -> ${role} (directory ${p.id})`,
		state: { userId, orgId: p.orgId, role }
	});
}
