import { describe, expect, it } from 'vitest';
import { parsePath, readablePath, readableValue } from './content-paths';
import { diffContent } from './content-diff';

const before = {
	title: 'Prise de RDV',
	steps: {
		screening: { status: 'acceptable', data: { justification: 'a' } },
		context: { status: 'in_progress', data: { lifecycle: { reminders: 'SMS' } } },
		risks: {
			status: 'in_progress',
			data: { risks: [{ id: 'r-1', title: 'Import de l’historique', likelihood: 3 }] }
		},
		principles: { status: 'in_progress', data: { rights: { erasure: 'x' } } }
	}
};

describe('content paths in words', () => {
	it('parses keys, ids and positions', () => {
		expect(parsePath('steps.risks.data.risks[id=r-1].likelihood')).toEqual([
			{ key: 'steps' },
			{ key: 'risks' },
			{ key: 'data' },
			{ key: 'risks' },
			{ id: 'r-1' },
			{ key: 'likelihood' }
		]);
		expect(parsePath('a[2].b')).toEqual([{ key: 'a' }, { index: 2 }, { key: 'b' }]);
	});

	it('names steps by title, list items by their name and fields by their label', () => {
		const after = structuredClone(before);
		after.steps.screening.data.justification = 'b';
		after.steps.context.data.lifecycle.reminders = 'e-mail';
		after.steps.risks.data.risks[0]!.likelihood = 2;
		after.steps.principles.data.rights.erasure = 'y';
		after.steps.context.status = 'acceptable';
		const words = diffContent(before, after).map((c) =>
			readablePath(c.path, [before, after], 'fr')
		);
		expect(words).toEqual([
			'Contexte du traitement › Cycle de vie des données › Rappels',
			'Contexte du traitement › État',
			'Principes fondamentaux › Droits des personnes › Effacement (art. 17)',
			expect.stringMatching(/^.+ › Risques › « Import de l’historique » › Vraisemblance$/),
			'Faut-il une AIPD ? › Justification'
		]);
		for (const w of words) expect(w).not.toMatch(/steps\.|\.data|\[id=|_/);
		expect(readablePath('steps.screening.data.justification', [before], 'en')).toBe(
			'Is a DPIA required? › Justification'
		);
	});

	it('names a removed item from the older version, and an unknown one by position', () => {
		const after = structuredClone(before);
		after.steps.risks.data.risks = [];
		expect(readablePath('steps.risks.data.risks[id=r-1]', [before, after], 'fr')).toMatch(
			/« Import de l’historique »$/
		);
		expect(readablePath('steps.risks.data.risks[4]', [before, after], 'fr')).toMatch(/n° 5$/);
		// A field added by a later version of the app is still words, not code.
		expect(readablePath('steps.context.data.newField_name', [before], 'fr')).toBe(
			'Contexte du traitement › new field name'
		);
	});

	it('tells coded values by their label and leaves the rest as typed', () => {
		expect(readableValue('in_progress', 'fr')).not.toBe('in_progress');
		expect(readableValue(true, 'fr')).toBe('Oui');
		expect(readableValue('Texte saisi', 'fr')).toBe('Texte saisi');
		expect(readableValue(3, 'fr')).toBe(3);
	});
});
