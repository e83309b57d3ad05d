import { describe, expect, it } from 'vitest';
import {
	actionPlanToCsv,
	buildActionPlan,
	filterByOwner,
	isOverdue,
	ownersOf,
	type ActionPlanStep
} from './action-plan';
import { suggestedRisks, type Measure, type Risks } from './method/risks';

const TODAY = '2026-06-15';

function measure(overrides: Partial<Measure>): Measure {
	return {
		id: overrides.title ?? 'm',
		title: 'Mesure',
		kind: 'technical',
		state: 'planned',
		owner: 'RSSI',
		dueDate: '2026-09-01',
		status: 'todo',
		...overrides
	};
}

function risksWith(...measures: Measure[][]): Risks {
	const base = suggestedRisks('fr').risks;
	return {
		risks: measures.map((list, i) => {
			const risk = base[i];
			if (!risk) throw new Error('not enough catalogue risks');
			return { ...risk, measures: list };
		})
	};
}

const noSteps: ActionPlanStep[] = [];

describe('isOverdue', () => {
	it('is late only when the due date is past and the action is not done', () => {
		expect(isOverdue('2026-06-14', 'todo', TODAY)).toBe(true);
		expect(isOverdue('2026-06-14', 'in_progress', TODAY)).toBe(true);
		expect(isOverdue('2026-06-14', 'done', TODAY)).toBe(false);
		expect(isOverdue('2026-06-15', 'todo', TODAY)).toBe(false);
		expect(isOverdue('2026-06-16', 'todo', TODAY)).toBe(false);
		expect(isOverdue('', 'todo', TODAY)).toBe(false);
	});
});

describe('buildActionPlan', () => {
	it('keeps the planned measures of every risk, not the existing ones', () => {
		const risks = risksWith(
			[measure({ title: 'Chiffrement' }), measure({ title: 'Pare-feu', state: 'existing' })],
			[measure({ title: 'Clauses', owner: 'DPO' })]
		);
		const items = buildActionPlan({ risks, steps: noSteps, today: TODAY });
		expect(items.map((i) => i.title)).toEqual(['Chiffrement', 'Clauses']);
		expect(items[0]).toMatchObject({
			source: 'measure',
			stepKey: 'risks',
			riskTitle: risks.risks[0]?.title,
			riskId: risks.risks[0]?.id,
			owner: 'RSSI'
		});
		expect(items[1]?.riskTitle).toBe(risks.risks[1]?.title);
	});

	it('marks late the past, unfinished measures', () => {
		const risks = risksWith([
			measure({ title: 'En retard', dueDate: '2026-01-10', status: 'in_progress' }),
			measure({ title: 'Faite', dueDate: '2026-01-11', status: 'done' }),
			measure({ title: 'À venir', dueDate: '2026-12-01' })
		]);
		const items = buildActionPlan({ risks, steps: noSteps, today: TODAY });
		expect(items.map((i) => [i.title, i.overdue])).toEqual([
			['En retard', true],
			['Faite', false],
			['À venir', false]
		]);
	});

	it('adds one item per "improvable" step with its action-plan comment', () => {
		const steps: ActionPlanStep[] = [
			{ key: 'screening', status: 'improvable', actionPlanComment: 'Joindre la liste CNIL.' },
			{ key: 'context', status: 'acceptable', actionPlanComment: null },
			{ key: 'principles', status: 'to_correct', actionPlanComment: 'Ignoré' },
			{ key: 'motifs', status: 'improvable', actionPlanComment: 'Revoir les motifs sensibles.' }
		];
		const items = buildActionPlan({ risks: null, steps, today: TODAY });
		expect(items).toEqual([
			{
				source: 'evaluation',
				stepKey: 'screening',
				title: 'Joindre la liste CNIL.',
				owner: '',
				dueDate: '',
				status: 'todo',
				overdue: false
			},
			expect.objectContaining({ stepKey: 'motifs', title: 'Revoir les motifs sensibles.' })
		]);
	});

	it('sorts by due date, the items without a date last', () => {
		const risks = risksWith([
			measure({ title: 'C', dueDate: '2027-03-01' }),
			measure({ title: 'A', dueDate: '2026-07-01' }),
			measure({ title: 'B', dueDate: '2026-08-01' })
		]);
		const steps: ActionPlanStep[] = [
			{ key: 'screening', status: 'improvable', actionPlanComment: 'Sans date' }
		];
		const items = buildActionPlan({ risks, steps, today: TODAY });
		expect(items.map((i) => i.title)).toEqual(['A', 'B', 'C', 'Sans date']);
	});
});

describe('owners', () => {
	const risks = risksWith([
		measure({ title: 'Un', owner: 'RSSI' }),
		measure({ title: 'Deux', owner: 'DPO' }),
		measure({ title: 'Trois', owner: 'RSSI' })
	]);
	const steps: ActionPlanStep[] = [
		{ key: 'screening', status: 'improvable', actionPlanComment: 'Sans responsable' }
	];
	const items = buildActionPlan({ risks, steps, today: TODAY });

	it('lists each owner once, sorted', () => {
		expect(ownersOf(items)).toEqual(['DPO', 'RSSI']);
	});

	it('keeps only the chosen owner, or everything without a filter', () => {
		expect(filterByOwner(items, 'RSSI').map((i) => i.title)).toEqual(['Un', 'Trois']);
		expect(filterByOwner(items, '')).toHaveLength(4);
	});
});

describe('actionPlanToCsv', () => {
	it('writes a localized header and one line per item', () => {
		const risks = risksWith([measure({ title: 'Chiffrement', dueDate: '2026-01-01' })]);
		const items = buildActionPlan({ risks, steps: noSteps, today: TODAY });
		const fr = actionPlanToCsv(items, 'fr')
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(fr[0]).toBe('Origine;Étape;Risque;Action;Responsable;Échéance;Avancement;En retard');
		expect(fr[1]).toContain(';Chiffrement;RSSI;2026-01-01;À faire;oui');
		const en = actionPlanToCsv(items, 'en')
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(en[0]).toBe('Source;Step;Risk;Action;Owner;Due date;Status;Overdue');
		expect(en[1]).toContain(';Chiffrement;RSSI;2026-01-01;To do;yes');
	});

	it('neutralises the cells a spreadsheet would run as a formula', () => {
		const risks = risksWith([
			measure({ title: '=HYPERLINK("http://x.example","clic")', owner: '+33 1 23' }),
			measure({ title: '@SUM(A1)', owner: '-1' }),
			measure({ title: '\tTab', owner: 'RSSI' }),
			measure({ title: '\rCR', owner: 'RSSI' })
		]);
		const steps: ActionPlanStep[] = [
			{ key: 'screening', status: 'improvable', actionPlanComment: '=1+1' }
		];
		const items = buildActionPlan({ risks, steps, today: TODAY });
		const csv = actionPlanToCsv(items, 'fr');
		expect(csv).toContain(`;"'=HYPERLINK(""http://x.example"",""clic"")";'+33 1 23;`);
		expect(csv).toContain(";'@SUM(A1);'-1;");
		expect(csv).toContain(`;'\tTab;RSSI;`);
		expect(csv).toContain(`;"'\rCR";RSSI;`);
		expect(csv).toContain(";'=1+1;");
		for (const line of csv.split('\r\n')) {
			for (const cell of line.split(';')) {
				expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
			}
		}
	});
});
