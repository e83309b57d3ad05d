import { describe, expect, it } from 'vitest';
import { NATIONAL_LAW_GROUNDS } from './legal-bases';
import { TRANSFER_LAW } from './transfer-analysis';

describe('transfer and hosting law', () => {
	it('cites a source for every statement, in both languages', () => {
		for (const s of TRANSFER_LAW) {
			expect(s.text.fr.length, s.key).toBeGreaterThan(40);
			expect(s.text.en.length, s.key).toBeGreaterThan(40);
			expect(s.source.fr, s.key).toMatch(/\d/);
			expect(s.source.en, s.key).toMatch(/\d/);
		}
	});

	it('states the 2026 position: adequacy decision, Latombe dismissed, appeal pending, CLOUD Act outside it', () => {
		const sources = TRANSFER_LAW.map((s) => s.source.en).join(' | ');
		for (const ref of [
			'(EU) 2023/1795',
			'T-553/23',
			'C-703/25 P',
			'Executive Order 14086',
			'CLOUD Act',
			'Guidelines 05/2021',
			'Recommendations 01/2020',
			'no. 450163',
			'26 April 2024',
			'SecNumCloud'
		]) {
			expect(sources).toContain(ref);
		}
		const useCase6 = TRANSFER_LAW.find((s) => s.key === 'clear_text_use_case');
		expect(useCase6?.text.en).toContain('does not then lower the likelihood');
	});

	it('grounds the public task, the secrecy condition and minors’ confidential care in national law', () => {
		const articles = NATIONAL_LAW_GROUNDS.map((g) => g.articles).join(' ');
		for (const ref of ['L.6111-1', 'L.6112-1', '9.3', 'L.1110-4', 'L.1111-5']) {
			expect(articles).toContain(ref);
		}
	});
});
