import { describe, expect, it } from 'vitest';
import { FormShapeError, parseNestedForm } from './nested-form';

function form(entries: Array<[string, string]>): FormData {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

describe('parseNestedForm', () => {
	it('builds nested objects and arrays from dotted names', () => {
		const result = parseNestedForm(
			form([
				['description', 'Prise de RDV'],
				['purposes.0.text', 'Réserver'],
				['purposes.0.legalBasis', 'public_task'],
				['b:purposes.0.involvesHealthData', ''],
				['b:purposes.0.involvesHealthData', 'on'],
				['o:purposes.0.healthException', 'h_health_care'],
				['purposes.1.text', 'Rappeler'],
				['purposes.1.legalBasis', 'public_task'],
				['b:purposes.1.involvesHealthData', ''],
				['o:purposes.1.healthException', ''],
				['n:duration', '20'],
				['a:criteria', ''],
				['a:criteria', 'sensitive_data'],
				['a:criteria', 'large_scale'],
				['l:fields', 'IPP\nnom ; prénom\n\n'],
				['version', '3']
			])
		);
		expect(result).toEqual({
			description: 'Prise de RDV',
			purposes: [
				{
					text: 'Réserver',
					legalBasis: 'public_task',
					involvesHealthData: true,
					healthException: 'h_health_care'
				},
				{
					text: 'Rappeler',
					legalBasis: 'public_task',
					involvesHealthData: false,
					healthException: undefined
				}
			],
			duration: 20,
			criteria: ['sensitive_data', 'large_scale'],
			fields: ['IPP', 'nom', 'prénom']
		});
	});

	it('drops blank rows and rows ticked for removal, keeping the order', () => {
		const result = parseNestedForm(
			form([
				['rows.0.name', 'a'],
				['rows.1.name', 'b'],
				['_remove', 'rows.1'],
				['rows.2.name', ''],
				['rows.10.name', 'c']
			])
		);
		expect(result).toEqual({ rows: [{ name: 'a' }, { name: 'c' }] });
	});

	it('keeps a number typed wrong as typed, for the schema to refuse', () => {
		expect(parseNestedForm(form([['n:x', 'douze']]))).toEqual({ x: 'douze' });
		expect(parseNestedForm(form([['n:x', '1,5']]))).toEqual({ x: 1.5 });
	});

	it('reads a country field as its ISO code, or keeps the text for the schema to refuse', () => {
		expect(
			parseNestedForm(
				form([
					['c:a', 'Irlande (IE)'],
					['c:b', 'us'],
					['c:c', ' Narnia '],
					['c:d', '']
				])
			)
		).toEqual({ a: 'IE', b: 'US', c: 'Narnia', d: '' });
	});

	it('refuses prototype-polluting or conflicting names', () => {
		// Names starting with "_" are control fields (_remove) and never data.
		expect(parseNestedForm(form([['__proto__.x', '1']]))).toEqual({});
		expect(() => parseNestedForm(form([['a.__proto__.x', '1']]))).toThrow(FormShapeError);
		expect(() => parseNestedForm(form([['a.constructor.x', '1']]))).toThrow(FormShapeError);
		expect(() =>
			parseNestedForm(
				form([
					['a', '1'],
					['a.b', '2']
				])
			)
		).toThrow(FormShapeError);
		expect(() => parseNestedForm(form([['rows.99999999.x', '1']]))).toThrow(FormShapeError);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});
