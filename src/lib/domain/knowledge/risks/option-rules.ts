/**
 * Builders for the rules of the arbitration options. Keys are typed against the catalogues,
 * so a rule aimed at a risk or benefit that does not exist fails to compile; rule ids are
 * derived from the choice and the target so they stay stable when explanations are edited.
 */
import type { Axis, Rule } from './rules';
import type { BenefitKey, RiskKey } from './types';

export function onRisk(
	choiceId: string,
	riskKey: RiskKey,
	axis: Axis,
	delta: number,
	fr: string,
	en: string
): Rule {
	return {
		id: `${choiceId}/${riskKey}.${axis}`,
		target: { kind: 'risk', riskKey, axis },
		delta,
		explanation: { fr, en }
	};
}

export function onBenefit(
	choiceId: string,
	benefitKey: BenefitKey,
	delta: number,
	fr: string,
	en: string
): Rule {
	return {
		id: `${choiceId}/${benefitKey}`,
		target: { kind: 'benefit', benefitKey },
		delta,
		explanation: { fr, en }
	};
}
