import type { Db } from '../db';
import type { CurrentUser } from '../access';
import { organisationsRequiringTotp } from './totp';

/** Where a user who must enrol is sent: the account page's two-factor section. */
export const ENROLMENT_PAGE = '/account#twofactor';

/**
 * The organisation requires two-factor for a role the user holds (director, DPO, admin,
 * security officer) and the user has not enrolled: until they do, the password alone must
 * not let them read, export or administer anything (issue 12, point 3).
 */
export function mustEnrol(db: Db, user: CurrentUser, totpEnabled: boolean): boolean {
	return !totpEnabled && organisationsRequiringTotp(db, user.memberships).length > 0;
}

const ENROLMENT_ACTIONS = new Set(['totpStart', 'totpCancel', 'totpConfirm']);
// Served by the adapter before the hooks in production; listed so that dev behaves the same.
const ALWAYS_OPEN = ['/logout', '/locale', '/healthz', '/favicon.svg'];

/**
 * Pure: what a user confined to enrolment may still request. The account page itself
 * (and its data for client-side navigation), its enrolment actions, signing out,
 * the language switch, the health check and static assets; nothing else.
 */
export function allowedWhileEnrolling(method: string, url: URL): boolean {
	const path = url.pathname;
	if (ALWAYS_OPEN.includes(path) || path.startsWith('/_app/')) return true;
	if (path !== '/account' && path !== '/account/__data.json') return false;
	if (method === 'GET' || method === 'HEAD') return true;
	// A form action: `?/name`; the page has no default action.
	const action = [...url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1);
	return method === 'POST' && !!action && ENROLMENT_ACTIONS.has(action);
}
