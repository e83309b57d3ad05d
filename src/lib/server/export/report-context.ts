/**
 * What every section builder of the generated documents needs: the record, the language,
 * the organisation's risk map, and each method step's content parsed through its schema.
 */
import type { z } from 'zod';
import type { Locale } from '$lib/domain/knowledge/localized';
import { stepSchemas, type ContentStepKey, type StepContent } from '$lib/domain/method';
import { DEFAULT_THRESHOLDS, type MatrixThresholds } from '$lib/domain/scoring';
import type { ExtraOpinion } from '$lib/domain/signoff';
import type { AssessmentRecord } from '$lib/server/record';

export interface ReportOptions {
	/** Overrides the risk map frozen with the content (`record.thresholds`); tests use it. */
	thresholds?: MatrixThresholds;
	/** The organisation's further opinions, to name the "extra" signatures. */
	extraOpinions?: readonly ExtraOpinion[];
	/** The generation time printed on the document (fixed in tests). */
	generatedAt?: Date;
	/** Patient notice only: the plainer variant written for adolescents. */
	audience?: 'adult' | 'adolescent';
}

export type ParsedSteps = { [K in ContentStepKey]: StepContent<K> | null };

export interface ReportContext {
	record: AssessmentRecord;
	locale: Locale;
	o: { locale: Locale };
	thresholds: MatrixThresholds;
	extraOpinions: readonly ExtraOpinion[];
	generatedAt: Date;
	steps: ParsedSteps;
	/** "R2 — Title" for a risk id of the risks step; the bare id when unknown. */
	riskName: (id: string) => string;
}

function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> | null {
	if (data === null || data === undefined) return null;
	const parsed = schema.safeParse(data);
	// Frozen content was valid when signed; content from an older schema that no longer
	// parses is reported as "not readable" by the sections rather than failing the export.
	return parsed.success ? parsed.data : null;
}

export function reportContext(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): ReportContext {
	const keys = Object.keys(stepSchemas) as ContentStepKey[];
	const steps = Object.fromEntries(
		keys.map((key) => [key, parse(stepSchemas[key], record.content.steps[key]?.data)])
	) as ParsedSteps;
	const risks = steps.risks?.risks ?? [];
	return {
		record,
		locale,
		o: { locale },
		thresholds: options.thresholds ?? record.thresholds ?? DEFAULT_THRESHOLDS,
		extraOpinions: options.extraOpinions ?? [],
		generatedAt: options.generatedAt ?? new Date(),
		steps,
		riskName: (id) => {
			const index = risks.findIndex((r) => r.id === id);
			const risk = risks[index];
			return risk ? `R${index + 1} — ${risk.title}` : id;
		}
	};
}
