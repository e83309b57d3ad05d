import { emptyProcessorContract, type Principles } from '../method/principles';
import type { Context } from '../method/context';
import { LIMITS } from '../method/fields';
import type { Measure, Risk, Risks } from '../method/risks';
import type { MeasureKind } from '../knowledge/risks/types';
import { getRisk } from '../knowledge/risks/risk-catalogue';
import { localize, translator, type Locale } from '../knowledge/localized';
import type { Scale } from '../knowledge/risks/scales';
import { htmlToText, normaliseText } from './html-text';
import {
	CNIL_ITEMS,
	PIA_CODE_FIELDS,
	PIA_TEXT_FIELDS,
	type CnilAnswer,
	type CnilEvaluation,
	type CnilPiaFile
} from './cnil-pia-format';
import { makeNotes, type NoteRef } from './cnil-pia-notes';
import { formatSections, type Section } from './cnil-pia-sections';
import {
	CNIL_RISKS,
	PRINCIPLES_FIELDS,
	measureIdOf,
	joinJustification,
	stepOfReference,
	type ImportedStep
} from './cnil-pia-mapping';

export type StepEvaluationStatus = 'review_requested' | 'to_correct' | 'improvable' | 'acceptable';

export type ImportPlan = {
	title: string;
	description: string;
	steps: { context: Context; principles: Principles; risks: Risks };
	/** Steps that received any content, i.e. start "in progress" rather than "not started". */
	touched: ImportedStep[];
	evaluations: Partial<
		Record<
			ImportedStep,
			{ status: StepEvaluationStatus; evaluationComment: string; actionPlanComment: string }
		>
	>;
	/** Step comments, in order, each at most NOTE_MAX characters. */
	notes: Array<{ step: ImportedStep; body: string }>;
};

const TITLE_MAX = 200;
const TAG_MAX = LIMITS.short;
const TAGS_MAX = 50;

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

const sameTitle = (a: string, b: string) =>
	normaliseText(a).toLocaleLowerCase('fr') === normaliseText(b).toLocaleLowerCase('fr');

