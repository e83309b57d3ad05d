import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASURE_KINDS, RISK_CATEGORIES } from '$lib/domain/knowledge/risks/types';
import { MEASURE_STATES, MEASURE_STATUSES } from '$lib/domain/method/measure-states';
import { risksSchema, suggestedRisks, type Risk } from '$lib/domain/method/risks';
import { riskFormFields } from '$lib/i18n/risk-form-fields';
import { parseNestedForm } from './nested-form';

/**
 * The risks page sends the risks it does not show in an editor as hidden fields
 * (riskFormFields): read back by the server's form reader, they must give the risk again,
 * or saving the page would change risks nobody touched.
 */
const form = (fields: readonly (readonly [string, string])[]) => {
	const data = new FormData();
	for (const [name, value] of fields) data.append(name, value);
	return data;
};
const readBack = (risks: Partial<Risk>[]) =>
	parseNestedForm(form(risks.flatMap((r, i) => riskFormFields(r, i)))).risks;

/** Text as stored: any characters, line breaks included (not in one-line fields). */
const multiLine = fc.string({ unit: 'grapheme', maxLength: 40 });
const oneLine = multiLine.map((s) => s.replace(/[\r\n]/g, ' '));
const nonBlankLine = oneLine.filter((s) => s.trim() !== '');
/** A list item as the list field keeps it: trimmed, no separator inside. */
const item = oneLine.map((s) => s.replace(/;/g, ',').trim()).filter((s) => s !== '');
const scale = fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>;
const day = fc
	.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));

const measure = fc.record({
	id: nonBlankLine,
	title: oneLine,
	kind: fc.constantFrom(...MEASURE_KINDS),
	state: fc.constantFrom(...MEASURE_STATES),
	owner: oneLine,
	dueDate: fc.oneof(fc.constant(''), day),
	status: fc.constantFrom(...MEASURE_STATUSES)
});

const risk: fc.Arbitrary<Risk> = fc.record({
	id: nonBlankLine,
	catalogueKey: fc.constant('custom' as Risk['catalogueKey']),
	title: oneLine,
	description: multiLine,
	category: fc.constantFrom(...RISK_CATEGORIES),
	sources: fc.array(item, { maxLength: 3 }),
	threats: fc.array(item, { maxLength: 3 }),
	impacts: fc.array(item, { maxLength: 3 }),
	severity: scale,
	likelihood: scale,
	justification: multiLine,
	measures: fc.array(measure, { maxLength: 3 }),
	residualSeverity: scale,
	residualLikelihood: scale,
	residualReason: multiLine
});

describe('a risk sent as hidden fields', () => {
	it('reads back as the same risks, in the same order', () => {
		fc.assert(
			fc.property(fc.array(risk, { minLength: 1, maxLength: 4 }), (risks) => {
				expect(readBack(risks)).toEqual(risks);
			})
		);
	});

	it('reads back the catalogue risks of a new booking assessment unchanged', () => {
		for (const locale of ['fr', 'en'] as const) {
			const { risks } = suggestedRisks(locale);
			expect(risksSchema.parse({ risks: readBack(risks) })).toEqual({ risks });
		}
	});

	it('sends what the editor would for values it does not offer', () => {
		const odd = {
			id: 'r1',
			title: 'two\nlines',
			category: 'unknown',
			severity: 7,
			measures: [{ id: 'm1', title: 'x', kind: 'magic', dueDate: '2026-02-30' }]
		} as unknown as Partial<Risk>;
		const fields = Object.fromEntries(riskFormFields(odd, 0));
		expect(fields['risks.0.title']).toBe('twolines');
		expect(fields['o:risks.0.category']).toBe('');
		expect('n:risks.0.severity' in fields).toBe(false);
		expect(fields['o:risks.0.measures.0.kind']).toBe('');
		expect(fields['risks.0.measures.0.dueDate']).toBe('');
	});
});
