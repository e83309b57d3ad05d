import type { z } from 'zod';
import { contextSchema } from './context';
import { motifsSchema } from './motifs';
import { principlesSchema } from './principles';
import { risksSchema } from './risks';
import { benefitsSchema } from './benefits';
import { screeningSchema } from './screening';
import { scenariosSchema } from './scenarios';

/**
 * The steps whose content is a form validated by a schema, on the client and on the
 * server alike. Risks, benefits and the later steps have their own modules.
 */
export const stepSchemas = {
	screening: screeningSchema,
	context: contextSchema,
	principles: principlesSchema,
	motifs: motifsSchema,
	risks: risksSchema,
	benefits: benefitsSchema,
	scenarios: scenariosSchema
} as const;

export type ContentStepKey = keyof typeof stepSchemas;

export type StepContent<K extends ContentStepKey> = z.infer<(typeof stepSchemas)[K]>;

export const CONTENT_STEP_KEYS = Object.keys(stepSchemas) as ContentStepKey[];

export function isContentStepKey(value: unknown): value is ContentStepKey {
	return typeof value === 'string' && Object.hasOwn(stepSchemas, value);
}

export * from './steps';
export * from './screening';
export * from './context';
export * from './principles';
export * from './motifs';
export * from './motifs-csv';
export * from './risks';
export * from './benefits';
export { CUSTOM_REASONS, LIMITS, type CustomReason } from './fields';
