import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { authorshipNoteOf, authorshipOf, mayLeadProject } from './authorship';

describe('authorship of the DPIA content', () => {
	it('is "mostly" exactly when more than half of the saves are the person’s', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('dpo', 'lead', 'rssi')), (authors) => {
				const a = authorshipOf(authors, 'dpo');
				const mine = authors.filter((x) => x === 'dpo').length;
				expect(a.mine).toBe(mine);
				expect(a.total).toBe(authors.length);
				expect(a.mostly).toBe(mine > authors.length - mine);
			})
		);
	});

	it('half is not most; no save is nobody’s work', () => {
		expect(authorshipOf(['dpo', 'lead'], 'dpo').mostly).toBe(false);
		expect(authorshipOf(['dpo', 'dpo', 'lead'], 'dpo').mostly).toBe(true);
		expect(authorshipOf([], 'dpo')).toEqual({ mine: 0, total: 0, mostly: false });
	});

	it('the project lead is on the controller’s side, never the auditor or the representative', () => {
		expect(mayLeadProject('contributor')).toBe(true);
		expect(mayLeadProject('dpo')).toBe(true);
		expect(mayLeadProject('auditor')).toBe(false);
		expect(mayLeadProject('representative')).toBe(false);
	});
});

describe('the authorship note of a signature', () => {
	it('is read back from the details it was stored in, and nothing else passes for one', () => {
		const note = { reason: 'Pas d’équipe projet', saves: 9, totalSaves: 10 };
		expect(authorshipNoteOf({ authorship: note })).toEqual(note);
		expect(authorshipNoteOf(null)).toBeNull();
		expect(authorshipNoteOf({ scenarioId: 's1' })).toBeNull();
		expect(authorshipNoteOf({ authorship: { reason: 'x' } })).toBeNull();
	});
});
