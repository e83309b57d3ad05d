import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '$lib/domain/knowledge/countries';
import { countryOptions, countryOptionsHtml } from './step-form';

const optionsOf = (html: string) =>
	[...html.matchAll(/<option value="([A-Z]{2})"( selected)?>([^<]*)<\/option>/g)].map((m) => ({
		code: m[1],
		selected: !!m[2],
		// The only entity a country name needs here (Antigua & Barbuda): decoded back.
		name: m[3]!.replaceAll('&amp;', '&')
	}));

describe('countryOptionsHtml', () => {
	it('lists every country once, in the order and with the names of countryOptions', () => {
		for (const locale of ['fr', 'en'] as const) {
			const options = optionsOf(countryOptionsHtml(locale, null));
			expect(options).toHaveLength(COUNTRY_CODES.size);
			expect(options.map(({ code, name }) => ({ code, name }))).toEqual(countryOptions(locale));
			expect(options.some((o) => o.selected)).toBe(false);
		}
		expect(countryOptions('fr').find((c) => c.code === 'DE')?.name).toBe('Allemagne (DE)');
		expect(countryOptionsHtml('en', null)).toContain('>Antigua &amp; Barbuda (AG)<');
	});

	it('marks the chosen country, and only it; an unknown or odd value marks none', () => {
		const chosen = optionsOf(countryOptionsHtml('fr', 'US')).filter((o) => o.selected);
		expect(chosen.map((o) => o.code)).toEqual(['US']);
		for (const odd of ['XX', 'us', '"><script>', 42, undefined])
			expect(countryOptionsHtml('fr', odd)).not.toContain(' selected');
	});
});
