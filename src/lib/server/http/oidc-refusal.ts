import { redirect } from '@sveltejs/kit';
import { auditRefusal, type OidcRefused } from '../auth/oidc';
import type { Db } from '../db';

/** Audits a refused directory sign-in and sends the browser to the page that says why. */
export function refuseSignIn(
	db: Db,
	p: { id: string } | null,
	refusal: OidcRefused,
	who?: string
): never {
	auditRefusal(db, p, refusal, who);
	redirect(303, `/login/refused?reason=${refusal.reason}`);
}
