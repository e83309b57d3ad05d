import { describe, expect, it } from 'vitest';
import {
	CATALOGUE_CHANGES,
	catalogueChangesSince,
	type CatalogueChange
} from './catalogue-changes';
import { isBenefitKey } from './risks/benefit-catalogue';
import { isRiskKey } from './risks/risk-catalogue';

const LOG: CatalogueChange[] = [
	{
		date: '2026-01-10',
		key: 'us_hosting_cloud_act',
		kind: 'revised',
		note: { fr: 'Ancienne révision', en: 'Old revision' }
	},
	{
		date: '2026-03-01',
		key: 'us_hosting_cloud_act',
		kind: 'revised',
		note: { fr: 'Sources mises à jour', en: 'Sources updated' }
	},
	{
		date: '2026-03-01',
		key: 'vendor_lockin',
		kind: 'revised',
		note: { fr: 'Mesures revues', en: 'Measures revised' }
	},
	{
		date: '2026-03-02',
		key: 'data_sale',
		kind: 'added',
		note: { fr: 'Nouveau risque', en: 'New risk' }
	}
];

describe('the catalogue changes a review lists', () => {
	it('lists revisions from the decision day on, of the entries the decided version used', () => {
		const used = new Set(['us_hosting_cloud_act', 'historical_import']);
		expect(catalogueChangesSince(LOG, '2026-03-01', used, 'fr')).toEqual([
			{
				kind: 'catalogue_revised',
				title: 'Hébergement chez un fournisseur soumis au droit américain (CLOUD Act)',
				date: '2026-03-01',
				note: 'Sources mises à jour'
			},
			expect.objectContaining({
				kind: 'catalogue_added',
				date: '2026-03-02',
				note: 'Nouveau risque'
			})
		]);
	});

	it('lists nothing for a decision after every change, and speaks the reader’s language', () => {
		expect(
			catalogueChangesSince(LOG, '2026-03-03', new Set(['us_hosting_cloud_act']), 'fr')
		).toEqual([]);
		const en = catalogueChangesSince(LOG, '2026-02-01', new Set(['vendor_lockin']), 'en');
		expect(en.map((c) => [c.kind, 'note' in c ? c.note : null])).toEqual([
			['catalogue_revised', 'Measures revised'],
			['catalogue_added', 'New risk']
		]);
	});

	it('holds only known entries, in date order, with both languages', () => {
		for (const c of CATALOGUE_CHANGES) {
			expect(isRiskKey(c.key) || isBenefitKey(c.key), c.key).toBe(true);
			expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(c.note.fr && c.note.en).toBeTruthy();
		}
		const dates = CATALOGUE_CHANGES.map((c) => c.date);
		expect(dates).toEqual([...dates].sort());
	});
});
