import { z } from 'zod';

/**
 * The JSON file the CNIL's PIA software exports and imports (LINCnil/pia), as far as the
 * workbench reads and writes it. Unknown extra fields (dbVersion, tableName, lock_version…)
 * are accepted and ignored: they vary between versions of the software.
 */

/** Question ids of the default structure, by item ("1.1" = section 1, item 1). */
export const CNIL_ITEMS = {
	'1.1': [111, 112, 113],
	'1.2': [121, 122, 123],
	'2.1': [211, 212, 213, 214, 215],
	'2.2': [221, 222, 223, 224, 225, 226, 227],
	'3.2': [321, 322, 323, 324, 325, 326],
	'3.3': [331, 332, 333, 334, 335, 336],
	'3.4': [341, 342, 343, 344, 345, 346]
} as const;

export type CnilItem = keyof typeof CNIL_ITEMS;

export const CNIL_QUESTION_IDS: readonly number[] = Object.values(CNIL_ITEMS).flat();

export function itemOfQuestion(id: number): CnilItem | undefined {
	return (Object.keys(CNIL_ITEMS) as CnilItem[]).find((item) =>
		(CNIL_ITEMS[item] as readonly number[]).includes(id)
	);
}

/** In the software, items of sections 1 and 3 are evaluated as a whole, section 2 per question. */
export const EVALUATION_REFERENCES: readonly string[] = [
	'1.1',
	'1.2',
	...CNIL_ITEMS['2.1'].map((q) => `2.1.${q}`),
	...CNIL_ITEMS['2.2'].map((q) => `2.2.${q}`),
	'3.2',
	'3.3',
	'3.4'
];

/** 0 = not rated yet in the software; 1 Négligeable … 4 Maximale. */
const gauge = z.number().int().min(0).max(4);
const nullableText = z.string().nullish();
const id = z.union([z.number(), z.string()]);

export const cnilAnswerSchema = z.looseObject({
	reference_to: z.coerce.number().int(),
	data: z.looseObject({
		text: nullableText,
		gauge: gauge.nullish(),
		list: z.array(z.string()).max(500).nullish()
	})
});

export const cnilMeasureSchema = z.looseObject({
	// The software numbers its measures; a long string id would not fit a workbench id.
	id: z.union([z.number(), z.string().max(64)]),
	title: nullableText,
	content: nullableText,
	placeholder: nullableText
});

export const cnilEvaluationSchema = z.looseObject({
	reference_to: z.string(),
	status: z.number().int().min(0).max(3),
	evaluation_comment: nullableText,
	action_plan_comment: nullableText,
	gauges: z.looseObject({ x: gauge.nullish(), y: gauge.nullish() }).nullish(),
	estimated_implementation_date: nullableText,
	person_in_charge: nullableText,
	global_status: z.number().int().nullish()
});

export const cnilCommentSchema = z.looseObject({
	description: nullableText,
	reference_to: z.union([z.number(), z.string()]),
	for_measure: z.boolean().nullish()
});

/** Text fields of the `pia` object that the workbench keeps (everything a person wrote). */
export const PIA_TEXT_FIELDS = [
	'author_name',
	'evaluator_name',
	'validator_name',
	'dpo_opinion',
	'dpos_names',
	'concerned_people_searched_content',
	'concerned_people_opinion',
	'people_names',
	'rejection_reason',
	'applied_adjustments',
	'category'
] as const;

export type PiaTextField = (typeof PIA_TEXT_FIELDS)[number];

/** Coded fields of `pia`, kept as a note so that an export gives them back. */
export const PIA_CODE_FIELDS = [
	'status',
	'dpo_status',
	'concerned_people_status',
	'concerned_people_searched_opinion'
] as const;

export type PiaCodeField = (typeof PIA_CODE_FIELDS)[number];

export const cnilPiaObjectSchema = z.looseObject({
	id: id.nullish(),
	name: z.string(),
	status: z.number().int().nullish(),
	dpo_status: z.number().int().nullish(),
	concerned_people_status: z.number().int().nullish(),
	concerned_people_searched_opinion: z.boolean().nullish(),
	...Object.fromEntries(PIA_TEXT_FIELDS.map((f) => [f, nullableText])),
	structure_name: nullableText,
	created_at: nullableText,
	updated_at: nullableText
});

export const cnilPiaFileSchema = z.looseObject({
	pia: cnilPiaObjectSchema,
	answers: z.array(cnilAnswerSchema).max(1000),
	measures: z.array(cnilMeasureSchema).max(1000).default([]),
	evaluations: z.array(cnilEvaluationSchema).max(2000).default([]),
	comments: z.array(cnilCommentSchema).max(5000).default([])
});

