import { emptyProcessorContract, type Principles } from '../method/principles';
import type { Context } from '../method/context';
import { LIMITS } from '../method/fields';
import type { Measure, Risk, Risks } from '../method/risks';
import type { MeasureKind } from '../knowledge/risks/types';
import { translator, type Locale } from '../knowledge/localized';
import { htmlToText, normaliseText } from './html-text';
import {
	PIA_CODE_FIELDS,
	PIA_TEXT_FIELDS,
	danglingReferences,
	type CnilAnswer,
	type CnilEvaluation,
	type CnilPiaFile
} from './cnil-pia-format';
import { makeNotes, noteLabel, type NoteRef } from './cnil-pia-notes';
import { planRisk, titleKey, type RiskSources } from './cnil-pia-import-risk';
import type { ImportReport } from './cnil-pia-report';
import {
	orphanEvaluationText,
	planEvaluations,
	type PlannedEvaluations
} from './cnil-pia-evaluations';
import { MAX_NOTES, ImportLimitError, checkLength, checkSources } from './cnil-pia-limits';
import {
	CNIL_RISKS,
	PRINCIPLES_FIELDS,
	measureIdOf,
	stepOfReference,
	type ImportedStep
} from './cnil-pia-mapping';

export type { StepEvaluationStatus } from './cnil-pia-evaluations';

export type ImportPlan = {
	title: string;
	description: string;
	steps: { context: Context; principles: Principles; risks: Risks };
	/** Steps that received any content, i.e. start "in progress" rather than "not started". */
	touched: ImportedStep[];
	evaluations: PlannedEvaluations;
	/** Step comments, in order, each at most NOTE_MAX characters. */
	notes: Array<{ step: ImportedStep; body: string }>;
	/** What went where, for the import report page. */
	report: ImportReport;
};

const TITLE_MAX = 200;

function emptyContext(): Context {
	return {
		description: '',
		purposes: [],
		dataInventory: [],
		dataSubjects: { kinds: [], notes: '' },
		actors: [],
		lifecycle: { collection: '', import: '', storage: '', reminders: '', deletion: '' },
		assets: []
	};
}

function emptyPrinciples(): Principles {
	return {
		minimisation: [],
		accuracy: '',
		retention: [],
		rights: {
			information: '',
			access: '',
			rectification: '',
			erasure: '',
			restriction_objection: '',
			portability: ''
		},
		processorContract: emptyProcessorContract(),
		transfers: []
	};
}

/** The CNIL placeholder slug tells the kind of a knowledge-base measure (PIA_TEC_…, PIA_ORG_…). */
function measureKind(placeholder: string | null | undefined): MeasureKind {
	const slug = /PIA_([A-Z]+)_/.exec(placeholder ?? '')?.[1];
	if (slug === 'ORG' || slug === 'GOUV') return 'organisational';
	if (slug === 'LGL' || slug === 'JUR') return 'legal';
	return 'technical';
}

/**
 * Maps a validated CNIL PIA file onto the workbench's steps. Pure: the server writes the
 * plan in one transaction. Every text of the file ends up either in a step field or in a
 * note (see docs/cnil-pia-mapping.md for the table).
 */
