import { z } from 'zod';
import { defineSchema } from '../define-schema';
import {
	ACTOR_ROLES,
	ASSET_TYPES,
	DATA_SUBJECT_KINDS,
	TRI_STATES
} from '../knowledge/context-vocabulary';
import { HEALTH_EXCEPTIONS, LEGAL_BASES } from '../knowledge/legal-bases';
import {
	countryOrUnknown,
	freeText,
	LIMITS,
	longText,
	requiredShortText,
	rows,
	shortText,
	uniqueEnumArray
} from './fields';

/**
 * One purpose of the processing. Health data need, on top of the art. 6 basis, one of the
 * art. 9(2) exceptions: without it the processing is unlawful whatever the art. 6 basis.
 */
export const purposeSchema = defineSchema(() =>
	z
		.object({
			text: z.string().trim().min(1).max(LIMITS.text),
			legalBasis: z.enum(LEGAL_BASES),
			involvesHealthData: z.boolean(),
			healthException: z.enum(HEALTH_EXCEPTIONS).optional(),
			/** For the analysis team only: never printed in the patient notice. */
			internalNote: freeText().optional()
		})
		.superRefine((purpose, ctx) => {
			if (purpose.involvesHealthData && purpose.healthException === undefined) {
				// Same issue as a missing enum value, so the UI shows its usual "choose a value".
				ctx.addIssue({
					code: 'invalid_value',
					values: [...HEALTH_EXCEPTIONS],
					path: ['healthException'],
					input: undefined
				});
			}
		})
);

/** A row of the data inventory: one category of data and what happens to it. */
export const dataRowSchema = defineSchema(() =>
	z.object({
		category: requiredShortText(),
		fields: z.array(requiredShortText()).max(50),
		source: shortText(),
		sensitive: z.boolean(),
		retention: shortText(),
		recipients: freeText()
	})
);

export const dataSubjectsSchema = defineSchema(() =>
	z.object({
		kinds: uniqueEnumArray(DATA_SUBJECT_KINDS),
		notes: freeText()
	})
);

/**
 * A party to the processing. Certifications are tri-state because vendors' claims are
 * often unverified at the start; "unknown" must stay distinguishable from "no".
 */
export const actorSchema = defineSchema(() =>
	z.object({
		name: requiredShortText(),
		role: z.enum(ACTOR_ROLES),
		country: countryOrUnknown(),
		hdsCertified: z.enum(TRI_STATES),
		iso27001: z.enum(TRI_STATES),
		keysHeldBy: freeText(),
		notes: freeText()
	})
);

export const lifecycleSchema = defineSchema(() =>
	z.object({
		collection: freeText(),
		import: freeText(),
		storage: freeText(),
		reminders: freeText(),
		deletion: freeText()
	})
);

export const assetSchema = defineSchema(() =>
	z.object({
		name: requiredShortText(),
		type: z.enum(ASSET_TYPES),
		owner: shortText()
	})
);

/**
 * The Context step. Rows may be empty while the draft is written: completeness is judged
 * by the reviewer's evaluation of the step, not by the schema.
 */
export const contextSchema = defineSchema(() =>
	z.object({
		description: longText(),
		purposes: rows(purposeSchema),
		dataInventory: rows(dataRowSchema),
		dataSubjects: dataSubjectsSchema,
		actors: rows(actorSchema),
		lifecycle: lifecycleSchema,
		assets: rows(assetSchema)
	})
);

export type Purpose = z.infer<typeof purposeSchema>;
export type DataRow = z.infer<typeof dataRowSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Asset = z.infer<typeof assetSchema>;
export type Context = z.infer<typeof contextSchema>;
