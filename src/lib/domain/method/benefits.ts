import { z } from 'zod';
import { defineSchema } from '../define-schema';
import { localize, type Locale } from '../knowledge/localized';
import { BENEFIT_CATALOGUE, BENEFIT_KEYS } from '../knowledge/risks/benefit-catalogue';
import { CONFIDENCES } from '../knowledge/risks/scales';
import { freeText, longText, requiredShortText, rows, shortText } from './fields';
import { CUSTOM_KEY, scaleSchema } from './risks';

export const BENEFIT_CATALOGUE_KEYS = [...BENEFIT_KEYS, CUSTOM_KEY] as const;

export const kpiSchema = defineSchema(() =>
	z.object({
		metric: requiredShortText(),
		baseline: shortText(),
		target: shortText(),
		source: shortText()
	})
);

const isBlankKpi = (value: unknown) =>
	typeof value === 'object' &&
	value !== null &&
	Object.values(value).every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''));

/** One expected benefit: magnitude 1–4, how sure we are of it, and how it will be checked. */
export const benefitSchema = defineSchema(() =>
	z.object({
		id: requiredShortText(),
		catalogueKey: z.enum(BENEFIT_CATALOGUE_KEYS),
		title: requiredShortText(),
		description: longText(),
		magnitude: scaleSchema(),
		confidence: z.enum(CONFIDENCES),
		justification: freeText(),
		// A form sends the four KPI fields even when none is filled: that means "no KPI".
		kpi: z.preprocess((v) => (isBlankKpi(v) ? undefined : v), kpiSchema.optional())
	})
);

export const benefitsSchema = defineSchema(() => z.object({ benefits: rows(benefitSchema) }));

export type Kpi = z.infer<typeof kpiSchema>;
export type Benefit = z.infer<typeof benefitSchema>;
export type Benefits = z.infer<typeof benefitsSchema>;

/** The benefits of the catalogue with their suggested magnitude, confidence and KPI. */
export function suggestedBenefits(locale: Locale): Benefits {
	const t = (text: { fr: string; en: string }) => localize(text, locale).trim();
	return {
		benefits: BENEFIT_CATALOGUE.map((entry) => {
			const benefit: Benefit = {
				id: entry.key,
				catalogueKey: entry.key,
				title: t(entry.title),
				description: t(entry.description),
				magnitude: entry.suggested.magnitude,
				confidence: entry.suggested.confidence,
				justification: t(entry.suggested.justification)
			};
			if (entry.kpi) {
				benefit.kpi = {
					metric: t(entry.kpi.metric),
					baseline: t(entry.kpi.baseline),
					target: t(entry.kpi.target),
					source: t(entry.kpi.source)
				};
			}
			return benefit;
		})
	};
}
