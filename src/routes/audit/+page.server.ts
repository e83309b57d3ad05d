import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb, databasePath } from '$lib/server/db';
import { actorOf, orgsWhere, requireUser } from '$lib/server/http/access';
import { record } from '$lib/server/audit';
import { integrityFailures, integrityOk } from '$lib/server/audit-integrity';
import { formatHead, parseHead } from '$lib/domain/audit-head';
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
		const form = await event.request.formData();
		const headText = String(form.get('head') ?? '').slice(0, 100_000);
		const known = headText.trim() === '' ? null : parseHead(headText);
		if (headText.trim() !== '' && !known) return fail(400, { head: headText, headInvalid: true });
		const started = performance.now();
		// Hashing a long chain takes seconds of CPU: a worker thread does it, and this request
		// only awaits it, so other requests (and /healthz) are served meanwhile. The module is
		// imported on demand so that the build emits it as a chunk of its own, which the
		// worker loads.
		const { verifyInWorker } = await import('$lib/server/audit-verify-job');
		const report = await verifyInWorker(databasePath(), known);
		const ms = Math.round(performance.now() - started);
		const { chain, states } = report;
		// The check itself is on the record: who verified, when, and what it found.
		record(getDb(), actorOf(user, membership), {
			action: 'audit.verify',
			entity: 'audit_log',
			summary: integrityOk(report)
				? `intact: ${chain.ok ? chain.count : 0} entries, head ${chain.ok ? chain.head.slice(0, 12) : ''}` +
					`; ${states.claims} signed states` +
					(known ? `; known head ${known.seq} present` : '')
				: integrityFailures(report).join('; ')
		});
		return {
			head: headText,
			verified: {
				ms,
				chain: chain.ok
					? { ok: true as const, count: chain.count, head: chain.head }
					: {
							ok: false as const,
							count: chain.count,
							firstBadSeq: chain.firstBadSeq,
							reason: chain.reason
						},
				states,
				known: report.known,
				current: report.current ? formatHead(report.current) : null
			}
		};
	}
};
