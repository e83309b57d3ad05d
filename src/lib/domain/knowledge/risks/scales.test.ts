import { describe, expect, it } from 'vitest';
import { localizedSchema } from './localized';
import { LEVEL_LABELS, LIKELIHOOD_SCALE, SEVERITY_SCALE, scaleEntry } from './scales';

describe('CNIL scales', () => {
	it('label the four levels as the CNIL PIA method does', () => {
		expect(Object.values(LEVEL_LABELS)).toEqual([
			{ fr: 'Négligeable', en: 'Negligible' },
			{ fr: 'Limitée', en: 'Limited' },
			{ fr: 'Importante', en: 'Significant' },
			{ fr: 'Maximale', en: 'Maximum' }
		]);
	});

	it.each([
		['severity', SEVERITY_SCALE],
		['likelihood', LIKELIHOOD_SCALE]
	] as const)('%s: values 1–4 in order, each with its own definition', (axis, scale) => {
		expect(scale.map((e) => [e.value, e.name])).toEqual([
			[1, 'negligible'],
			[2, 'limited'],
			[3, 'significant'],
			[4, 'maximum']
		]);
		for (const e of scale) expect(localizedSchema.safeParse(e.definition).success).toBe(true);
		expect(new Set(scale.map((e) => e.definition.fr)).size).toBe(4);
		expect(scaleEntry(axis, 3)).toBe(scale[2]);
	});

	it('describes severity as impact on people and likelihood as feasibility for sources', () => {
		expect(SEVERITY_SCALE[0]?.definition.en).toMatch(/people/i);
		expect(LIKELIHOOD_SCALE[0]?.definition.en).toMatch(/risk sources/i);
	});
});
