/**
 * Text made fit for XML 1.0. The Char production (XML 1.0, 5th ed., §2.2) admits only
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]: a document holding
 * any other code point is not well-formed, and Word refuses to open it. Users paste such
 * characters without seeing them (U+000B is Word's own Shift+Enter line break).
 */

/** Every code point outside the Char production, lone surrogates included. */
export const XML_FORBIDDEN =
	// eslint-disable-next-line no-control-regex -- control characters are what it matches
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text without forbidden code points. A vertical tab or a form feed was a line or
 * page break where it was typed: it stays a line break; the rest is dropped.
 */
export function xmlSafe(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u000B\u000C]/g, '\n').replace(XML_FORBIDDEN, '');
}

/** Every string inside a plain value (objects, arrays), made XML-safe; other values as they are. */
export function xmlSafeDeep<T>(value: T): T {
	if (typeof value === 'string') return xmlSafe(value) as T;
	if (Array.isArray(value)) return value.map((v) => xmlSafeDeep(v)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
	}
	return value;
}
