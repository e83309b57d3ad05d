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
	/** Said by the importer (e.g. a gauge left unrated), never exported back. */
	| { kind: 'warning' };

/** A comment body is at most this long (step_comments check). */
export const NOTE_MAX = 5000;

function label(ref: NoteRef): string {
	switch (ref.kind) {
		case 'question':
			return `question ${ref.id}`;
		case 'list':
			return `question ${ref.id} (liste)`;
		case 'measure':
			return `mesure ${ref.id} « ${ref.title.replace(/»/g, '"')} »`;
		case 'comment':
			return `commentaire, question ${ref.id}`;
		case 'measure_comment':
			return `commentaire, mesure ${ref.id}`;
		case 'pia':
			return `fiche du PIA, ${ref.field}`;
		case 'warning':
			return 'avertissement';
	}
}

/**
 * The note(s) for one text: one comment when it fits, else numbered parts, each under
 * NOTE_MAX characters, cut at line ends where possible.
 */
export function makeNotes(ref: NoteRef, text: string): string[] {
	const base = NOTE_PREFIX + label(ref);
	const room = NOTE_MAX - base.length - 20;
	const chunks = splitText(text, room);
	if (chunks.length === 1) return [`${base} :\n${chunks[0]}`];
	return chunks.map((chunk, i) => `${base} (partie ${i + 1}/${chunks.length}) :\n${chunk}`);
}

function splitText(text: string, room: number): string[] {
	const chars = [...text];
	if (chars.length <= room) return [text];
	const chunks: string[] = [];
	let rest = chars;
	while (rest.length > room) {
		const window = rest.slice(0, room).join('');
		// Cut after a line break in the second half of the window, else hard at the limit.
		const cut = window.lastIndexOf('\n');
		const at = cut > room / 2 ? [...window.slice(0, cut + 1)].length : room;
		chunks.push(rest.slice(0, at).join(''));
		rest = rest.slice(at);
	}
	chunks.push(rest.join(''));
	return chunks;
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
