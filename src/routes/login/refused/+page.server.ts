import type { PageServerLoad } from './$types';

const REASONS = [
	'unknown_provider',
	'provider_down',
	'bad_state',
	'expired',
	'provider_error',
	'token_rejected',
	'missing_claims',
	'email_unverified',
	'no_role',
	'account_conflict',
	'disabled',
	'stale_authentication',
	'session_mismatch'
] as const;

/** Why a directory sign-in was refused (the reason only: the details are in the audit log). */
export const load: PageServerLoad = ({ url }) => {
	const reason = url.searchParams.get('reason');
	return {
		reason: REASONS.find((r) => r === reason) ?? 'provider_error'
	};
};
