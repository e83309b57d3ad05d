/**
 * A change of the content told in the reader's words: the diff's internal path
 * (`steps.context.data.lifecycle.reminders`, `steps.risks.data.risks[id=…].likelihood`)
 * becomes "Contexte du traitement › Cycle de vie › Rappels" and "Risques › « Import de
 * l’historique » › Vraisemblance", and a coded value ("in_progress", "sccs", true) its
 * label. Keys come from the catalogues where they are catalogue keys (rights, art. 28
 * clauses, lifecycle stages, scenario option groups), otherwise from the field names below.
 */
import { localize, type Locale, type Localized } from './knowledge/localized';
import { STEPS, STEP_STATUS_LABELS } from './method/steps';
import {
	RIGHTS,
	TRANSFER_MECHANISM_LABELS,
	TRANSFER_OUTCOME_LABELS
} from './knowledge/principles-vocabulary';
import { CLAUSE_STATUS_LABELS, PROCESSOR_CLAUSES } from './knowledge/processor-clauses';
import {
	ACTOR_ROLE_LABELS,
	DATA_SUBJECT_LABELS,
	LIFECYCLE_STAGE_LABELS,
	TRI_STATE_LABELS
} from './knowledge/context-vocabulary';
import { SCENARIO_OPTION_GROUPS } from './knowledge/risks/scenario-options';
import { FIELD_LABELS } from './content-field-labels';

const fromEntries = <T>(entries: [string, T][]) => new Map<string, T>(entries);

const CATALOGUE_KEYS = fromEntries<Localized>([
	...Object.entries(RIGHTS).map(([k, v]) => [k, v.label] as [string, Localized]),
	...PROCESSOR_CLAUSES.map((c) => [c.key, c.label] as [string, Localized]),
	...Object.entries(LIFECYCLE_STAGE_LABELS).map(([k, v]) => [k, v.label] as [string, Localized]),
	...SCENARIO_OPTION_GROUPS.map((g) => [g.key, g.title] as [string, Localized])
]);

const STEP_TITLES = fromEntries<Localized>(STEPS.map((s) => [s.key, s.title]));

/** Coded values whose label a reader expects; user text that happens to match stays as typed elsewhere. */
const VALUE_LABELS = fromEntries<Localized>([
	...Object.entries(STEP_STATUS_LABELS),
	...Object.entries(CLAUSE_STATUS_LABELS),
	...Object.entries(TRANSFER_MECHANISM_LABELS),
	...Object.entries(TRANSFER_OUTCOME_LABELS),
	...Object.entries(TRI_STATE_LABELS),
	...Object.entries(ACTOR_ROLE_LABELS),
	...Object.entries(DATA_SUBJECT_LABELS)
]);

type Segment = { key: string } | { id: string } | { index: number };

/** `a.b[id=x][2].c` → [{key:a},{key:b},{id:x},{index:2},{key:c}]. */
export function parsePath(path: string): Segment[] {
	const out: Segment[] = [];
	for (const t of path.matchAll(/\[id=([^\]]*)\]|\[(\d+)\]|([^.[\]]+)/g)) {
		if (t[1] !== undefined) out.push({ id: t[1] });
		else if (t[2] !== undefined) out.push({ index: Number(t[2]) });
		else out.push({ key: t[3]! });
	}
	return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a reader calls a list item: its name, title or first words, never its id. */
function itemName(item: unknown): string | null {
	if (!isRecord(item)) return null;
	for (const field of ['name', 'title', 'label', 'recipient', 'category', 'metric', 'text']) {
		const v = item[field];
		if (typeof v === 'string' && v.trim()) {
			const text = v.trim();
			return text.length > 60 ? `${text.slice(0, 57)}…` : text;
		}
	}
	return null;
}

function keyLabel(key: string, parent: string | null, locale: Locale): string {
	if (parent === 'steps') {
		const step = STEP_TITLES.get(key);
		if (step) return localize(step, locale);
	}
	const known = CATALOGUE_KEYS.get(key) ?? FIELD_LABELS[key];
	if (known) return localize(known, locale);
	// An unknown key (a newer field): its words, without the code's punctuation.
	return key
		.replace(/_/g, ' ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase();
}

/**
 * The path in words. `contents` are the two versions compared: a list item is named from
 * whichever holds it (a removed risk exists only in the older one).
 */
export function readablePath(path: string, contents: unknown[], locale: Locale): string {
	const words: string[] = [];
	let nodes = contents;
	let parent: string | null = null;
	let n = 0;
	let inStep = false;
	for (const segment of parsePath(path)) {
		n++;
		if ('key' in segment) {
			nodes = nodes.map((x) => (isRecord(x) ? x[segment.key] : undefined));
			// `steps` and a step's `data` are containers, not things a reader names.
			const container =
				(segment.key === 'steps' && n === 1) || (segment.key === 'data' && n === 3 && inStep);
			if (n === 2) inStep = parent === 'steps';
			if (!container) words.push(keyLabel(segment.key, parent, locale));
			parent = segment.key;
		} else if ('id' in segment) {
			nodes = nodes.map((x) =>
				Array.isArray(x) ? x.find((i) => isRecord(i) && i.id === segment.id) : undefined
			);
			const name = nodes.map(itemName).find((v) => v !== null);
			words.push(name ? `« ${name} »` : `#${segment.id.slice(0, 8)}`);
			parent = null;
		} else {
			nodes = nodes.map((x) => (Array.isArray(x) ? x[segment.index] : undefined));
			const name = nodes.map(itemName).find((v) => v !== null);
			words.push(name ? `« ${name} »` : `n° ${segment.index + 1}`);
			parent = null;
		}
	}
	return words.join(' › ');
}

/** A coded value's label (a state, a mechanism, yes/no); anything else unchanged. */
export function readableValue(value: unknown, locale: Locale): unknown {
	if (value === true) return localize({ fr: 'Oui', en: 'Yes' }, locale);
	if (value === false) return localize({ fr: 'Non', en: 'No' }, locale);
	if (typeof value === 'string') {
		const label = VALUE_LABELS.get(value);
		if (label) return localize(label, locale);
	}
	return value;
}
