import { z } from 'zod';
import { defineSchema } from '../define-schema';
import { localize, type Locale } from '../knowledge/localized';
import {
	MEASURE_KINDS,
	RISK_CATALOGUE,
	RISK_CATEGORIES,
	RISK_KEYS
} from '../knowledge/risks/risk-catalogue';
import { SCALE_VALUES } from '../knowledge/risks/scales';
import { CUSTOM_KEY } from '../knowledge/risks/types';
import { MEASURE_STATES, MEASURE_STATUSES } from './measure-states';
import { validateResidual } from '../scoring';
import {
	freeText,
	LIMITS,
	longText,
	requiredShortText,
	requireText,
	rows,
	shortText
} from './fields';

export { MEASURE_STATES, MEASURE_STATUSES };
export { CUSTOM_KEY };
export const RISK_CATALOGUE_KEYS = [...RISK_KEYS, CUSTOM_KEY] as const;

/** A score on a CNIL scale, 1 Négligeable to 4 Maximale. */
export const scaleSchema = () => z.literal(SCALE_VALUES);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` of a real calendar day, or empty (not planned yet). */
const isoDateOrEmpty = () =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || (ISO_DATE.test(v) && isRealDate(v)), 'invalid');

function isRealDate(value: string): boolean {
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A measure treating a risk. A planned measure is a commitment: someone owns it and it has
 * a due date, otherwise the action plan cannot follow it.
 */
export const measureSchema = defineSchema(() =>
	z
		.object({
			id: requiredShortText(),
			title: z.string().trim().min(1).max(LIMITS.text),
			kind: z.enum(MEASURE_KINDS),
			state: z.enum(MEASURE_STATES),
			owner: shortText(),
			dueDate: isoDateOrEmpty(),
			status: z.enum(MEASURE_STATUSES)
		})
		.superRefine((measure, ctx) => {
			if (measure.state !== 'planned') return;
			requireText(measure.owner, ['owner'], ctx);
			requireText(measure.dueDate, ['dueDate'], ctx);
		})
);

const textList = () => z.array(requiredShortText().max(LIMITS.text)).max(50);

/** One risk, scored before (initial) and after (residual) its measures. */
export const riskSchema = defineSchema(() =>
	z
		.object({
			id: requiredShortText(),
			catalogueKey: z.enum(RISK_CATALOGUE_KEYS),
			title: requiredShortText(),
			description: longText(),
			category: z.enum(RISK_CATEGORIES),
			sources: textList(),
			threats: textList(),
			impacts: textList(),
			severity: scaleSchema(),
			likelihood: scaleSchema(),
			justification: freeText(),
			measures: rows(measureSchema),
			residualSeverity: scaleSchema(),
			residualLikelihood: scaleSchema(),
			residualReason: freeText()
		})
		.superRefine((risk, ctx) => {
			const problem = validateResidual(
				{ severity: risk.severity, likelihood: risk.likelihood },
				{ severity: risk.residualSeverity, likelihood: risk.residualLikelihood },
				risk.residualReason
			);
			if (problem) {
				ctx.addIssue({
					code: 'custom',
					path: ['residualReason'],
					message: 'risk_residual_reason_required',
					input: risk.residualReason
				});
			}
		})
);

export const risksSchema = defineSchema(() => z.object({ risks: rows(riskSchema) }));

export type Measure = z.infer<typeof measureSchema>;
export type Risk = z.infer<typeof riskSchema>;
export type Risks = z.infer<typeof risksSchema>;

/**
 * Paths (`risks.0.measures.2.dueDate`) of the planned measures added in `after` (ids not
 * found in `before`) whose due date is before `today` (`YYYY-MM-DD`). A measure already
 * recorded keeps its date even once it is past: that is a late measure, not a typing error.
 */
export function newMeasureProblems(
	before: Risks | null | undefined,
	after: Risks,
	today: string
): string[] {
	const known = new Set((before?.risks ?? []).flatMap((r) => r.measures.map((m) => m.id)));
	const problems: string[] = [];
	after.risks.forEach((risk, i) => {
		risk.measures.forEach((measure, j) => {
			if (known.has(measure.id) || measure.state !== 'planned') return;
			if (measure.dueDate !== '' && measure.dueDate < today) {
				problems.push(`risks.${i}.measures.${j}.dueDate`);
			}
		});
	});
	return problems;
}

/**
 * The risks of the catalogue with their suggested scores, in catalogue order (the four named
 * risks first). Residual scores start equal to the initial ones: no measure is claimed yet.
 */
export function suggestedRisks(locale: Locale): Risks {
	const t = (text: { fr: string; en: string }) => localize(text, locale).trim();
	return {
		risks: RISK_CATALOGUE.map((entry) => ({
			id: entry.key,
			catalogueKey: entry.key,
			title: t(entry.title),
			description: t(entry.description),
			category: entry.category,
			sources: entry.riskSources.map(t),
			threats: entry.threats.map(t),
			impacts: entry.impacts.map(t),
			severity: entry.suggested.severity,
			likelihood: entry.suggested.likelihood,
			justification: t(entry.suggested.justification),
			measures: [],
			residualSeverity: entry.suggested.severity,
			residualLikelihood: entry.suggested.likelihood,
			residualReason: ''
		}))
	};
}