export type CnilAnswer = z.infer<typeof cnilAnswerSchema>;
export type CnilMeasure = z.infer<typeof cnilMeasureSchema>;
export type CnilEvaluation = z.infer<typeof cnilEvaluationSchema>;
export type CnilComment = z.infer<typeof cnilCommentSchema>;
export type CnilPiaFile = z.infer<typeof cnilPiaFileSchema>;

/**
 * Why a file is refused, as codes the UI translates; `details` names the culprits (paths,
 * ids) so that the user can fix the file in the CNIL software.
 */
export type CnilPiaProblem =
	| { code: 'not_json' }
	| { code: 'not_pia'; details: string[] }
	| { code: 'invalid'; details: string[] }
	| { code: 'unknown_questions'; details: string[] }
	| { code: 'duplicate_answers'; details: string[] }
	/** One text (answer, measure, comment…) longer than the import keeps; `details` names it. */
	| { code: 'text_too_long'; details: string[]; max: number }
	/** The file's texts would make more notes (step comments) than one import writes. */
	| { code: 'too_many_notes'; count: number; max: number };

/** Everything an import may be refused for, the file's content or its upload. */
export type ImportProblem =
	| CnilPiaProblem
	| { code: 'too_large'; max: number }
	| { code: 'no_file' }
	/** Reading the file went over the import's time or memory budget. */
	| { code: 'too_complex' };

const MAX_DETAILS = 20;

function limited(items: string[]): string[] {
	const unique = [...new Set(items)];
	return unique.length > MAX_DETAILS
		? [...unique.slice(0, MAX_DETAILS), `… (+${unique.length - MAX_DETAILS})`]
		: unique;
}

/** An evaluation, comment or measure comment whose reference points to nothing in the file. */
export type DanglingReference =
	| { what: 'evaluation'; index: number; ref: string }
	| { what: 'comment' | 'measure_comment'; index: number; ref: string };

/**
 * The references of a file that point nowhere. They do not make the file unreadable: the
 * CNIL's own example holds an evaluation of `3.1.[object Object]`. The import keeps each as
 * a labelled note and lists it in its report.
 */
export function danglingReferences(file: CnilPiaFile): DanglingReference[] {
	const measureIds = new Set(file.measures.map((m) => String(m.id)));
	const out: DanglingReference[] = [];
	file.evaluations.forEach((e, index) => {
		if (EVALUATION_REFERENCES.includes(e.reference_to)) return;
		const measure = /^3\.1\.(.+)$/.exec(e.reference_to);
		if (measure && measureIds.has(measure[1] ?? '')) return;
		out.push({ what: 'evaluation', index, ref: e.reference_to });
	});
	file.comments.forEach((c, index) => {
		const ref = String(c.reference_to);
		if (c.for_measure) {
			if (!measureIds.has(ref)) out.push({ what: 'measure_comment', index, ref });
		} else if (!CNIL_QUESTION_IDS.includes(Number(c.reference_to))) {
			out.push({ what: 'comment', index, ref });
		}
	});
	return out;
}

/**
 * Reads the text of an uploaded file as a CNIL PIA export. Refuses, with the reason, any
 * JSON that is not one (no `pia` object or no `answers`), wrong types, question ids outside
 * the default structure, and an answered question appearing twice (which answer would win
 * is not ours to guess). References pointing nowhere are not refused (danglingReferences).
 */
export function parseCnilPia(
	text: string
): { ok: true; file: CnilPiaFile } | { ok: false; problem: CnilPiaProblem } {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, problem: { code: 'not_json' } };
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { ok: false, problem: { code: 'not_pia', details: ['pia', 'answers'] } };
	}
	const missing = ['pia', 'answers'].filter(
		(key) => !Object.hasOwn(json as object, key) || (json as Record<string, unknown>)[key] == null
	);
	if (missing.length) return { ok: false, problem: { code: 'not_pia', details: missing } };

	const parsed = cnilPiaFileSchema.safeParse(json);
	if (!parsed.success) {
		const details = parsed.error.issues.map(
			(issue) => issue.path.map(String).join('.') || '(racine)'
		);
		return { ok: false, problem: { code: 'invalid', details: limited(details) } };
	}
	const file = parsed.data;

	const unknownQuestions = file.answers
		.map((a) => a.reference_to)
		.filter((ref) => !CNIL_QUESTION_IDS.includes(ref))
		.map(String);
	if (unknownQuestions.length) {
		return {
			ok: false,
			problem: { code: 'unknown_questions', details: limited(unknownQuestions) }
		};
	}
	const seen = new Set<number>();
	const duplicates: string[] = [];
	for (const answer of file.answers) {
		if (seen.has(answer.reference_to)) duplicates.push(String(answer.reference_to));
		seen.add(answer.reference_to);
	}
	if (duplicates.length) {
		return { ok: false, problem: { code: 'duplicate_answers', details: limited(duplicates) } };
	}

	return { ok: true, file };
}
