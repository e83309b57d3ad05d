import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { refuseSignIn } from '$lib/server/http/oidc-refusal';
import { finishFlow, FLOW_COOKIE, oidcProvider, OidcRefused } from '$lib/server/auth/oidc';
import { signInFromDirectory } from '$lib/server/auth/oidc-accounts';
import { markDirectoryStepUp } from '$lib/server/auth/step-up-oidc';
import { setSessionCookie } from '$lib/server/http/cookie';
import { safeRedirect } from '$lib/server/http/redirect';
import type { RequestHandler } from './$types';

/**
 * Where the directory sends the browser back. Every refusal (wrong or replayed state,
 * expired sign-in, token refused, claims missing, no mapped role, provider down) is
 * audited and shown on /login/refused; nothing is created for it.
 */
export const GET: RequestHandler = async ({ params, url, locals, cookies }) => {
	const db = getDb();
	const p = oidcProvider(params.provider);
	const cookieState = cookies.get(FLOW_COOKIE);
	cookies.delete(FLOW_COOKIE, { path: '/login/oidc', secure: url.protocol === 'https:' });
	const refuse = (refusal: OidcRefused) => refuseSignIn(db, p ?? null, refusal, locals.user?.email);
	if (!p) return refuse(new OidcRefused('unknown_provider', params.provider.slice(0, 40)));
	// The URL registered at the provider, with the answer's parameters: behind a proxy the
	// request's own URL may differ, and the token request must name the registered one.
	const answer = new URL(p.redirectUri);
	answer.search = url.search;
	let flow;
	try {
		flow = await finishFlow(db, p, answer, cookieState);
	} catch (e) {
		if (e instanceof OidcRefused) return refuse(e);
		throw e;
	}
	if (flow.purpose === 'step_up') {
		const session = locals.session;
		if (!session || !locals.user || session.id !== flow.sessionId)
			return refuse(new OidcRefused('session_mismatch', 'step-up answered to another session'));
		try {
			markDirectoryStepUp(db, p, session, locals.user, flow.claims, flow.acr);
		} catch (e) {
			if (e instanceof OidcRefused) return refuse(e);
			throw e;
		}
		redirect(303, safeRedirect(flow.returnTo, '/tasks'));
	}
	const result = signInFromDirectory(db, p, flow.claims);
	if (!result.ok) redirect(303, `/login/refused?reason=${result.refusal.reason}`);
	setSessionCookie(cookies, url, result.token, result.expiresAt);
	redirect(303, safeRedirect(flow.returnTo, '/tasks'));
};
