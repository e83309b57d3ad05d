import type { Plugin } from 'vite';

/**
 * SvelteKit (2.70, page/render.js) hashes every server-rendered page into an ETag, whatever
 * its Cache-Control. Our signed-in pages are `no-store` (hooks.server.ts): the browser keeps
 * no copy to revalidate, so the hash is never used, and on a large page it cost 17 % of the
 * request's CPU (issue 13, risks page). SvelteKit has no option for it: this build step makes
 * the hash conditional on `event.locals.noStore`, which the `auth` handle sets before the page
 * renders. Anonymous pages (login, legal notices) keep their ETag and their 304s.
 *
 * The build fails if SvelteKit's code no longer reads as expected, rather than silently
 * hashing again; tests/etag.e2e.ts checks the headers on the built app.
 */
const RENDER = /\/@sveltejs\/kit\/src\/runtime\/server\/page\/render\.js$/;
const ETAG = /if \(!chunks\) \{(\s*headers\.set\('etag',)/;

export function noStoreEtag(): Plugin {
	return {
		name: 'no-store-etag',
		enforce: 'pre',
		transform(code, id) {
			if (!RENDER.test(id.split('?')[0] ?? id)) return null;
			const matches = code.match(new RegExp(ETAG.source, 'g')) ?? [];
			if (matches.length !== 1)
				throw new Error(
					`no-store-etag: SvelteKit's ETag code changed (${matches.length} matches in ${id}); review vite/no-store-etag.ts`
				);
			return { code: code.replace(ETAG, 'if (!chunks && !event.locals.noStore) {$1'), map: null };
		}
	};
}
