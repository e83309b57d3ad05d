import { contextSchema, type Context } from '../method/context';
import { principlesSchema, type Principles } from '../method/principles';
import { risksSchema, type Risk } from '../method/risks';
import { type Locale } from '../knowledge/localized';
import { EVALUATIONS } from '../method/steps';
import { joinParts, questionTexts } from './cnil-pia-texts';
import { textToHtml } from './html-text';
import { CNIL_ITEMS, PIA_CODE_FIELDS, PIA_TEXT_FIELDS } from './cnil-pia-format';
import { collectNotes, refKey, NOTE_PREFIX, type NoteRef } from './cnil-pia-notes';
import { parseSections, type Section } from './cnil-pia-sections';
import {
	CNIL_RISKS,
	cnilIdOfMeasure,
	splitJustification,
	type ImportedStep
} from './cnil-pia-mapping';

export type ExportStep = {
	data: unknown;
	status: string;
	evaluationComment: string | null;
	actionPlanComment: string | null;
};

export type ExportComment = { body: string; author: string; createdAt: string };

export type ExportInput = {
	piaId: number;
	title: string;
	createdAt: string;
	updatedAt: string;
	locale: Locale;
	steps: Partial<Record<ImportedStep, ExportStep>>;
	comments: Partial<Record<ImportedStep, ExportComment[]>>;
};

type AnswerData = { text: string | null; gauge: number | null; list: string[] };

// The CNIL codes follow the order of EVALUATIONS: 1 to correct, 2 improvable, 3 acceptable.
const STATUS_CODES: Record<string, number> = Object.fromEntries(
	EVALUATIONS.map((e, i) => [e, i + 1])
);

/** First questions of each step: where a native comment or evaluation is attached. */
const STEP_ITEMS: Record<ImportedStep, string[]> = {
	context: ['1.1', '1.2'],
	principles: [
		...CNIL_ITEMS['2.1'].map((q) => `2.1.${q}`),
		...CNIL_ITEMS['2.2'].map((q) => `2.2.${q}`)
	],
	risks: ['3.2', '3.3', '3.4']
};
const STEP_FIRST_QUESTION: Record<ImportedStep, number> = {
	context: 111,
	principles: 211,
	risks: 321
};
const GAUGE_QUESTIONS = new Set([325, 326, 335, 336, 345, 346]);
const LIST_QUESTIONS = new Set([321, 322, 323, 324, 331, 332, 333, 334, 341, 342, 343, 344]);

function parse<T>(
	schema: { safeParse: (v: unknown) => { success: boolean; data?: T } },
	data: unknown
): T | null {
	const result = schema.safeParse(data);
	return result.success ? (result.data as T) : null;
}

/**
 * The assessment as a CNIL PIA software file. Text imported from such a file goes back to
 * its question; structured workbench content is written out as readable lines in the
 * question that asks for it. Only the three CNIL feared events exist on the CNIL side.
 */
