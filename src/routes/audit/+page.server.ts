import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf, orgsWhere, requireUser } from '$lib/server/http/access';
import { record, verify } from '$lib/server/audit';
import type { Actions, PageServerLoad } from './$types';

/** The audit trail's integrity check, for the DPO and the auditor (same verifier as `npm run audit:verify`). */
function requireVerifier(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = requireUser(event);
	const orgs = orgsWhere(user, 'audit.verify');
	if (!orgs.length) error(403, { message: 'forbidden' });
	return { user, membership: orgs[0]! };
}

export const load: PageServerLoad = (event) => {
	requireVerifier(event);
	return {};
};

export const actions: Actions = {
	verify: async (event) => {
		const { user, membership } = requireVerifier(event);
		const db = getDb();
		const started = performance.now();
		const result = verify(db);
		const ms = Math.round(performance.now() - started);
		// The check itself is on the record: who verified, when, and what it found.
		record(db, actorOf(user, membership), {
			action: 'audit.verify',
			entity: 'audit_log',
			summary: result.ok
				? `intact: ${result.count} entries, head ${result.head.slice(0, 12)}`
				: `broken at seq ${result.firstBadSeq} (${result.reason})`
		});
		return {
			verified: result.ok
				? { ok: true as const, count: result.count, head: result.head, ms }
				: {
						ok: false as const,
						count: result.count,
						firstBadSeq: result.firstBadSeq,
						reason: result.reason,
						ms
					}
		};
	}
};
