import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matrixThresholdsSchema } from '../scoring';
import { EVALUATED_STEPS } from '../method/steps';
import type { Risk } from '../method/risks';
import { art36Triggers, cnilDeadlines, topLevel } from './art36';
import { decisionGate } from './gate';

const scale = fc.constantFrom(1, 2, 3, 4);

/** Any valid organisation matrix: monotonic in severity and likelihood. */
const matrixArb = fc
	.array(fc.array(scale, { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 })
	.map((rows) => {
		const m: number[][] = rows.map((r) => [...r]);
		for (let s = 0; s < 4; s++)
			for (let l = 0; l < 4; l++)
				m[s]![l] = Math.max(m[s]![l]!, s > 0 ? m[s - 1]![l]! : 1, l > 0 ? m[s]![l - 1]! : 1);
		return m;
	})
	.filter((m) => matrixThresholdsSchema.safeParse({ levels: m }).success);

const riskAt = (severity: number, likelihood: number): Risk => ({
	id: 'r',
	catalogueKey: 'custom',
	title: 'R',
	description: '',
	category: 'confidentiality',
	sources: [],
	threats: [],
	impacts: [],
	severity: severity as 1,
	likelihood: likelihood as 1,
	justification: '',
	measures: [
		{
			id: 'm',
			title: 'M',
			kind: 'technical',
			state: 'existing',
			owner: '',
			dueDate: '',
			status: 'done'
		}
	],
	residualSeverity: severity as 1,
	residualLikelihood: likelihood as 1,
	residualReason: ''
});

describe('art. 36 prior consultation trigger', () => {
	it('any residual at the top level of the organisation matrix blocks both approvals', () => {
		fc.assert(
			fc.property(
				matrixArb,
				scale,
				scale,
				fc.constantFrom('approve', 'approve_with_conditions'),
				(matrix, s, l, outcome) => {
					fc.pre(matrix[s - 1]![l - 1] === topLevel(matrix));
					const result = decisionGate(
						{
							context: null,
							principles: null,
							motifs: null,
							risks: [riskAt(s, l)],
							scenarios: [],
							steps: EVALUATED_STEPS.map((key) => ({
								key,
								status: 'acceptable',
								actionPlanComment: null
							})),
							matrix,
							opinions: []
						},
						{
							outcome: outcome as 'approve',
							scenarioId: null,
							compliance: [],
							reservations: [],
							explanations: [],
							conditionCount: 0,
							today: '2026-01-01'
						}
					);
					expect(result.art36.some((t) => t.ref === 'r')).toBe(true);
					expect(result.blockers.some((b) => b.code.startsWith('art36_') && b.ref === 'r')).toBe(
						true
					);
				}
			)
		);
	});

	it('severity and likelihood both 3 or more trigger it whatever the matrix says', () => {
		fc.assert(
			fc.property(matrixArb, fc.constantFrom(3, 4), fc.constantFrom(3, 4), (matrix, s, l) => {
				expect(
					art36Triggers([{ id: 'r', title: 'R', severity: s, likelihood: l }], matrix)
				).toHaveLength(1);
			})
		);
	});

	it('a residual below both thresholds and below the top level triggers nothing', () => {
		const matrix = [
			[1, 1, 2, 2],
			[1, 2, 2, 3],
			[2, 2, 3, 3],
			[2, 3, 3, 4]
		];
		expect(art36Triggers([{ id: 'r', title: 'R', severity: 4, likelihood: 2 }], matrix)).toEqual(
			[]
		);
		expect(
			art36Triggers([{ id: 'r', title: 'R', severity: 4, likelihood: 4 }], matrix)[0]?.reason
		).toBe('top_level');
	});

	it('an open compliance item proposes the referral', () => {
		const t = art36Triggers([], [[1]], [{ key: 'information', subject: '' }]);
		expect(t).toEqual([{ reason: 'compliance_open', ref: 'information', subject: '' }]);
	});

	it('tracks 8 weeks, extendable by 6 (art. 36(2))', () => {
		expect(cnilDeadlines('2026-12-04')).toEqual({
			answerDue: '2027-01-29',
			extendedDue: '2027-03-12'
		});
	});
});
