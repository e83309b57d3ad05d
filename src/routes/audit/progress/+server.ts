import { json } from '@sveltejs/kit';
import { jobOf } from '$lib/server/audit-verify-jobs';
import { requireVerifier } from '$lib/server/http/access';
import type { RequestHandler } from './$types';

/** Where the caller's own verification stands (`?job=<id>`, from the form's `start`). */
export const GET: RequestHandler = (event) => {
	const { user } = requireVerifier(event);
	const job = jobOf(event.url.searchParams.get('job') ?? '', user.id);
	return json(job, { headers: { 'cache-control': 'no-store' } });
};