function isScale(value: number | null | undefined): value is Scale {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * Maps a validated CNIL PIA file onto the workbench's steps. Pure: the server writes the
 * plan in one transaction. Every text of the file ends up either in a step field or in a
 * note (see docs/cnil-pia-mapping.md for the table).
 */
export function planImport(file: CnilPiaFile, locale: Locale): ImportPlan {
	const t = translator(locale);
	const notes: ImportPlan['notes'] = [];
	const note = (step: ImportedStep, ref: NoteRef, text: string) => {
		for (const body of makeNotes(ref, text)) notes.push({ step, body });
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
		if ([...text].length <= max) set(text);
		else note(step, { kind: 'question', id }, text);
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
			title: normaliseText(m.title ?? '') || t(`Mesure ${m.id}`, `Measure ${m.id}`),
			kind: measureKind(m.placeholder),
			state: 'existing',
			owner: '',
			dueDate: '',
			status: 'done'
		} satisfies Measure,
		attached: false
	}));

	const evaluationsByRef = new Map<string, CnilEvaluation>();
	for (const e of file.evaluations) evaluationsByRef.set(e.reference_to, e);

	const risks: Risk[] = [];
	for (const { item, key } of CNIL_RISKS) {
		const ids = CNIL_ITEMS[item];
		const [impactsId, threatsId, sourcesId, measuresId, severityId, likelihoodId] = ids;
		const evaluation = evaluationsByRef.get(item);
		if (!ids.some((id) => answers.has(id)) && !evaluation) continue;
		ids.forEach((id) => used.add(id));
		const entry = getRisk(key);

		const tags = (id: number) => {
			const list = listOf(id);
			if (list.length <= TAGS_MAX && list.every((tag) => [...tag].length <= TAG_MAX)) return list;
			note('risks', { kind: 'list', id }, list.join('\n'));
			return [];
		};
		const riskMeasures: Measure[] = [];
		listOf(measuresId).forEach((title, n) => {
			const found = measures.find((m) => sameTitle(m.source.title ?? '', title));
			if (found) {
				found.attached = true;
				if (!riskMeasures.some((m) => m.id === found.measure.id)) riskMeasures.push(found.measure);
			} else if ([...title].length <= LIMITS.text) {
				riskMeasures.push({
					id: `cnil-${item}-${n + 1}`,
					title,
					kind: 'technical',
					state: 'existing',
					owner: '',
					dueDate: '',
					status: 'done'
				});
			} else note('risks', { kind: 'list', id: measuresId }, title);
		});

		const gauge = (id: number, fallback: Scale, what: string) => {
			const value = answers.get(id)?.data.gauge;
			if (isScale(value)) return value;
			note(
				'risks',
				{ kind: 'warning' },
				t(
					`${localize(entry.title, 'fr')} : ${what} non cotée dans le fichier (question ${id}) ; la valeur proposée par le catalogue (${fallback}) est retenue, à revoir.`,
					`${localize(entry.title, 'en')}: ${what} not rated in the file (question ${id}); the catalogue's suggested value (${fallback}) is used, to be reviewed.`
				)
			);
			return fallback;
		};
		const severity = gauge(severityId, entry.suggested.severity, t('gravité', 'severity'));
		const likelihood = gauge(
			likelihoodId,
			entry.suggested.likelihood,
			t('vraisemblance', 'likelihood')
		);
		const residualSeverity = isScale(evaluation?.gauges?.x) ? evaluation.gauges.x : severity;
		const residualLikelihood = isScale(evaluation?.gauges?.y) ? evaluation.gauges.y : likelihood;

		const justification = joinJustification(textOf(severityId), textOf(likelihoodId));
		const fits = [...justification].length <= LIMITS.text;
		if (!fits) {
			if (textOf(severityId))
				note('risks', { kind: 'question', id: severityId }, textOf(severityId));
			if (textOf(likelihoodId))
				note('risks', { kind: 'question', id: likelihoodId }, textOf(likelihoodId));
		}
		for (const id of [impactsId, threatsId, sourcesId, measuresId]) {
			// A list question carrying text too (not the software's own shape, but possible).
			if (textOf(id)) note('risks', { kind: 'question', id }, textOf(id));
		}
		risks.push({
			id: key,
			catalogueKey: key,
			title: localize(entry.title, locale),
			description: '',
			category: entry.category,
			impacts: tags(impactsId),
			threats: tags(threatsId),
			sources: tags(sourcesId),
			severity,
			likelihood,
			justification: fits ? justification : '',
			measures: riskMeasures,
			residualSeverity,
			residualLikelihood,
			residualReason:
				residualSeverity > severity || residualLikelihood > likelihood
					? t(
							'Cotation résiduelle de l’évaluateur, reprise du logiciel PIA de la CNIL.',
							'Residual rating by the evaluator, taken from the CNIL PIA software.'
						)
					: ''
		});
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

	for (const c of file.comments) {
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

	const evaluations = planEvaluations(file.evaluations);
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
		notes
	};
}

const VERDICTS = ['to_correct', 'improvable', 'acceptable'] as const;

/**
 * One verdict per step: the worst item verdict, or "review requested" while an item is
 * still pending in the software. Every item's texts stay in labelled sections.
 */
function planEvaluations(list: readonly CnilEvaluation[]): ImportPlan['evaluations'] {
	const out: ImportPlan['evaluations'] = {};
	for (const step of ['context', 'principles', 'risks'] as const) {
		const mine = list.filter((e) => stepOfReference(e.reference_to) === step);
		if (!mine.length) continue;
		const sections: Section[] = mine.map((e) => ({
			ref: e.reference_to,
			status: e.status,
			personInCharge: normaliseText(e.person_in_charge ?? '').replace(/\n/g, ' '),
			dueDate: normaliseText(e.estimated_implementation_date ?? '').replace(/\n/g, ' '),
			text: htmlToText(e.evaluation_comment)
		}));
		const plans = mine
			.map((e) => ({
				ref: e.reference_to,
				status: null,
				personInCharge: '',
				dueDate: '',
				text: htmlToText(e.action_plan_comment)
			}))
			.filter((s) => s.text !== '');
		const pending = mine.some((e) => e.status === 0);
		const worst = Math.min(...mine.map((e) => e.status).filter((s) => s > 0));
		out[step] = {
			status: pending || !Number.isFinite(worst) ? 'review_requested' : VERDICTS[worst - 1]!,
			evaluationComment: formatSections(sections, true),
			actionPlanComment: formatSections(plans, false)
		};
	}
	return out;
}
