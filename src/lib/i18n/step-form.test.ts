import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryOptions } from '$lib/domain/knowledge/countries';
import { countryDatalistHtml } from './step-form';

describe('countryDatalistHtml', () => {
	it('suggests every country once, with the names and in the order of countryOptions', () => {
		for (const locale of ['fr', 'en'] as const) {
			const values = [
				...countryDatalistHtml(locale).matchAll(/<option value="([^"]*)"><\/option>/g)
			]
				// The only entity a country name needs here (Antigua & Barbuda): decoded back.
				.map((m) => m[1]!.replaceAll('&amp;', '&'));
			expect(values).toHaveLength(COUNTRY_CODES.size);
			expect(values).toEqual(countryOptions(locale).map((c) => c.name));
		}
		expect(countryDatalistHtml('en')).toContain('value="Antigua &amp; Barbuda (AG)"');
	});
});
