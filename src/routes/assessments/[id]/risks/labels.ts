import { m } from '$lib/paraglide/messages';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import type { MeasureKind, RiskCategory } from '$lib/domain/knowledge/risks/risk-catalogue';
import { LEVEL_LABELS, type ScaleEntry } from '$lib/domain/knowledge/risks/scales';
import { isScale, riskLevel, type MatrixThresholds } from '$lib/domain/scoring';
import type { MEASURE_STATES, MEASURE_STATUSES } from '$lib/domain/method/risks';

export const CATEGORY_TEXT: Record<RiskCategory, () => string> = {
	confidentiality: m.risks_category_confidentiality,
	integrity: m.risks_category_integrity,
	availability: m.risks_category_availability,
	lawfulness: m.risks_category_lawfulness,
	rights: m.risks_category_rights,
	dependency: m.risks_category_dependency,
	care_quality: m.risks_category_care_quality
};

export const KIND_TEXT: Record<MeasureKind, () => string> = {
	legal: m.risks_kind_legal,
	organisational: m.risks_kind_organisational,
	technical: m.risks_kind_technical
};

export const STATE_TEXT: Record<(typeof MEASURE_STATES)[number], () => string> = {
	existing: m.risks_state_existing,
	planned: m.risks_state_planned
};

export const STATUS_TEXT: Record<(typeof MEASURE_STATUSES)[number], () => string> = {
	todo: m.risks_status_todo,
	in_progress: m.risks_status_in_progress,
	done: m.risks_status_done
};

/**
 * "Importante (3)" for a pair of scores, read with the organisation's table, or "not scored"
 * while either is missing.
 */
export function levelText(
	severity: unknown,
	likelihood: unknown,
	locale: Locale,
	thresholds?: MatrixThresholds
): string {
	if (!isScale(severity) || !isScale(likelihood)) return m.risks_level_unknown();
	const { level, name } = riskLevel(severity, likelihood, thresholds);
	return m.risks_level_value({ label: localize(LEVEL_LABELS[name], locale), value: level });
}

export function scaleLabel(entry: ScaleEntry, locale: Locale): string {
	return `${entry.value} – ${localize(entry.label, locale)}`;
}
