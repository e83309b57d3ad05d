/**
 * Text the CNIL file holds but the workbench's structured steps have no field for is kept
 * as step comments ("notes") with a fixed, readable header naming where it came from. The
 * header is also what the export reads to put each text back in its place, so its wording
 * is part of the format: change it only together with `parseNote`.
 *
 *   Importé du logiciel PIA de la CNIL — question 112 :
 *   <text>
 */

export const NOTE_PREFIX = 'Importé du logiciel PIA de la CNIL — ';

/** Where a note's text belongs in the CNIL file. */
export type NoteRef =
	| { kind: 'question'; id: number }
	| { kind: 'list'; id: number }
	| { kind: 'measure'; id: string; title: string }
	| { kind: 'comment'; id: number }
	| { kind: 'measure_comment'; id: string }
	| { kind: 'pia'; field: string }
	/**
	 * An evaluation, comment or measure comment of the file whose reference points to nothing
	 * in it (the CNIL's own example holds `reference_to: "3.1.[object Object]"`): kept, never
	 * exported back (it has no place to go).
	 */
	| { kind: 'orphan'; what: OrphanKind; ref: string }
	/** Said by the importer (e.g. a gauge left unrated), never exported back. */
	| { kind: 'warning' };

export type OrphanKind = 'evaluation' | 'comment' | 'measure_comment';

const ORPHAN_LABELS: Record<OrphanKind, string> = {
	evaluation: 'évaluation',
	comment: 'commentaire',
	measure_comment: 'commentaire de mesure'
};

/** A comment body is at most this many characters (step_comments check, code points). */
export const NOTE_MAX = 5000;

/**
 * Text from the file inside a header (a measure title, a dangling reference) is cut to this
 * many characters, so that a header always leaves room for the text: a 5,000-character
 * measure title once left none and the splitter looped forever.
 */
export const LABEL_TEXT_MAX = 200;

/** Room for " (partie 1234/1234) :\n" after the label, whatever the number of parts. */
const PART_HEADER_ROOM = 40;

/** One line, at most LABEL_TEXT_MAX characters ("…" marks a cut), "»" replaced. */
export function labelText(text: string): string {
	const line = text.replace(/\s+/g, ' ').replace(/»/g, '"').trim();
	const chars = [...line];
	return chars.length > LABEL_TEXT_MAX ? chars.slice(0, LABEL_TEXT_MAX - 1).join('') + '…' : line;
}

/** A note's header label, e.g. `question 112`; also names a text in refusal details. */
export function noteLabel(ref: NoteRef): string {
	switch (ref.kind) {
		case 'question':
			return `question ${ref.id}`;
		case 'list':
			return `question ${ref.id} (liste)`;
		case 'measure':
			return `mesure ${ref.id} « ${labelText(ref.title)} »`;
		case 'comment':
			return `commentaire, question ${ref.id}`;
		case 'measure_comment':
			return `commentaire, mesure ${ref.id}`;
		case 'pia':
			return `fiche du PIA, ${ref.field}`;
		case 'orphan':
			return `référence introuvable, ${ORPHAN_LABELS[ref.what]} « ${labelText(ref.ref)} »`;
		case 'warning':
			return 'avertissement';
	}
}

/**
 * The note(s) for one text: one comment when it fits, else numbered parts, each at most
 * NOTE_MAX characters, cut at line ends where possible.
 */
export function makeNotes(ref: NoteRef, text: string): string[] {
	const base = NOTE_PREFIX + noteLabel(ref);
	const room = NOTE_MAX - [...base].length - PART_HEADER_ROOM;
	const chunks = splitText(text, room);
	if (chunks.length === 1) return [`${base} :\n${chunks[0]}`];
	return chunks.map((chunk, i) => `${base} (partie ${i + 1}/${chunks.length}) :\n${chunk}`);
}

/**
 * Cuts `text` into chunks of at most `room` code points (never splitting a surrogate pair),
 * after the last line break of a chunk's second half when there is one. One forward pass:
 * linear in the text (the earlier version copied the rest of the text for every chunk, and
 * 9 MB took 210 s).
 */
