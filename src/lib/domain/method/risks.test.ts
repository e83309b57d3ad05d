import { describe, expect, it } from 'vitest';
import { newMeasureProblems, risksSchema, suggestedRisks, type Measure, type Risk } from './risks';

function risk(overrides: Partial<Risk> = {}): Risk {
	return {
		id: 'r1',
		catalogueKey: 'us_hosting_cloud_act',
		title: 'Hébergement',
		description: '',
		category: 'lawfulness',
		sources: [],
		threats: [],
		impacts: [],
		severity: 3,
		likelihood: 3,
		justification: '',
		measures: [],
		residualSeverity: 2,
		residualLikelihood: 2,
		residualReason: '',
		...overrides
	};
}

function measure(overrides: Partial<Measure> = {}): Measure {
	return {
		id: 'm1',
		title: 'Chiffrement',
		kind: 'technical',
		state: 'planned',
		owner: 'RSSI',
		dueDate: '2027-01-31',
		status: 'todo',
		...overrides
	};
}

const paths = (value: unknown) =>
	risksSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('risksSchema', () => {
	it('accepts a scored risk and the suggested risks unchanged', () => {
		expect(paths({ risks: [risk({ measures: [measure()] })] })).toEqual([]);
		for (const locale of ['fr', 'en'] as const) {
			const suggested = suggestedRisks(locale);
			expect(risksSchema.parse(suggested)).toEqual(suggested);
			expect(suggested.risks.slice(0, 4).map((r) => r.catalogueKey)).toEqual([
				'historical_import',
				'us_hosting_cloud_act',
				'reminder_confidentiality',
				'vendor_lockin'
			]);
		}
	});

	it.each([0, 5, 2.5, '3'])('refuses the score %s outside 1–4', (score) => {
		for (const field of ['severity', 'likelihood', 'residualSeverity', 'residualLikelihood']) {
			expect(paths({ risks: [risk({ [field]: score })] })).toContain(`risks.0.${field}`);
		}
	});

	it('refuses a residual above the initial without a reason', () => {
		const up = risk({ severity: 2, residualSeverity: 3, residualLikelihood: 3 });
		const parsed = risksSchema.safeParse({ risks: [up] });
		expect(parsed.error?.issues).toEqual([
			expect.objectContaining({
				path: ['risks', 0, 'residualReason'],
				message: 'risk_residual_reason_required'
			})
		]);
		expect(paths({ risks: [{ ...up, residualReason: '   ' }] })).toEqual([
			'risks.0.residualReason'
		]);
		expect(paths({ risks: [{ ...up, residualReason: 'Nouveau sous-traitant' }] })).toEqual([]);
	});

	it('refuses a planned measure without owner or due date', () => {
		const planned = measure({ owner: ' ', dueDate: '' });
		expect(paths({ risks: [risk({ measures: [planned] })] })).toEqual([
			'risks.0.measures.0.owner',
			'risks.0.measures.0.dueDate'
		]);
		const existing = measure({ state: 'existing', owner: '', dueDate: '' });
		expect(paths({ risks: [risk({ measures: [existing] })] })).toEqual([]);
	});

	it('refuses a due date that is not a calendar day', () => {
		for (const dueDate of ['2027-02-30', '31/01/2027', '2027-1-5']) {
			expect(paths({ risks: [risk({ measures: [measure({ dueDate })] })] })).toEqual([
				'risks.0.measures.0.dueDate'
			]);
		}
	});
});

describe('newMeasureProblems', () => {
	const today = '2026-11-23';
	const old = measure({ id: 'old', dueDate: '2026-01-01' });

	it('flags a new planned measure due before today', () => {
		const before = { risks: [risk({ measures: [old] })] };
		const after = {
			risks: [
				risk({ measures: [old, measure({ id: 'late', dueDate: '2026-11-22' })] }),
				risk({ id: 'r2', measures: [measure({ id: 'ok', dueDate: today })] })
			]
		};
		expect(newMeasureProblems(before, after, today)).toEqual(['risks.0.measures.1.dueDate']);
	});

	it('leaves existing measures and measures already recorded alone', () => {
		const after = {
			risks: [
				risk({
					measures: [old, measure({ id: 'done', state: 'existing', dueDate: '2020-01-01' })]
				})
			]
		};
		expect(newMeasureProblems({ risks: [risk({ measures: [old] })] }, after, today)).toEqual([]);
		// Without a stored version, every measure is new.
		expect(newMeasureProblems(null, after, today)).toEqual(['risks.0.measures.0.dueDate']);
	});
});
