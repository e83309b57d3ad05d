import { describe, expect, it } from 'vitest';
import { SENSITIVITY_FLAG_INFO, SENSITIVITY_FLAGS } from '../knowledge/motif-vocabulary';
import {
	defaultDecision,
	motifSchema,
	motifsSchema,
	sensitiveOnline,
	warningsFor,
	type Motif
} from './motifs';

function motif(overrides: Partial<Motif> = {}): Motif {
	return {
		id: 'm1',
		service: 'Pédiatrie',
		reason: 'Suivi',
		practitioner: 'doctor',
		visit: 'follow_up',
		durationMin: 20,
		flags: [],
		reasonCollected: false,
		decision: 'online',
		rationale: '',
		...overrides
	};
}

describe('defaultDecision', () => {
	it('opens unflagged reasons online', () => {
		expect(defaultDecision([])).toBe('online');
	});

	it('keeps any flagged reason with the secretaries', () => {
		for (const flag of SENSITIVITY_FLAGS) expect(defaultDecision([flag])).toBe('kept');
		expect(defaultDecision(['oncology', 'minors'])).toBe('kept');
	});
});

describe('warningsFor', () => {
	it('warns about the parent’s phone for an abortion booked online', () => {
		const [warning] = warningsFor(motif({ flags: ['abortion'], decision: 'online' }));
		expect(warning?.fr).toContain('SMS');
		expect(warning?.fr).toContain('compte famille');
		expect(warning?.en).toContain('family account');
	});

	it('warns about a reminder before the diagnosis for oncology', () => {
		const [warning] = warningsFor(motif({ flags: ['oncology'], decision: 'online' }));
		expect(warning?.en).toContain('diagnosis');
	});

	it('gives one warning per flag, in catalogue order', () => {
		const warnings = warningsFor(
			motif({ flags: ['needs_triage', 'psychiatry', 'child_protection'], decision: 'online' })
		);
		expect(warnings).toEqual([
			SENSITIVITY_FLAG_INFO.psychiatry.warning,
			SENSITIVITY_FLAG_INFO.child_protection.warning,
			SENSITIVITY_FLAG_INFO.needs_triage.warning
		]);
	});

	it('raises nothing for kept or unflagged motifs', () => {
		expect(warningsFor(motif({ flags: ['abortion'], decision: 'kept' }))).toEqual([]);
		expect(warningsFor(motif({ flags: [], decision: 'online' }))).toEqual([]);
	});

	it('has a warning in both languages for every flag', () => {
		for (const flag of SENSITIVITY_FLAGS) {
			expect(SENSITIVITY_FLAG_INFO[flag].warning.fr.length).toBeGreaterThan(20);
			expect(SENSITIVITY_FLAG_INFO[flag].warning.en.length).toBeGreaterThan(20);
		}
	});
});

describe('motifSchema', () => {
	it('accepts a plain motif', () => {
		expect(motifSchema.safeParse(motif()).success).toBe(true);
	});

	it('bounds the duration between 5 and 240 whole minutes', () => {
		for (const durationMin of [5, 240]) {
			expect(motifSchema.safeParse(motif({ durationMin })).success).toBe(true);
		}
		for (const durationMin of [4, 241, 12.5]) {
			expect(motifSchema.safeParse(motif({ durationMin })).error?.issues[0]?.path).toEqual([
				'durationMin'
			]);
		}
	});

	it('rejects unknown enum values and repeated flags', () => {
		expect(motifSchema.safeParse({ ...motif(), practitioner: 'surgeon' }).success).toBe(false);
		expect(motifSchema.safeParse({ ...motif(), visit: 'second' }).success).toBe(false);
		expect(motifSchema.safeParse({ ...motif(), flags: ['gossip'] }).success).toBe(false);
		expect(
			motifSchema.safeParse(motif({ flags: ['minors', 'minors'], decision: 'kept' })).error
				?.issues[0]
		).toMatchObject({ code: 'custom', path: ['flags', 1] });
	});

	it('requires a rationale to open a sensitive motif online', () => {
		const risky = motif({ flags: ['oncology'], decision: 'online' });
		expect(motifSchema.safeParse(risky).error?.issues).toMatchObject([
			{ code: 'too_small', path: ['rationale'] }
		]);
		expect(
			motifSchema.safeParse({ ...risky, rationale: 'Follow-up only, diagnosis already known' })
				.success
		).toBe(true);
		expect(motifSchema.safeParse(motif({ flags: ['oncology'], decision: 'kept' })).success).toBe(
			true
		);
	});
});

describe('motifsSchema', () => {
	it('refuses duplicate ids', () => {
		const parsed = motifsSchema.safeParse({ rows: [motif(), motif()] });
		expect(parsed.error?.issues).toMatchObject([{ code: 'custom', path: ['rows', 1, 'id'] }]);
	});

	it('caps the table at 500 rows', () => {
		const rows = Array.from({ length: 501 }, (_, i) => motif({ id: `m${i}` }));
		expect(motifsSchema.safeParse({ rows }).success).toBe(false);
		expect(motifsSchema.safeParse({ rows: rows.slice(0, 500) }).success).toBe(true);
	});
});

describe('sensitiveOnline', () => {
	it('lists flagged motifs opened online', () => {
		const rows = [
			motif({ id: 'a' }),
			motif({ id: 'b', flags: ['minors'], decision: 'kept' }),
			motif({ id: 'c', flags: ['minors'], decision: 'online', rationale: 'why' })
		];
		expect(sensitiveOnline(rows).map((row) => row.id)).toEqual(['c']);
	});
});
