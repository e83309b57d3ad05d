// Any origin works as the base: only whether the target stays on it matters.
const BASE = 'http://same-origin.invalid';

/**
 * Where to go after login or a language switch: only a path on this site.
 * The target is parsed as a browser would (`new URL(target, origin)`) and refused when it
 * leaves the origin ("//evil", "https://evil", "/\t/evil", which browsers read as
 * "//evil" since they drop tabs and newlines), or when it holds a control character or
 * a backslash (browsers read "\" as "/"; a control character cannot go in a Location
 * header at all). What is returned is the parsed path and query, never the raw input.
 */
export function safeRedirect(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return fallback;
	}
	// "/..//evil" normalises to the path "//evil", itself a link to another host.
	if (url.origin !== BASE || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search;
}