export function splitText(text: string, room: number): string[] {
	if (!Number.isInteger(room) || room < 1) throw new RangeError(`no room for a note: ${room}`);
	const chunks: string[] = [];
	let start = 0;
	for (;;) {
		// `end`: after `room` code points from `start`; `middle`: after half of them.
		let end = start;
		let middle = start;
		for (let n = 0; n < room && end < text.length; n++) {
			const c = text.charCodeAt(end);
			const next = text.charCodeAt(end + 1);
			end += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
			if (n + 1 === Math.floor(room / 2)) middle = end;
		}
		if (end >= text.length) {
			chunks.push(text.slice(start));
			return chunks;
		}
		let cut = end;
		for (let i = end - 1; i > middle; i--) {
			if (text.charCodeAt(i) === 10) {
				cut = i + 1;
				break;
			}
		}
		chunks.push(text.slice(start, cut));
		start = cut;
	}
}

const HEADER =
	/^Importé du logiciel PIA de la CNIL — (.+?)(?: \(partie (\d+)\/(\d+)\))? :\n([\s\S]*)$/;

function parseLabel(text: string): NoteRef | null {
	let m = /^question (\d+)( \(liste\))?$/.exec(text);
	if (m) return { kind: m[2] ? 'list' : 'question', id: Number(m[1]) };
	m = /^mesure (\S+) « ([\s\S]*) »$/.exec(text);
	if (m) return { kind: 'measure', id: m[1] ?? '', title: m[2] ?? '' };
	m = /^commentaire, question (\d+)$/.exec(text);
	if (m) return { kind: 'comment', id: Number(m[1]) };
	m = /^commentaire, mesure (\S+)$/.exec(text);
	if (m) return { kind: 'measure_comment', id: m[1] ?? '' };
	m = /^référence introuvable, (évaluation|commentaire|commentaire de mesure) « ([\s\S]*) »$/.exec(
		text
	);
	if (m) {
		const what = (Object.keys(ORPHAN_LABELS) as OrphanKind[]).find(
			(k) => ORPHAN_LABELS[k] === m![1]
		)!;
		return { kind: 'orphan', what, ref: m[2] ?? '' };
	}
	m = /^fiche du PIA, ([a-z_]+)$/.exec(text);
	if (m) return { kind: 'pia', field: m[1] ?? '' };
	if (text === 'avertissement') return { kind: 'warning' };
	return null;
}

export type ParsedNote = { ref: NoteRef; part: number; parts: number; text: string };

/** Reads a comment written by `makeNotes`; null for any other comment. */
export function parseNote(body: string): ParsedNote | null {
	const m = HEADER.exec(body);
	if (!m) return null;
	const ref = parseLabel(m[1] ?? '');
	if (!ref) return null;
	return {
		ref,
		part: m[2] ? Number(m[2]) : 1,
		parts: m[3] ? Number(m[3]) : 1,
		text: m[4] ?? ''
	};
}

export function refKey(ref: NoteRef): string {
	switch (ref.kind) {
		case 'question':
		case 'list':
		case 'comment':
			return `${ref.kind}:${ref.id}`;
		case 'measure':
		case 'measure_comment':
			return `${ref.kind}:${ref.id}`;
		case 'pia':
			return `pia:${ref.field}`;
		case 'orphan':
			return `orphan:${ref.what}:${ref.ref}`;
		case 'warning':
			return 'warning';
	}
}

/**
 * Joins the notes of a list of comment bodies (in their stored order) by what they refer
 * to; multi-part notes are reassembled. A ref may hold several texts (e.g. two CNIL
 * comments on one question), kept in order.
 */
export function collectNotes(
	bodies: readonly string[]
): Map<string, { ref: NoteRef; texts: string[] }> {
	const out = new Map<string, { ref: NoteRef; texts: string[] }>();
	let pending: { key: string; ref: NoteRef; parts: string[]; total: number } | null = null;
	const push = (key: string, ref: NoteRef, text: string) => {
		const entry = out.get(key) ?? { ref, texts: [] };
		entry.texts.push(text);
		out.set(key, entry);
	};
	for (const body of bodies) {
		const note = parseNote(body);
		if (!note) continue;
		const key = refKey(note.ref);
		if (note.parts === 1) {
			push(key, note.ref, note.text);
			continue;
		}
		if (note.part === 1) pending = { key, ref: note.ref, parts: [], total: note.parts };
		if (pending && pending.key === key) {
			pending.parts.push(note.text);
			if (note.part === pending.total) {
				push(key, pending.ref, pending.parts.join(''));
				pending = null;
			}
		}
	}
	if (pending) push(pending.key, pending.ref, pending.parts.join(''));
	return out;
}
