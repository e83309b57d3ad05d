/**
 * Format of an arbitration rule: "choosing this option moves this score by n". Rules are data,
 * editable by the organisation, so they are validated by a schema before use; the scoring
 * model (`../../scoring.ts`) applies them and keeps them attached to every value they moved.
 */
import { z } from 'zod';
import { defineSchema } from '../../define-schema';
import { localizedSchema } from './localized';

export const AXES = ['severity', 'likelihood'] as const;
export type Axis = (typeof AXES)[number];

/** A rule moves a score by at most 3 steps, the full width of a 1–4 scale. */
export const MAX_RULE_DELTA = 3;

export const ruleTargetSchema = defineSchema(() =>
	z.discriminatedUnion('kind', [
		z.object({ kind: z.literal('risk'), riskKey: z.string().min(1), axis: z.enum(AXES) }),
		z.object({ kind: z.literal('benefit'), benefitKey: z.string().min(1) })
	])
);

/** A zero delta is allowed: it records that a choice was considered and judged neutral. */
export const ruleSchema = defineSchema(() =>
	z.object({
		id: z.string().min(1),
		target: ruleTargetSchema,
		delta: z.number().int().min(-MAX_RULE_DELTA).max(MAX_RULE_DELTA),
		explanation: localizedSchema
	})
);

export type RuleTarget = z.infer<typeof ruleTargetSchema>;
export type Rule = z.infer<typeof ruleSchema>;

export function isValidDelta(delta: number): boolean {
	return Number.isInteger(delta) && Math.abs(delta) <= MAX_RULE_DELTA;
}
