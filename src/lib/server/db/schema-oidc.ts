import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now, users } from './schema';

/*
 * Sign-in with the hospital's directory (OpenID Connect, lib/server/auth/oidc.ts). Apart from
 * schema.ts like schema-review.ts; nothing in schema.ts refers to these.
 */

// Which directory account an account of ours is: the pair (issuer, sub) is the only stable
// identifier OpenID Connect gives (an e-mail can change hands); one account per pair.
export const oidcIdentities = sqliteTable(
	'oidc_identities',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** The configured provider's id (OIDC_PROVIDERS), for the step-up and the logout. */
		provider: text('provider').notNull(),
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		createdAt: text('created_at').notNull().default(now),
		lastLoginAt: text('last_login_at').notNull().default(now)
	},
	(t) => [
		uniqueIndex('oidc_identities_issuer_subject').on(t.issuer, t.subject),
		index('oidc_identities_user').on(t.userId)
	]
);

// A sign-in sent to a provider and not back yet. `state` is single use: the row is deleted
// when the provider answers (a replayed answer finds nothing) and refused past 10 minutes.
// Only the SHA-256 of the state is stored; the browser holds the state in a cookie too, so
// an answer that arrives in another browser (login CSRF) is refused.
export const oidcFlows = sqliteTable('oidc_flows', {
	stateHash: text('state_hash').primaryKey(),
	provider: text('provider').notNull(),
	/** 'login', or 'step_up' (a fresh authentication before signing, for this session). */
	purpose: text('purpose', { enum: ['login', 'step_up'] }).notNull(),
	nonce: text('nonce').notNull(),
	codeVerifier: text('code_verifier').notNull(),
	returnTo: text('return_to').notNull(),
	sessionId: text('session_id'),
	createdAt: integer('created_at', { mode: 'number' }).notNull()
});
