/**
 * The CNIL PIA scales, 1 Négligeable to 4 Maximale, used for severity and likelihood alike
 * and for the resulting risk level. The scoring model (`../../scoring.ts`) builds on these
 * values; the texts below are what scorers read next to the score input.
 */
import type { Localized } from './localized';

export const SCALE_VALUES = [1, 2, 3, 4] as const;
export type Scale = (typeof SCALE_VALUES)[number];

export const LEVEL_NAMES = ['negligible', 'limited', 'significant', 'maximum'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function isScale(value: unknown): value is Scale {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

export const LEVEL_LABELS: Readonly<Record<LevelName, Localized>> = {
	negligible: { fr: 'Négligeable', en: 'Negligible' },
	limited: { fr: 'Limitée', en: 'Limited' },
	significant: { fr: 'Importante', en: 'Significant' },
	maximum: { fr: 'Maximale', en: 'Maximum' }
};

export type ScaleEntry = { value: Scale; name: LevelName; label: Localized; definition: Localized };

function entry(value: Scale, definition: Localized): ScaleEntry {
	const name = LEVEL_NAMES[value - 1] as LevelName;
	return { value, name, label: LEVEL_LABELS[name], definition };
}

/** Severity: how hard the consequences would be for the patients, relatives or staff concerned. */
export const SEVERITY_SCALE: readonly ScaleEntry[] = [
	entry(1, {
		fr: 'Les personnes ne ressentiraient aucun effet, ou une simple gêne passagère dont elles se remettraient sans peine (par exemple ressaisir une information ou recevoir un rappel en double).',
		en: 'People would feel no effect, or a brief annoyance they would get over without effort (for instance typing a detail again or receiving a reminder twice).'
	}),
	entry(2, {
		fr: 'Les personnes subiraient des désagréments réels mais surmontables avec un peu d’effort : rendez-vous à reprogrammer, frais imprévus, embarras face à un proche.',
		en: 'People would face real but manageable setbacks: an appointment to rebook, unexpected costs, embarrassment in front of a relative.'
	}),
	entry(3, {
		fr: 'Les personnes subiraient des conséquences lourdes, dont elles ne se remettraient qu’au prix de sérieuses difficultés : pathologie révélée à l’entourage ou à l’employeur, soins retardés, discrimination.',
		en: 'People would suffer heavy consequences that they could only overcome with serious difficulty: a condition revealed to family or employer, delayed care, discrimination.'
	}),
	entry(4, {
		fr: 'Les personnes subiraient des conséquences graves, parfois irréversibles, qu’elles pourraient ne jamais surmonter : mise en danger après la révélation d’une IVG, perte de chance majeure, renoncement durable aux soins.',
		en: 'People would suffer grave, sometimes irreversible consequences they might never overcome: being put at risk after an abortion is revealed, a major loss of chance, lasting renunciation of care.'
	})
];

/** Likelihood: how feasible the threat is for its risk sources, given the weak points of the supports. */
export const LIKELIHOOD_SCALE: readonly ScaleEntry[] = [
	entry(1, {
		fr: 'Les sources de risque ne paraissent pas en mesure de réaliser la menace avec les supports en place (par exemple des données chiffrées dont elles n’ont pas la clé).',
		en: 'The risk sources do not seem able to carry out the threat on the supports in place (for instance encrypted data whose key they cannot reach).'
	}),
	entry(2, {
		fr: 'La menace paraît difficile à réaliser : il faudrait des moyens ou des compétences rares, ou un concours de circonstances peu fréquent.',
		en: 'The threat looks hard to carry out: it would take rare means or skills, or an unusual combination of circumstances.'
	}),
	entry(3, {
		fr: 'La menace paraît réalisable avec des moyens ordinaires : les supports ont des faiblesses connues ou des usages courants les exposent (un téléphone partagé en famille, un courriel non chiffré).',
		en: 'The threat looks achievable with ordinary means: the supports have known weaknesses or everyday habits expose them (a phone shared in the family, an unencrypted e-mail).'
	}),
	entry(4, {
		fr: 'La menace paraît très facile à réaliser, ou se réalise déjà du seul fait de la conception du traitement (un transfert prévu d’office par le contrat, par exemple).',
		en: 'The threat looks very easy to carry out, or already happens by the very design of the processing (a transfer written into the contract by default, for example).'
	})
];

export const SCALE_AXIS_TITLES: Readonly<Record<'severity' | 'likelihood', Localized>> = {
	severity: { fr: 'Gravité', en: 'Severity' },
	likelihood: { fr: 'Vraisemblance', en: 'Likelihood' }
};

export function scaleEntry(axis: 'severity' | 'likelihood', value: Scale): ScaleEntry {
	const scale = axis === 'severity' ? SEVERITY_SCALE : LIKELIHOOD_SCALE;
	const found = scale[value - 1];
	if (!found) throw new RangeError(`scale_value_out_of_range: ${String(value)}`);
	return found;
}