export function planImport(file: CnilPiaFile, locale: Locale): ImportPlan {
	checkSources(file);
	const t = translator(locale);
	const notes: ImportPlan['notes'] = [];
	const report = {
		fields: [] as number[],
		risks: [] as string[],
		attached: 0,
		orphans: 0,
		warnings: 0
	};
	const note = (step: ImportedStep, ref: NoteRef, text: string) => {
		checkLength(noteLabel(ref), text);
		if (ref.kind === 'warning') report.warnings++;
		if (ref.kind === 'orphan') report.orphans++;
		for (const body of makeNotes(ref, text)) notes.push({ step, body });
		// Refused as soon as the count is over, before building the rest.
		if (notes.length > MAX_NOTES) {
			throw new ImportLimitError({ code: 'too_many_notes', count: notes.length, max: MAX_NOTES });
		}
	};
	const answers = new Map<number, CnilAnswer>(file.answers.map((a) => [a.reference_to, a]));
	const used = new Set<number>();
	const textOf = (id: number) => htmlToText(answers.get(id)?.data.text);
	const listOf = (id: number) =>
		(answers.get(id)?.data.list ?? []).map(normaliseText).filter((item) => item !== '');

	const context = emptyContext();
	const principles = emptyPrinciples();

	/** Puts a text answer in a field when it fits, else keeps it as a note. */
	const intoField = (step: ImportedStep, id: number, max: number, set: (text: string) => void) => {
		const text = textOf(id);
		used.add(id);
		if (!text) return;
		if ([...text].length <= max) {
			set(text);
			report.fields.push(id);
		} else note(step, { kind: 'question', id }, text);
	};

	intoField('context', 111, LIMITS.long, (text) => (context.description = text));
	for (const [id, key] of PRINCIPLES_FIELDS) {
		intoField('principles', id, LIMITS.text, (text) => {
			if (key === 'accuracy') principles.accuracy = text;
			else principles.rights[key] = text;
		});
	}

	// Measures of section 3.1: attached to the risks that list them; the CNIL description
	// has no field in a workbench measure and is kept as a note on the risks step.
	const measures = file.measures.map((m) => ({
		source: m,
		measure: {
			id: measureIdOf(m.id),
			title: measureTitle(m.id, m.title),
			kind: measureKind(m.placeholder),
			state: 'existing',
			owner: '',
			dueDate: '',
			status: 'done'
		} satisfies Measure,
		attached: false
	}));

	/** A workbench measure title is at most LIMITS.text: a longer one is cut, and said so. */
	function measureTitle(id: string | number, raw: string | null | undefined): string {
		const title = normaliseText(raw ?? '');
		if (!title) return t(`Mesure ${id}`, `Measure ${id}`);
		const chars = [...title];
		if (chars.length <= LIMITS.text) return title;
		note(
			'risks',
			{ kind: 'warning' },
			t(
				`Mesure ${id} : titre de ${chars.length} caractères, coupé à ${LIMITS.text} ; titre complet :\n${title}`,
				`Measure ${id}: title of ${chars.length} characters, cut to ${LIMITS.text}; full title:\n${title}`
			)
		);
		return chars.slice(0, LIMITS.text).join('').trim();
	}

	// One lookup per title (first measure of a title wins, as a search in file order would):
	// comparing every listed title with every measure was list × measures.
	const measuresByTitle = new Map<string, (typeof measures)[number]>();
	for (const m of measures) {
		const key = titleKey(m.source.title ?? '');
		if (!measuresByTitle.has(key)) measuresByTitle.set(key, m);
	}

	const dangling = danglingReferences(file);
	const danglingEvaluations = new Set(
		dangling.filter((d) => d.what === 'evaluation').map((d) => d.index)
	);
	const danglingComments = new Set(
		dangling.filter((d) => d.what !== 'evaluation').map((d) => d.index)
	);
	const evaluationsKept = file.evaluations.filter((_, i) => !danglingEvaluations.has(i));

	const evaluationsByRef = new Map<string, CnilEvaluation>();
	for (const e of evaluationsKept) evaluationsByRef.set(e.reference_to, e);

	const risks: Risk[] = [];
	const risksFrom: RiskSources = {
		t,
		locale,
		note,
		answers,
		used,
		report,
		textOf,
		listOf,
		measuresByTitle
	};
	for (const cnilRisk of CNIL_RISKS) {
		const risk = planRisk(risksFrom, cnilRisk, evaluationsByRef.get(cnilRisk.item));
		if (risk) risks.push(risk);
	}

	// Text answers with no field of their own, in question order.
	for (const answer of [...file.answers].sort((a, b) => a.reference_to - b.reference_to)) {
		const id = answer.reference_to;
		const step = stepOfReference(String(id));
		if (!used.has(id)) {
			const text = textOf(id);
			if (text) note(step, { kind: 'question', id }, text);
		}
		if (
			!used.has(id) ||
			![321, 322, 323, 324, 331, 332, 333, 334, 341, 342, 343, 344].includes(id)
		) {
			const list = listOf(id);
			if (list.length) note(step, { kind: 'list', id }, list.join('\n'));
		}
	}

	for (const m of measures) {
		const content = htmlToText(m.source.content);
		if (content || !m.attached) {
			note('risks', { kind: 'measure', id: String(m.source.id), title: m.measure.title }, content);
		}
	}

	for (const [index, c] of file.comments.entries()) {
		if (danglingComments.has(index)) continue;
		const text = normaliseText(c.description ?? '');
		if (!text) continue;
		if (c.for_measure) note('risks', { kind: 'measure_comment', id: String(c.reference_to) }, text);
		else {
			const id = Number(c.reference_to);
			note(stepOfReference(String(id)), { kind: 'comment', id }, text);
		}
	}

	const pia = file.pia as Record<string, unknown>;
	const name = normaliseText(file.pia.name).replace(/\n/g, ' ');
	if ([...name].length > TITLE_MAX) note('context', { kind: 'pia', field: 'name' }, name);
	for (const field of PIA_TEXT_FIELDS) {
		const value = pia[field];
		const text = typeof value === 'string' ? normaliseText(value) : '';
		if (text) note('context', { kind: 'pia', field }, text);
	}
	for (const field of PIA_CODE_FIELDS) {
		const value = pia[field];
		if (typeof value === 'number' || typeof value === 'boolean') {
			note('context', { kind: 'pia', field }, String(value));
		}
	}

	// References pointing nowhere: kept whole as a labelled note on the step they name.
	for (const d of dangling) {
		const ref: NoteRef = { kind: 'orphan', what: d.what, ref: d.ref };
		if (d.what === 'evaluation') {
			const e = file.evaluations[d.index]!;
			note(stepOfReference(d.ref), ref, orphanEvaluationText(e));
		} else {
			const c = file.comments[d.index]!;
			const step = d.what === 'measure_comment' ? 'risks' : stepOfReference(d.ref);
			note(step, ref, normaliseText(c.description ?? ''));
		}
	}

	for (const e of evaluationsKept) {
		checkLength(`évaluation ${e.reference_to}`, e.evaluation_comment ?? '');
		checkLength(`évaluation ${e.reference_to}`, e.action_plan_comment ?? '');
	}
	const evaluations = planEvaluations(evaluationsKept);
	report.attached = measures.filter((m) => m.attached).length;
	const steps = { context, principles, risks: { risks } };
	const empty = { context: emptyContext(), principles: emptyPrinciples(), risks: { risks: [] } };
	const touched = (['context', 'principles', 'risks'] as const).filter(
		(step) =>
			notes.some((n) => n.step === step) ||
			evaluations[step] !== undefined ||
			JSON.stringify(steps[step]) !== JSON.stringify(empty[step])
	);

	return {
		title: [...name].slice(0, TITLE_MAX).join('') || t('PIA importé', 'Imported PIA'),
		description: t(
			'Analyse importée d’un fichier du logiciel PIA de la CNIL.',
			'Assessment imported from a CNIL PIA software file.'
		),
		steps,
		touched,
		evaluations,
		notes,
		report: {
			counts: {
				answers: file.answers.length,
				measures: file.measures.length,
				evaluations: file.evaluations.length,
				comments: file.comments.length
			},
			fields: report.fields.sort((a, b) => a - b),
			risks: report.risks,
			measuresAttached: report.attached,
			evaluated: (['context', 'principles', 'risks'] as const).filter((s) => evaluations[s]),
			notes: notes.length,
			orphans: report.orphans,
			warnings: report.warnings
		}
	};
}
