import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, isCountryCode, isEeaCountry } from './countries';

describe('countries', () => {
	it('holds the 249 officially assigned ISO 3166-1 alpha-2 codes', () => {
		expect(COUNTRY_CODES.size).toBe(249);
		for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
	});

	it('recognises codes case-sensitively', () => {
		expect(isCountryCode('FR')).toBe(true);
		expect(isCountryCode('US')).toBe(true);
		expect(isCountryCode('fr')).toBe(false);
		expect(isCountryCode('XX')).toBe(false);
		expect(isCountryCode('UK')).toBe(false);
	});

	it('tells EEA countries from third countries', () => {
		expect(isEeaCountry('FR')).toBe(true);
		expect(isEeaCountry('NO')).toBe(true);
		expect(isEeaCountry('RE')).toBe(true);
		expect(isEeaCountry('US')).toBe(false);
		expect(isEeaCountry('GB')).toBe(false);
		expect(isEeaCountry('CH')).toBe(false);
	});

	it('only lists valid codes as EEA members', () => {
		for (const code of ['AT', 'IS', 'LI', 'GF', 'AX']) expect(isCountryCode(code)).toBe(true);
	});
});
