import { describe, expect, it } from 'vitest';
import {
	ACTOR_ROLE_LABELS,
	ASSET_TYPE_LABELS,
	DATA_SUBJECT_LABELS,
	LIFECYCLE_STAGE_LABELS,
	TRI_STATE_LABELS
} from './context-vocabulary';
import { HEALTH_EXCEPTION_LABELS, HEALTH_EXCEPTIONS, LEGAL_BASIS_LABELS } from './legal-bases';
import { isLocale, localize, translator, type Localized } from './localized';
import {
	MOTIF_DECISION_LABELS,
	PRACTITIONER_LABELS,
	SENSITIVITY_FLAG_INFO,
	VISIT_KIND_LABELS
} from './motif-vocabulary';
import {
	RIGHTS,
	TRANSFER_MECHANISM_LABELS,
	TRANSFER_OUTCOME_LABELS
} from './principles-vocabulary';
import { CLAUSE_STATUS_LABELS } from './processor-clauses';

function texts(value: unknown): Localized[] {
	if (value && typeof value === 'object') {
		if ('fr' in value && 'en' in value) return [value as Localized];
		return Object.values(value).flatMap(texts);
	}
	return [];
}

describe('catalogue labels', () => {
	const catalogues = {
		ACTOR_ROLE_LABELS,
		ASSET_TYPE_LABELS,
		DATA_SUBJECT_LABELS,
		LIFECYCLE_STAGE_LABELS,
		TRI_STATE_LABELS,
		HEALTH_EXCEPTION_LABELS,
		LEGAL_BASIS_LABELS,
		MOTIF_DECISION_LABELS,
		PRACTITIONER_LABELS,
		SENSITIVITY_FLAG_INFO,
		VISIT_KIND_LABELS,
		RIGHTS,
		TRANSFER_MECHANISM_LABELS,
		TRANSFER_OUTCOME_LABELS,
		CLAUSE_STATUS_LABELS
	};

	it.each(Object.entries(catalogues))('%s has non-empty French and English texts', (_, labels) => {
		const found = texts(labels);
		expect(found.length).toBeGreaterThan(0);
		for (const text of found) {
			expect(text.fr.trim()).not.toBe('');
			expect(text.en.trim()).not.toBe('');
		}
	});

	it('keys the art. 9(2) exceptions by their letter, a to j', () => {
		expect(HEALTH_EXCEPTIONS.map((key) => key[0])).toEqual([...'abcdefghij']);
		expect(HEALTH_EXCEPTIONS).toContain('h_health_care');
		expect(HEALTH_EXCEPTIONS).toContain('i_public_health');
		expect(HEALTH_EXCEPTIONS).toContain('a_explicit_consent');
	});
});

describe('localized helpers', () => {
	it('picks a language with French as fallback', () => {
		expect(localize({ fr: 'Oui', en: 'Yes' }, 'en')).toBe('Yes');
		expect(localize({ fr: 'Oui', en: '' }, 'en')).toBe('Oui');
		expect(translator('fr')('a', 'b')).toBe('a');
		expect(translator('en')('a', 'b')).toBe('b');
		expect(isLocale('en')).toBe(true);
		expect(isLocale('de')).toBe(false);
	});
});
