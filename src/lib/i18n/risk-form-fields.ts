/**
 * A risk as the form fields its editor (RiskBlock) would submit untouched, for the risks
 * page's summaries: a risk not being edited travels in the step form as hidden fields, so
 * that one save still writes the whole step (its version check included) while the page
 * renders one full editor instead of one per risk (issue 13: the risks page was the
 * heaviest to render).
 *
 * Each field reads the value the way the browser would submit it from the editor: a select
 * or radio holding a value it does not offer submits "" or nothing, a text input drops line
 * breaks, a date input drops what is not a date.
 */
import { RISK_CATEGORIES, MEASURE_KINDS } from '$lib/domain/knowledge/risks/types';
import { MEASURE_STATES, MEASURE_STATUSES } from '$lib/domain/method/measure-states';
import type { Measure, Risk } from '$lib/domain/method/risks';
import { linesOf, rowsOf, text } from './step-form';

export type FormField = readonly [name: string, value: string];

const SCALE = new Set<unknown>([1, 2, 3, 4]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a `<select>` submits: the value when it is one of its options, else the blank one. */
const option = (allowed: readonly string[], value: unknown): string =>
	typeof value === 'string' && allowed.includes(value) ? value : '';
/** What an `<input type="text">` submits: its value without line breaks. */
const line = (value: unknown): string => text(value).replace(/[\r\n]/g, '');
/** What an `<input type="date">` submits: a yyyy-mm-dd value, else nothing typed. */
const date = (value: unknown): string => {
	const v = text(value);
	if (!DATE.test(v)) return '';
	const day = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === v ? v : '';
};

export function riskFormFields(risk: Partial<Risk>, index: number): FormField[] {
	const p = `risks.${index}`;
	const fields: FormField[] = [
		[`${p}.id`, text(risk.id)],
		[`${p}.catalogueKey`, text(risk.catalogueKey)],
		[`${p}.title`, line(risk.title)],
		[`o:${p}.category`, option(RISK_CATEGORIES, risk.category)],
		[`${p}.description`, text(risk.description)],
		[`l:${p}.sources`, linesOf(risk.sources)],
		[`l:${p}.threats`, linesOf(risk.threats)],
		[`l:${p}.impacts`, linesOf(risk.impacts)]
	];
	// A radio group with no radio checked submits nothing.
	const scale = (field: keyof Risk) => {
		const value = risk[field];
		if (SCALE.has(value)) fields.push([`n:${p}.${field}`, String(value)]);
	};
	scale('severity');
	scale('likelihood');
	fields.push([`${p}.justification`, text(risk.justification)]);
	const measures = rowsOf<Measure>(risk.measures);
	measures.forEach((measure, j) => {
		const q = `${p}.measures.${j}`;
		fields.push(
			[`${q}.id`, text(measure.id)],
			[`${q}.title`, line(measure.title)],
			[`o:${q}.kind`, option(MEASURE_KINDS, measure.kind)],
			[`o:${q}.state`, option(MEASURE_STATES, measure.state)],
			[`${q}.owner`, line(measure.owner)],
			[`${q}.dueDate`, date(measure.dueDate)],
			[`o:${q}.status`, option(MEASURE_STATUSES, measure.status)]
		);
	});
	// The editor's blank row: read as no measure, it makes an empty list a list.
	fields.push([`${p}.measures.${measures.length}.title`, '']);
	scale('residualSeverity');
	scale('residualLikelihood');
	fields.push([`${p}.residualReason`, text(risk.residualReason)]);
	return fields;
}
