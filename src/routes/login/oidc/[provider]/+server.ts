import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { refuseSignIn } from '$lib/server/http/oidc-refusal';
import {
	FLOW_COOKIE,
	FLOW_TTL_MS,
	oidcProvider,
	OidcRefused,
	startFlow
} from '$lib/server/auth/oidc';
import { safeRedirect } from '$lib/server/http/redirect';
import type { RequestHandler } from './$types';

/**
 * Sends the browser to the hospital's directory: to sign in, or (`?step_up=1`, signed in
 * through that same directory) to authenticate afresh before a signature.
 */
export const GET: RequestHandler = async ({ params, url, locals, cookies }) => {
	const db = getDb();
	const p = oidcProvider(params.provider);
	const stepUp = url.searchParams.get('step_up') === '1';
	const returnTo = safeRedirect(url.searchParams.get('redirectTo'), '/tasks');
	const refuse = (refusal: OidcRefused) => refuseSignIn(db, p ?? null, refusal, locals.user?.email);
	if (!p) return refuse(new OidcRefused('unknown_provider', params.provider.slice(0, 40)));
	if (!stepUp && locals.user) redirect(303, returnTo);
	if (stepUp && (!locals.session || locals.session.oidcProvider !== p.id))
		return refuse(
			new OidcRefused('session_mismatch', 'step-up without a session of this directory')
		);
	let flow;
	try {
		flow = await startFlow(
			db,
			p,
			stepUp ? 'step_up' : 'login',
			returnTo,
			stepUp ? locals.session!.id : null
		);
	} catch (e) {
		if (e instanceof OidcRefused) return refuse(e);
		throw e;
	}
	cookies.set(FLOW_COOKIE, flow.state, {
		path: '/login/oidc',
		httpOnly: true,
		// Sent back on the provider's redirect (a top-level GET), never on a cross-site POST.
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: FLOW_TTL_MS / 1000
	});
	redirect(303, flow.url);
};
