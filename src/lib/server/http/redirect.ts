/** Only same-site paths: "//evil.example" or "https://…" would be an open redirect. */
export function safeRedirect(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//'))
		return fallback;
	if (target.includes('\\') || /[\r\n]/.test(target)) return fallback;
	return target;
}
