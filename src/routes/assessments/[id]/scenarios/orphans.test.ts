import { describe, expect, it } from 'vitest';
import { bookingTemplate } from '$lib/domain/knowledge/booking-template';
import { compareFromSteps } from '$lib/domain/method/scenarios';
import { orphanNotices } from './orphans';

describe('scenario rules aimed at a deleted risk', () => {
	const template = bookingTemplate('fr');
	const { risks, benefits, scenarios } = template.steps;

	it('with every risk present, no rule is orphaned', () => {
		const comparison = compareFromSteps(risks, benefits, scenarios.scenarios);
		if (!comparison.ok) throw new Error(comparison.error);
		expect(orphanNotices(comparison.scenarios)).toEqual([]);
	});

	it('names the scenario, the option and the rule aimed at the deleted risk', () => {
		const withoutImport = {
			risks: risks.risks.filter((r) => r.catalogueKey !== 'historical_import')
		};
		const comparison = compareFromSteps(withoutImport, benefits, scenarios.scenarios);
		if (!comparison.ok) throw new Error(comparison.error);
		const notices = orphanNotices(comparison.scenarios);
		// Two scenarios of the template choose "no import": each has its rule orphaned.
		expect(notices).toHaveLength(2);
		expect(notices.every((n) => n.group?.key === 'historical_import')).toBe(true);
		const notice = notices.find((n) => n.scenario === 'Sans import + SMS neutre');
		expect(notice?.group?.key).toBe('historical_import');
		expect(notice?.choice?.key).toBe('none');
		expect(notice?.rule.target).toEqual({
			kind: 'risk',
			riskKey: 'historical_import',
			axis: 'likelihood'
		});
		// The other values are still compared: only the orphaned rule is left out.
		const second = comparison.scenarios[1];
		expect(second?.risks.some((r) => r.key === 'historical_import')).toBe(false);
		expect(second?.risks.length).toBe(withoutImport.risks.length);
	});
});
