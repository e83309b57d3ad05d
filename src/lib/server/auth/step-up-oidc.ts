import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { STEP_UP_VALIDITY_MS, stepUpValid, type OidcProviderConfig } from '$lib/domain/oidc';
import { mutate, record } from '../audit';
import type { Db } from '../db';
import { sessions } from '../db/schema';
import { oidcIdentities } from '../db/schema-oidc';
import { oidcProvider, OidcRefused } from './oidc';

/**
 * The step-up of an account signed in through its directory: before a signature, the user
 * authenticates afresh at the provider (lib/server/auth/oidc.ts checks `auth_time`); this
 * session then holds `step_up_at` for 10 minutes, until one signature uses it.
 */

/** After the provider's answer: the same directory account as the session's, then noted. */
export function markDirectoryStepUp(
	db: Db,
	p: OidcProviderConfig,
	session: { id: string; oidcProvider: string | null },
	user: { id: string; email: string },
	claims: Record<string, unknown>,
	acr: string | null,
	now = Date.now()
): void {
	const identity = db
		.select({ id: oidcIdentities.id })
		.from(oidcIdentities)
		.where(
			and(
				eq(oidcIdentities.userId, user.id),
				eq(oidcIdentities.issuer, p.issuer),
				eq(oidcIdentities.subject, typeof claims.sub === 'string' ? claims.sub : '')
			)
		)
		.get();
	if (session.oidcProvider !== p.id || !identity)
		throw new OidcRefused('session_mismatch', `${user.email}: another directory account answered`);
	mutate(db, { userId: user.id, label: user.email, role: null, orgId: null }, (tx) => {
		tx.update(sessions).set({ stepUpAt: now }).where(eq(sessions.id, session.id)).run();
		return {
			result: undefined,
			event: {
				action: 'signing.stepup_directory',
				entity: 'user',
				entityId: user.id,
				summary: `fresh authentication at directory ${p.id}${acr ? ` (acr ${acr})` : ''}`
			}
		};
	});
}

/**
 * Uses the session's fresh authentication, if it has one still valid: true once, then false.
 * The condition is stepUpValid's, written in SQL so that checking and using up are one
 * statement (two signatures racing cannot both use it).
 */
export function consumeDirectoryStepUp(
	db: Db,
	sessionId: string,
	user: { id: string; email: string },
	now = Date.now()
): boolean {
	const used = db
		.update(sessions)
		.set({ stepUpAt: null })
		.where(
			and(
				eq(sessions.id, sessionId),
				isNotNull(sessions.stepUpAt),
				gte(sessions.stepUpAt, now - STEP_UP_VALIDITY_MS),
				lte(sessions.stepUpAt, now)
			)
		)
		.returning({ id: sessions.id })
		.get();
	if (!used)
		record(
			db,
			{ userId: user.id, label: user.email, role: null, orgId: null },
			{
				action: 'signing.stepup_failed',
				entity: 'user',
				entityId: user.id,
				summary: 'no fresh authentication at the directory'
			}
		);
	return !!used;
}

/** Until when the session's fresh authentication can sign (ISO), or null. */
export function directoryStepUpUntil(stepUpAt: number | null, now = Date.now()): string | null {
	if (stepUpAt === null || !stepUpValid(stepUpAt, now)) return null;
	return new Date(stepUpAt + STEP_UP_VALIDITY_MS).toISOString();
}

export interface DirectoryStepUpView {
	label: string;
	/** Where the "authenticate again" button goes; the provider sends the user back here. */
	href: string;
	/** Until when the fresh authentication can sign (ISO), or null when there is none. */
	until: string | null;
}

/** What a signing form shows instead of the password, for a session opened through a directory. */
export function directoryStepUpView(
	session: { oidcProvider: string | null; stepUpAt: number | null } | null,
	returnTo: string
): DirectoryStepUpView | null {
	const p = session?.oidcProvider ? oidcProvider(session.oidcProvider) : undefined;
	if (!session || !p) return null;
	return {
		label: p.label,
		href: `/login/oidc/${p.id}?step_up=1&redirectTo=${encodeURIComponent(returnTo)}`,
		until: directoryStepUpUntil(session.stepUpAt)
	};
}
