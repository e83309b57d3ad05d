import { fail } from '@sveltejs/kit';
import { getDb, databasePath } from '$lib/server/db';
import { requireVerifier } from '$lib/server/http/access';
import {
	recordVerification,
	startVerification,
	verdictOf,
	verifyDatabase
} from '$lib/server/audit-verify-jobs';
import { parseHead } from '$lib/domain/audit-head';
import type { Actions, PageServerLoad } from './$types';

/** The optional known head typed into the form; `invalid` when it cannot be read. */
async function knownHead(request: Request) {
	const form = await request.formData();
	const headText = String(form.get('head') ?? '').slice(0, 100_000);
	if (headText.trim() === '') return { headText, known: null };
	const known = parseHead(headText);
	return known ? { headText, known } : { headText, invalid: true as const };
}

export const load: PageServerLoad = (event) => {
	requireVerifier(event);
	return {};
};

export const actions: Actions = {
	/** Without JavaScript: the answer waits for the verdict (the worker keeps the server free). */
	verify: async (event) => {
		const { actor } = requireVerifier(event);
		const head = await knownHead(event.request);
		if (head.invalid) return fail(400, { head: head.headText, headInvalid: true });
		const started = performance.now();
		const report = await verifyDatabase(databasePath(), head.known);
		recordVerification(getDb(), actor, report, head.known);
		return {
			head: head.headText,
			verified: verdictOf(report, Math.round(performance.now() - started))
		};
	},
	/** With JavaScript: starts the verification; the page then polls /audit/progress. */
	start: async (event) => {
		const { user, actor } = requireVerifier(event);
		const head = await knownHead(event.request);
		if (head.invalid) return fail(400, { head: head.headText, headInvalid: true });
		const job = startVerification(getDb(), databasePath(), user.id, actor, head.known);
		return { head: head.headText, job };
	}
};