export function buildCnilPia(input: ExportInput) {
	const context = parse<Context>(contextSchema, input.steps.context?.data);
	const principles = parse<Principles>(principlesSchema, input.steps.principles?.data);
	const risks = parse<{ risks: Risk[] }>(risksSchema, input.steps.risks?.data)?.risks ?? [];

	const allBodies = (['context', 'principles', 'risks'] as const).flatMap((s) =>
		(input.comments[s] ?? []).map((c) => c.body)
	);
	const notes = collectNotes(allBodies);
	const noteText = (ref: NoteRef) => joinParts(notes.get(refKey(ref))?.texts ?? []);
	const q = (id: number) => noteText({ kind: 'question', id });
	const noteList = (id: number) =>
		(notes.get(`list:${id}`)?.texts ?? []).flatMap((text) => text.split('\n')).filter(Boolean);

	const texts = new Map<number, string>();
	const lists = new Map<number, string[]>();
	const gauges = new Map<number, number>();

	for (const [id, text] of questionTexts(context, principles, q, input.locale)) texts.set(id, text);

	// Measures: those of the three risks, then those only kept as notes.
	const measures: Array<{ id: number; title: string; content: string }> = [];
	const measureNumber = new Map<string, number>();
	const taken = new Set<number>();
	const allMeasures = CNIL_RISKS.flatMap(({ key }) =>
		risks
			.filter((r) => r.catalogueKey === key)
			.slice(0, 1)
			.flatMap((r) => r.measures)
	);
	for (const m of allMeasures) {
		const n = cnilIdOfMeasure(m.id);
		if (n !== null) taken.add(n);
	}
	for (const [, entry] of notes) {
		if (entry.ref.kind === 'measure' && /^\d+$/.test(entry.ref.id)) taken.add(Number(entry.ref.id));
	}
	let next = Math.max(100, ...taken) + 1;
	const numberFor = (id: string) => {
		const known = measureNumber.get(id);
		if (known !== undefined) return known;
		const n = cnilIdOfMeasure(id) ?? next++;
		measureNumber.set(id, n);
		return n;
	};
	for (const m of allMeasures) {
		if (measureNumber.has(m.id)) continue;
		const n = numberFor(m.id);
		measures.push({
			id: n,
			title: m.title,
			content: noteText({ kind: 'measure', id: String(n), title: '' })
		});
	}
	for (const [, entry] of notes) {
		if (entry.ref.kind !== 'measure') continue;
		const id = entry.ref.id;
		const n = /^\d+$/.test(id) ? Number(id) : null;
		if (n !== null && measures.some((m) => m.id === n)) continue;
		const number = n ?? next++;
		measures.push({ id: number, title: entry.ref.title, content: joinParts(entry.texts) });
	}

	// Risks (3.2–3.4)
	for (const { item, key } of CNIL_RISKS) {
		const ids = CNIL_ITEMS[item];
		const risk = risks.find((r) => r.catalogueKey === key);
		const [impacts, threats, sources, measuresQ, severity, likelihood] = ids;
		lists.set(impacts, [...(risk?.impacts ?? []), ...noteList(impacts)]);
		lists.set(threats, [...(risk?.threats ?? []), ...noteList(threats)]);
		lists.set(sources, [...(risk?.sources ?? []), ...noteList(sources)]);
		lists.set(measuresQ, [...(risk?.measures ?? []).map((m) => m.title), ...noteList(measuresQ)]);
		const just = splitJustification(risk?.justification ?? '');
		texts.set(severity, joinParts([just.severity, q(severity)]));
		texts.set(likelihood, joinParts([just.likelihood, q(likelihood)]));
		if (risk) {
			gauges.set(severity, risk.severity);
			gauges.set(likelihood, risk.likelihood);
		}
		for (const id of [impacts, threats, sources, measuresQ]) texts.set(id, q(id));
	}
	for (const id of new Set([...GAUGE_QUESTIONS, ...texts.keys()])) {
		if (!LIST_QUESTIONS.has(id)) lists.set(id, [...(lists.get(id) ?? []), ...noteList(id)]);
	}

	const answers = CNIL_ITEMS_ORDER.flatMap((id, index) => {
		const text = texts.get(id) ?? '';
		const list = lists.get(id) ?? [];
		const gauge = gauges.get(id) ?? 0;
		if (!text && !list.length && !gauge) return [];
		const data: AnswerData = LIST_QUESTIONS.has(id)
			? { text: text ? textToHtml(text) : null, gauge: null, list }
			: { text: text ? textToHtml(text) : '', gauge, list };
		return [
			{
				id: index + 1,
				pia_id: input.piaId,
				reference_to: id,
				data,
				created_at: input.createdAt,
				updated_at: input.updatedAt
			}
		];
	});

	// Evaluations
	const evaluations: Array<Record<string, unknown>> = [];
	const riskByItem = new Map<string, Risk | undefined>(
		CNIL_RISKS.map(({ item, key }) => [item, risks.find((r) => r.catalogueKey === key)])
	);
	const gaugesOf = (ref: string) => {
		const risk = riskByItem.get(ref);
		return risk ? { x: risk.residualSeverity, y: risk.residualLikelihood } : { x: 0, y: 0 };
	};
	const mapMeasureRef = (ref: string) => {
		const m = /^3\.1\.(.+)$/.exec(ref);
		if (!m) return ref;
		return `3.1.${measureNumber.get(`cnil-${m[1]}`) ?? m[1]}`;
	};
	for (const step of ['context', 'principles', 'risks'] as const) {
		const row = input.steps[step];
		if (!row) continue;
		const sections = parseSections(row.evaluationComment);
		const plans = new Map(
			(parseSections(row.actionPlanComment) ?? []).map((s) => [s.ref, s.text] as const)
		);
		let items: Section[];
		if (sections) items = sections;
		else {
			const code = STATUS_CODES[row.status];
			if (code === undefined && row.status !== 'review_requested') continue;
			items = STEP_ITEMS[step].map((ref, i) => ({
				ref,
				status: code ?? 0,
				personInCharge: '',
				dueDate: '',
				text: i === 0 ? (row.evaluationComment ?? '') : ''
			}));
			if (row.actionPlanComment) plans.set(STEP_ITEMS[step][0]!, row.actionPlanComment);
		}
		for (const s of items) {
			const status = s.status ?? 0;
			evaluations.push({
				id: evaluations.length + 1,
				pia_id: input.piaId,
				reference_to: mapMeasureRef(s.ref),
				status,
				evaluation_comment: s.text ? textToHtml(s.text) : null,
				action_plan_comment: plans.get(s.ref) ? textToHtml(plans.get(s.ref)!) : null,
				gauges: gaugesOf(s.ref),
				estimated_implementation_date: s.dueDate || null,
				person_in_charge: s.personInCharge || null,
				global_status: status > 0 ? 2 : 0,
				created_at: input.createdAt,
				updated_at: input.updatedAt
			});
		}
	}

	// Comments: those imported go back where they were; workbench comments to the step's first question.
	const comments: Array<Record<string, unknown>> = [];
	for (const [, entry] of notes) {
		for (const text of entry.texts) {
			if (entry.ref.kind === 'comment') {
				comments.push({ description: text, reference_to: entry.ref.id, for_measure: false });
			} else if (entry.ref.kind === 'measure_comment') {
				const n = measureNumber.get(`cnil-${entry.ref.id}`) ?? Number(entry.ref.id);
				comments.push({ description: text, reference_to: n, for_measure: true });
			}
		}
	}
	for (const step of ['context', 'principles', 'risks'] as const) {
		for (const c of input.comments[step] ?? []) {
			if (c.body.startsWith(NOTE_PREFIX)) continue;
			comments.push({
				description: `${c.author}, ${c.createdAt.slice(0, 10)} :\n${c.body}`,
				reference_to: STEP_FIRST_QUESTION[step],
				for_measure: false
			});
		}
	}

	const piaText = (field: string) => noteText({ kind: 'pia', field });
	const piaCode = (field: string) => {
		const raw = piaText(field);
		if (raw === 'true' || raw === 'false') return raw === 'true';
		return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
	};
	const pia: Record<string, unknown> = {
		id: input.piaId,
		name: piaText('name') || input.title,
		status: 0,
		dpo_status: 0,
		concerned_people_status: 0,
		concerned_people_searched_opinion: false,
		...Object.fromEntries(PIA_TEXT_FIELDS.map((f) => [f, piaText(f)])),
		is_example: 0,
		is_archive: 0,
		progress: 0,
		structure_id: null,
		structure_name: null,
		structure_sector_name: null,
		structure_data: null,
		created_at: input.createdAt,
		updated_at: input.updatedAt
	};
	for (const field of PIA_CODE_FIELDS) {
		const value = piaCode(field);
		if (value !== undefined) pia[field] = value;
	}

	return {
		pia,
		answers,
		measures: measures.map((m) => ({
			id: m.id,
			pia_id: input.piaId,
			title: m.title,
			content: m.content ? textToHtml(m.content) : '',
			placeholder: 'measures.default_placeholder',
			created_at: input.createdAt,
			updated_at: input.updatedAt
		})),
		evaluations,
		comments: comments.map((c, i) => ({
			id: i + 1,
			pia_id: input.piaId,
			...c,
			created_at: input.updatedAt,
			updated_at: input.updatedAt
		}))
	};
}

const CNIL_ITEMS_ORDER: readonly number[] = Object.values(CNIL_ITEMS).flat();
