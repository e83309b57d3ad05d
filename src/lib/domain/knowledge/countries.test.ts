import { describe, expect, it } from 'vitest';
import {
	COUNTRY_CODES,
	countryCodeOf,
	countryOptions,
	countryText,
	isCountryCode,
	isEeaCountry
} from './countries';
import { LOCALES } from './localized';

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

	it('names every country in each language, with its code, sorted by name', () => {
		for (const locale of LOCALES) {
			const options = countryOptions(locale);
			expect(options.map((o) => o.code).sort()).toEqual([...COUNTRY_CODES].sort());
			const names = options.map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, locale)));
		}
		expect(countryText('fr', 'DE')).toBe('Allemagne (DE)');
		expect(countryText('en', 'DE')).toBe('Germany (DE)');
	});

	it('reads back every suggestion, name and code, in either language, as its code', () => {
		for (const locale of LOCALES) {
			for (const { code, name } of countryOptions(locale)) {
				expect(countryCodeOf(name)).toBe(code);
				expect(countryCodeOf(name.replace(/ \([A-Z]{2}\)$/, ''))).toBe(code);
				expect(countryCodeOf(`  ${code.toLowerCase()} `)).toBe(code);
			}
		}
	});

	it('forgives case, accents and apostrophes in a typed name', () => {
		expect(countryCodeOf('etats-unis')).toBe('US');
		expect(countryCodeOf('ÉTATS UNIS')).toBe('US');
		expect(countryCodeOf('cote d’ivoire')).toBe('CI');
		expect(countryCodeOf("Côte d'Ivoire")).toBe('CI');
		expect(countryCodeOf('ireland')).toBe('IE');
	});

	it('names no country for other text, which the field shows again as typed', () => {
		for (const typed of ['', 'Narnia', 'XX', 'UK', '(XX)', 'Irlande (XX)', '<b>FR</b>'])
			expect(countryCodeOf(typed)).toBeNull();
		expect(countryText('fr', 'Narnia')).toBe('Narnia');
		expect(countryText('fr', '')).toBe('');
		expect(countryText('fr', 42)).toBe('');
	});
});
