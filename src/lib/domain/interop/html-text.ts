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

/** HTML (or plain text, which is HTML without tags) → normalised plain text. */
export function htmlToText(html: string | null | undefined): string {
	if (!html) return '';
	let out = '';
	const lists: ListFrame[] = [];
	let dropping: string | null = null;
	const token = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
	let last = 0;
	const text = (chunk: string) => {
		if (dropping) return;
		// Source line breaks are spaces in HTML; only tags make lines.
		out += decodeEntities(chunk.replace(/\s+/g, ' ')).replace(/\n/g, ' ');
	};
	for (let match = token.exec(html); match; match = token.exec(html)) {
		text(html.slice(last, match.index));
		last = token.lastIndex;
		const name = match[1]?.toLowerCase();
		if (!name) continue;
		const closing = match[0][1] === '/';
		if (DROPPED_CONTENT.has(name)) {
			dropping = closing ? null : name;
			continue;
		}
		if (dropping) continue;
		if (name === 'br') out += '\n';
		else if (name === 'li') {
			if (closing) out += '\n';
			else {
				const frame = lists[lists.length - 1];
				// One line per item: no blank line between a closing and the next opening tag.
				out = out.replace(/ +$/, '');
				if (!out.endsWith('\n')) out += '\n';
				out += frame?.ordered ? `${frame.next++}. ` : '- ';
			}
		} else if (name === 'ul' || name === 'ol') {
			if (closing) lists.pop();
			else lists.push({ ordered: name === 'ol', next: 1 });
			out += '\n';
		} else if (BLOCK_TAGS.has(name)) out += closing ? '\n\n' : '\n';
		else if (CELL_TAGS.has(name) && closing) out += ' ';
	}
	text(html.slice(last));
	return normaliseText(out);
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
