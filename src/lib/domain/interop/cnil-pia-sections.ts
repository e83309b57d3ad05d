/**
 * The CNIL software evaluates item by item (1.1, 1.2, 3.2…) or question by question (2.1.211…);
 * the workbench evaluates a step as a whole. An import keeps every item's verdict and texts
 * as labelled sections of the step's evaluation and action-plan comments, and the step takes
 * the worst verdict. The export reads the sections back.
 *
 *   [2.1.211 · Améliorable · Responsable : M. Martin · Échéance : 2018-06-30]
 *   <evaluation comment>
 */

export const CNIL_STATUS_LABELS = [
	'En attente',
	'À corriger',
	'Améliorable',
	'Acceptable'
] as const;

export type Section = {
	ref: string;
	/** 0 pending, 1 to correct, 2 improvable, 3 acceptable (the CNIL codes). */
	status: number | null;
	personInCharge: string;
	dueDate: string;
	text: string;
};

const RESPONSIBLE = 'Responsable : ';
const DUE = 'Échéance : ';

function header(section: Section, withStatus: boolean): string {
	const parts = [section.ref];
	if (withStatus && section.status !== null) parts.push(CNIL_STATUS_LABELS[section.status] ?? '');
	if (withStatus && section.personInCharge) parts.push(RESPONSIBLE + section.personInCharge);
	if (withStatus && section.dueDate) parts.push(DUE + section.dueDate);
	return `[${parts.join(' · ')}]`;
}

/** Sections as one text; `withStatus` for the evaluation comment, not the action plan. */
export function formatSections(sections: readonly Section[], withStatus: boolean): string {
	return sections
		.map((s) => (s.text ? `${header(s, withStatus)}\n${s.text}` : header(s, withStatus)))
		.join('\n\n');
}

const HEADER_LINE = /^\[(\d\.\d(?:\.[^\s·\]]+)?)((?: · [^\n]*)?)\]$/;

/** Reads sections back; null when the text was not written by `formatSections`. */
export function parseSections(text: string | null | undefined): Section[] | null {
	if (!text) return null;
	const lines = text.split('\n');
	if (!HEADER_LINE.test(lines[0] ?? '')) return null;
	const sections: Section[] = [];
	let current: (Section & { body: string[] }) | null = null;
	const close = () => {
		if (!current) return;
		const body = current.body.join('\n').replace(/\n+$/, '');
		const { body: _ignored, ...rest } = current;
		void _ignored;
		sections.push({ ...rest, text: body });
	};
	for (const line of lines) {
		const m = HEADER_LINE.exec(line);
		if (m) {
			close();
			current = {
				ref: m[1] ?? '',
				status: null,
				personInCharge: '',
				dueDate: '',
				text: '',
				body: []
			};
			for (const part of (m[2] ?? '').split(' · ').slice(1)) {
				const status = (CNIL_STATUS_LABELS as readonly string[]).indexOf(part);
				if (status >= 0) current.status = status;
				else if (part.startsWith(RESPONSIBLE))
					current.personInCharge = part.slice(RESPONSIBLE.length);
				else if (part.startsWith(DUE)) current.dueDate = part.slice(DUE.length);
			}
		} else current?.body.push(line);
	}
	close();
	return sections;
}
