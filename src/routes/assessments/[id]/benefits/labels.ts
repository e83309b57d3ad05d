import { m } from '$lib/paraglide/messages';
import type { Confidence } from '$lib/domain/scoring';

export const CONFIDENCE_TEXT: Record<Confidence, () => string> = {
	low: m.benefits_confidence_low,
	medium: m.benefits_confidence_medium,
	high: m.benefits_confidence_high
};
