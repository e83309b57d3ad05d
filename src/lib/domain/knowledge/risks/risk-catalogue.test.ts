import { describe, expect, it } from 'vitest';
import { BENEFIT_CATALOGUE } from './benefit-catalogue';
import { localizedSchema, type Localized } from './localized';
import { MEASURES } from './measures';
import { getRisk, isRiskKey, RISK_CATALOGUE, RISK_CATEGORIES, RISK_KEYS } from './risk-catalogue';
import { SCENARIO_OPTION_GROUPS } from './scenario-options';
import { isScale, SEVERITY_SCALE } from './scales';

const valid = (text: Localized) => localizedSchema.safeParse(text).success;

describe('risk catalogue', () => {
	it('lists the named risks, then the CNIL feared events, then the others', () => {
		expect(RISK_CATALOGUE.map((r) => r.key)).toEqual([...RISK_KEYS]);
		expect(RISK_KEYS.slice(0, 7)).toEqual([
			'historical_import',
			'us_hosting_cloud_act',
			'reminder_confidentiality',
			'vendor_lockin',
			'illegitimate_access',
			'unwanted_modification',
			'data_disappearance'
		]);
		expect(RISK_KEYS).toHaveLength(13);
	});

	it.each(RISK_CATALOGUE.map((r) => [r.key, r] as const))('%s is complete', (_key, risk) => {
		expect(RISK_CATEGORIES).toContain(risk.category);
		for (const text of [risk.title, risk.description, risk.suggested.justification]) {
			expect(valid(text)).toBe(true);
		}
		for (const list of [risk.riskSources, risk.threats, risk.impacts, risk.measures]) {
			expect(list.length).toBeGreaterThan(0);
		}
		for (const text of [...risk.riskSources, ...risk.threats, ...risk.impacts]) {
			expect(valid(text)).toBe(true);
		}
		expect(isScale(risk.suggested.severity) && isScale(risk.suggested.likelihood)).toBe(true);
		expect(new Set(risk.measures.map((m) => m.key)).size).toBe(risk.measures.length);
	});

	it('shares one object per measure key', () => {
		const all = Object.values(MEASURES);
		expect(new Set(all.map((m) => m.key)).size).toBe(all.length);
		for (const m of all) expect(valid(m.title)).toBe(true);
		for (const m of RISK_CATALOGUE.flatMap((r) => r.measures)) expect(all).toContain(m);
	});

	it('looks risks up by key', () => {
		expect(getRisk('vendor_lockin').category).toBe('dependency');
		expect(isRiskKey('data_sale')).toBe(true);
		expect(isRiskKey('dataSale')).toBe(false);
	});

	it('stays vendor-neutral', () => {
		const everything = JSON.stringify([
			RISK_CATALOGUE,
			BENEFIT_CATALOGUE,
			SCENARIO_OPTION_GROUPS,
			SEVERITY_SCALE,
			MEASURES
		]);
		expect(everything).not.toMatch(/doctolib|maiia|keldoc|amazon|\baws\b|microsoft|azure/i);
	});
});
