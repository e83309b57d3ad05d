import type { RiskKey } from '../knowledge/risks/types';
import type { Rights } from '../method/principles';

/** The steps an import writes to. */
export type ImportedStep = 'context' | 'principles' | 'risks';

/** The CNIL method's three feared events are the catalogue's three feared-event risks. */
export const CNIL_RISKS = [
	{ item: '3.2', key: 'illegitimate_access' },
	{ item: '3.3', key: 'unwanted_modification' },
	{ item: '3.4', key: 'data_disappearance' }
] as const satisfies ReadonlyArray<{ item: '3.2' | '3.3' | '3.4'; key: RiskKey }>;

/**
 * Principles questions with a free-text field of their own. 223 and 224 each cover two of
 * our rights; the first holds the imported text, the export joins both.
 */
export const PRINCIPLES_FIELDS: ReadonlyArray<readonly [number, 'accuracy' | keyof Rights]> = [
	[214, 'accuracy'],
	[221, 'information'],
	[223, 'access'],
	[224, 'rectification'],
	[225, 'restriction_objection']
];

/** "111" or "2.1.211" or "3.1.104" → the step that holds it. */
export function stepOfReference(ref: string): ImportedStep {
	const first = ref.trim()[0];
	return first === '1' ? 'context' : first === '2' ? 'principles' : 'risks';
}

/** Workbench id of a CNIL measure; the export turns it back into the number. */
export function measureIdOf(cnilId: string | number): string {
	return `cnil-${String(cnilId)}`;
}

export function cnilIdOfMeasure(id: string): number | null {
	const m = /^cnil-(\d+)$/.exec(id);
	return m ? Number(m[1]) : null;
}

/*
 * A workbench risk has one justification; the CNIL file justifies severity (3x5) and
 * likelihood (3x6) separately. Both go in, labelled, and come back out apart.
 */
const SEVERITY_LABEL = 'Gravité : ';
const LIKELIHOOD_LABEL = 'Vraisemblance : ';

export function joinJustification(severity: string, likelihood: string): string {
	return [severity && SEVERITY_LABEL + severity, likelihood && LIKELIHOOD_LABEL + likelihood]
		.filter(Boolean)
		.join('\n\n');
}

export function splitJustification(text: string): { severity: string; likelihood: string } {
	if (text.startsWith(LIKELIHOOD_LABEL)) {
		return { severity: '', likelihood: text.slice(LIKELIHOOD_LABEL.length) };
	}
	if (!text.startsWith(SEVERITY_LABEL)) return { severity: text, likelihood: '' };
	const rest = text.slice(SEVERITY_LABEL.length);
	const at = rest.indexOf(`\n\n${LIKELIHOOD_LABEL}`);
	if (at < 0) return { severity: rest, likelihood: '' };
	return {
		severity: rest.slice(0, at),
		likelihood: rest.slice(at + 2 + LIKELIHOOD_LABEL.length)
	};
}
