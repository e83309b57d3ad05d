/**
 * The CNIL PIA software stores answers as HTML (its rich-text editor); the workbench stores
 * plain text shown in text areas. Import keeps every word and the line structure (paragraphs,
 * list items as "- " or "1. "), drops the markup. Export writes plain text back as HTML lines.
 * Law (tested): for any normalised text t, htmlToText(textToHtml(t)) === t, so a round trip
 * through the CNIL format loses no text.
 */

const BLOCK_TAGS = new Set([
	'p',
	'div',
	'ul',
	'ol',
	'table',
	'tr',
	'blockquote',
	'pre',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'section',
	'article',
	'header',
	'footer'
]);
const CELL_TAGS = new Set(['td', 'th']);
const DROPPED_CONTENT = new Set(['script', 'style']);

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	laquo: '«',
	raquo: '»',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“',
	hellip: '…',
	ndash: '–',
	mdash: '—',
	euro: '€',
	eacute: 'é',
	egrave: 'è',
	ecirc: 'ê',
	agrave: 'à',
	acirc: 'â',
	ccedil: 'ç',
	ocirc: 'ô',
	ucirc: 'û',
	ugrave: 'ù',
	icirc: 'î',
	iuml: 'ï',
	euml: 'ë',
	oelig: 'œ',
	Eacute: 'É',
	Egrave: 'È',
	Agrave: 'À',
	Ccedil: 'Ç',
	deg: '°',
	middot: '·',
	bull: '•',
	shy: ''
};

/** Decodes entities in one pass, so "&amp;lt;" becomes "&lt;" and not "<". */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d?);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1));
			return Number.isInteger(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		}
		return NAMED_ENTITIES[name] ?? whole;
	});
}

/**
 * Plain text in the form both sides agree on: no carriage returns, tabs or non-breaking
 * spaces, single spaces inside lines, trimmed lines, at most one blank line in a row.
 */
export function normaliseText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim()
		.toWellFormed();
}

type ListFrame = { ordered: boolean; next: number };

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetterOrDigit(c: number): boolean {
	return isLetter(c) || (c >= 48 && c <= 57);
}

/** No tag starts here: the "<" is text. */
const NOT_A_TAG = -1;
/** A tag starts here but never ends (no ">" outside quotes before the end of the text). */
const UNTERMINATED = -2;

/**
 * Where the tag opened by the "<" at `at` ends (the index after its ">"), and its name.
 * A tag is `<name …>` or `</name …>`; quoted attribute values may hold ">". The scan only
 * moves forward and an unterminated tag ends the markup (see htmlToText), so reading a
 * text stays linear in its length whatever it holds. The regular expression used before
 * went over the rest of the text again for every "<" that opened no complete tag:
 * `<a "` × 80,000 (290 KB) held the server's only thread for 20 s.
 */
function readTag(html: string, at: number): { end: number; name: string } {
	let i = at + 1;
	if (html.charCodeAt(i) === 47 /* / */) i++;
	const nameStart = i;
	if (!isLetter(html.charCodeAt(i))) return { end: NOT_A_TAG, name: '' };
	while (i < html.length && isLetterOrDigit(html.charCodeAt(i))) i++;
	// The name ends at a word boundary, as before: "<a_b>" is text.
	if (html.charCodeAt(i) === 95 /* _ */) return { end: NOT_A_TAG, name: '' };
	const name = html.slice(nameStart, i).toLowerCase();
	while (i < html.length) {
		const c = html.charCodeAt(i);
		if (c === 62 /* > */) return { end: i + 1, name };
		if (c === 34 /* " */ || c === 39 /* ' */) {
			const close = html.indexOf(html[i]!, i + 1);
			if (close < 0) return { end: UNTERMINATED, name };
			i = close + 1;
		} else i++;
	}
	return { end: UNTERMINATED, name };
}

/**
 * HTML (or plain text, which is HTML without tags) → normalised plain text, in one forward
 * pass: linear in the input (a test doubles the input and checks the work doubles). A tag
 * left open at the end of the text, or a comment never closed, is kept as text: broken
 * markup loses no word.
 */
export function htmlToText(html: string | null | undefined): string {
	if (!html) return '';
	// Pieces joined once at the end: re-reading the growing output at each list item
	// (a trailing-space regex) was quadratic.
	const out: string[] = [];
	const lists: ListFrame[] = [];
	let dropping: string | null = null;
	const text = (chunk: string) => {
		if (dropping || !chunk) return;
		// Source line breaks are spaces in HTML; only tags make lines.
		out.push(decodeEntities(chunk.replace(/\s+/g, ' ')).replace(/\n/g, ' '));
	};
	/** Drops the spaces that end the output, looking back only as far as they go. */
	const trimTrailingSpaces = () => {
		while (out.length) {
			const piece = out[out.length - 1]!;
			let end = piece.length;
			while (end > 0 && piece.charCodeAt(end - 1) === 32) end--;
			if (end === piece.length) return;
			if (end > 0) {
				out[out.length - 1] = piece.slice(0, end);
				return;
			}
			out.pop();
		}
	};
	const endsWithNewline = () => {
		for (let k = out.length - 1; k >= 0; k--) {
			const piece = out[k]!;
			if (piece) return piece.endsWith('\n');
		}
		return false;
	};
	const onTag = (name: string, closing: boolean) => {
		if (DROPPED_CONTENT.has(name)) {
			dropping = closing ? null : name;
			return;
		}
		if (dropping) return;
		if (name === 'br') out.push('\n');
		else if (name === 'li') {
			if (closing) out.push('\n');
			else {
				const frame = lists[lists.length - 1];
				// One line per item: no blank line between a closing and the next opening tag.
				trimTrailingSpaces();
				if (!endsWithNewline()) out.push('\n');
				out.push(frame?.ordered ? `${frame.next++}. ` : '- ');
			}
		} else if (name === 'ul' || name === 'ol') {
			if (closing) lists.pop();
			else lists.push({ ordered: name === 'ol', next: 1 });
			out.push('\n');
		} else if (BLOCK_TAGS.has(name)) out.push(closing ? '\n\n' : '\n');
		else if (CELL_TAGS.has(name) && closing) out.push(' ');
	};

	let last = 0;
	// Once a comment is found never closed, no later one can be: do not search again.
	let commentsMayClose = true;
	for (let at = html.indexOf('<'); at >= 0;) {
		if (html.startsWith('<!--', at)) {
			const close = commentsMayClose ? html.indexOf('-->', at + 4) : -1;
			if (close < 0) {
				commentsMayClose = false;
				at = html.indexOf('<', at + 1);
				continue;
			}
			text(html.slice(last, at));
			last = close + 3;
			at = html.indexOf('<', last);
			continue;
		}
		const tag = readTag(html, at);
		if (tag.end === NOT_A_TAG) {
			at = html.indexOf('<', at + 1);
			continue;
		}
		if (tag.end === UNTERMINATED) break;
		text(html.slice(last, at));
		onTag(tag.name, html.charCodeAt(at + 1) === 47);
		last = tag.end;
		at = html.indexOf('<', last);
	}
	text(html.slice(last));
	return normaliseText(out.join(''));
}

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Plain text → HTML the CNIL editor shows line for line. */
export function textToHtml(text: string): string {
	return normaliseText(text).split('\n').map(escapeHtml).join('<br />\n');
}
