import { describe, expect, it } from 'vitest';
import { applyScenario, ruleSchema, type Rule } from '../../scoring';
import { compareScenarios } from '../../scenario-comparison';
import { isBenefitKey } from './benefit-catalogue';
import { isRiskKey } from './risk-catalogue';
import {
	getOptionGroup,
	REFERENCE_SELECTION,
	rulesForSelection,
	SCENARIO_OPTION_GROUPS,
	suggestedBase,
	type ScenarioSelection
} from './scenario-options';

const allRules = SCENARIO_OPTION_GROUPS.flatMap((g) => g.choices.flatMap((c) => c.rules));

function rule(group: string, choice: string, target: string): Rule | undefined {
	const rules = getOptionGroup(group)?.choices.find((c) => c.key === choice)?.rules ?? [];
	return rules.find((r) => r.id === `${group}.${choice}/${target}`);
}

function rulesOf(selection: ScenarioSelection): Rule[] {
	const result = rulesForSelection(selection);
	if (!result.ok) throw new Error(result.error);
	return result.rules;
}

describe('scenario options', () => {
	it('covers the arbitration options of the brief', () => {
		expect(SCENARIO_OPTION_GROUPS.map((g) => g.key)).toEqual([
			'historical_import',
			'reminder_channel',
			'reminder_wording',
			'sensitive_reasons',
			'hosting',
			'patient_information'
		]);
		const choices = (key: string) => getOptionGroup(key)?.choices.map((c) => c.key);
		expect(choices('historical_import')).toEqual([
			'none',
			'two_years',
			'five_years',
			'restricted_scope'
		]);
		expect(choices('reminder_channel')).toEqual(['sms', 'email', 'both', 'none', 'patient_choice']);
		expect(choices('hosting')).toEqual([
			'vendor_current_host',
			'eu_owned_host',
			'keys_outside_host'
		]);
	});

	it('has one rule-free reference choice per group and rules on every other choice', () => {
		for (const group of SCENARIO_OPTION_GROUPS) {
			const references = group.choices.filter((c) => c.reference);
			expect(references).toHaveLength(1);
			expect(references[0]?.rules).toEqual([]);
			for (const c of group.choices.filter((c) => !c.reference)) {
				expect(c.rules.length).toBeGreaterThan(0);
			}
			expect(new Set(group.choices.map((c) => c.key)).size).toBe(group.choices.length);
		}
	});

	it('only holds valid rules, with unique ids, aimed at catalogue keys', () => {
		for (const r of allRules) expect(ruleSchema.safeParse(r).success).toBe(true);
		expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
		for (const { target } of allRules) {
			expect(
				target.kind === 'risk' ? isRiskKey(target.riskKey) : isBenefitKey(target.benefitKey)
			).toBe(true);
		}
		expect(applyScenario(suggestedBase(), allRules).orphanRules).toEqual([]);
	});

	it('encodes the expected effects of the key choices', () => {
		expect(rule('historical_import', 'none', 'historical_import.likelihood')?.delta).toBe(-3);
		expect(rule('historical_import', 'five_years', 'historical_import.likelihood')?.delta).toBe(1);
		expect(rule('reminder_channel', 'none', 'fewer_no_shows')?.delta).toBe(-2);
		expect(rule('reminder_wording', 'neutral', 'reminder_confidentiality.severity')?.delta).toBe(
			-1
		);
		expect(rule('hosting', 'eu_owned_host', 'us_hosting_cloud_act.likelihood')?.delta).toBeLessThan(
			0
		);
	});

	it('resolves selections, defaulting to the reference and refusing unknown keys', () => {
		expect(rulesOf({})).toEqual([]);
		expect(rulesOf(REFERENCE_SELECTION)).toEqual([]);
		expect(rulesOf({ reminder_channel: 'none' }).map((r) => r.id)).toEqual([
			'reminder_channel.none/reminder_confidentiality.likelihood',
			'reminder_channel.none/fewer_no_shows'
		]);
		expect(rulesForSelection({ reminders: 'sms' })).toEqual({
			ok: false,
			error: 'unknown_group',
			key: 'reminders'
		});
		expect(rulesForSelection({ hosting: 'moon' })).toEqual({
			ok: false,
			error: 'unknown_choice',
			key: 'hosting.moon'
		});
	});

	it('lets the director compare the demonstration scenarios', () => {
		const cautious = {
			historical_import: 'none',
			reminder_channel: 'sms',
			reminder_wording: 'neutral',
			sensitive_reasons: 'kept_with_secretaries',
			hosting: 'keys_outside_host',
			patient_information: 'campaign'
		};
		const result = compareScenarios(suggestedBase(), [
			{ id: 'default', name: 'Offre par défaut', rules: rulesOf({}) },
			{ id: 'cautious', name: 'Prudent', rules: rulesOf(cautious) },
			{ id: 'five_years', name: 'Cinq ans', rules: rulesOf({ historical_import: 'five_years' }) }
		]);
		if (!result.ok) throw new Error(result.error);
		const [reference, safe, wide] = result.scenarios;
		expect(reference?.significantCount).toBe(8);
		// Patients' benefits only: 3 × 1 + 3 × 0.75 + 2 × 0.75 + 2 × 0.75 (hospital's left out).
		expect(reference?.benefitTotal).toBe(8.25);
		// Keys held outside the host no longer lower the CLOUD Act risk: the platform reads the
		// data in clear (EDPB Recommendations 01/2020, use case 6).
		expect(safe?.significantCount).toBe(5);
		expect(safe?.risks.find((r) => r.key === 'us_hosting_cloud_act')?.level).toBe(
			reference?.risks.find((r) => r.key === 'us_hosting_cloud_act')?.level
		);
		expect(safe?.benefitTotal).toBe(7.25);
		expect(safe?.risks.find((r) => r.key === 'reminder_confidentiality')?.level).toBe(1);
		expect(wide?.highest).toEqual({ key: 'historical_import', level: 4 });
		expect(wide?.differences.map((d) => d.key)).toEqual([
			'historical_import',
			'illegitimate_access'
		]);
	});
});
