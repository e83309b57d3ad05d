import { z } from 'zod';
import { defineSchema } from '../define-schema';
import type { Localized } from '../knowledge/localized';
import {
	MOTIF_DECISIONS,
	PRACTITIONER_TYPES,
	SENSITIVITY_FLAG_INFO,
	SENSITIVITY_FLAGS,
	VISIT_KINDS,
	type MotifDecision,
	type SensitivityFlag
} from '../knowledge/motif-vocabulary';
import {
	reportDuplicates,
	freeText,
	requiredShortText,
	requireText,
	uniqueEnumArray
} from './fields';

export const MOTIF_LIMITS = {
	/** Above the 200 of other tables: a whole hospital's catalogue of reasons can be long. */
	rows: 500,
	durationMin: 5,
	durationMax: 240,
	idLength: 64
} as const;

/**
 * One consultation reason of a service and the decision to open it online or not.
 * `reasonCollected` says whether the patient is asked for the reason at booking time: the
 * CNOM/CNIL guidance is not to collect it when the visit needs no preparation.
 */
export const motifSchema = defineSchema(() =>
	z
		.object({
			id: z.string().trim().min(1).max(MOTIF_LIMITS.idLength),
			service: requiredShortText(),
			reason: requiredShortText(),
			practitioner: z.enum(PRACTITIONER_TYPES),
			visit: z.enum(VISIT_KINDS),
			durationMin: z.number().int().min(MOTIF_LIMITS.durationMin).max(MOTIF_LIMITS.durationMax),
			flags: uniqueEnumArray(SENSITIVITY_FLAGS),
			reasonCollected: z.boolean(),
			decision: z.enum(MOTIF_DECISIONS),
			rationale: freeText()
		})
		.superRefine((motif, ctx) => {
			// Opening a sensitive reason online goes against the default: the record must say why.
			if (motif.decision === 'online' && motif.flags.length > 0) {
				requireText(motif.rationale, ['rationale'], ctx);
			}
		})
);

/** The Motifs step: the table of reasons. Ids are unique so rows can be edited one by one. */
export const motifsSchema = defineSchema(() =>
	z
		.object({
			rows: z.array(motifSchema).max(MOTIF_LIMITS.rows)
		})
		.superRefine((step, ctx) =>
			reportDuplicates(
				step.rows.map((r) => r.id),
				['rows'],
				ctx,
				['id']
			)
		)
);

export type Motif = z.infer<typeof motifSchema>;
export type Motifs = z.infer<typeof motifsSchema>;

/**
 * The secretaries keep any reason with a sensitivity flag unless someone decides otherwise:
 * the hospitals interviewed all kept such reasons off the platform, and an opt-out default
 * would let them slip online during a vendor-led configuration.
 */
export function defaultDecision(flags: readonly SensitivityFlag[]): MotifDecision {
	return flags.length > 0 ? 'kept' : 'online';
}

/**
 * Warnings naming the concrete risk of each flag when the motif is opened online, in the
 * catalogue order of the flags. Kept motifs raise none: the risk is not taken.
 */
export function warningsFor(motif: Pick<Motif, 'flags' | 'decision'>): Localized[] {
	if (motif.decision !== 'online') return [];
	return SENSITIVITY_FLAGS.filter((flag) => motif.flags.includes(flag)).map(
		(flag) => SENSITIVITY_FLAG_INFO[flag].warning
	);
}

/** Motifs opened online despite a sensitivity flag: what the DPO opinion must address. */
export function sensitiveOnline(rows: readonly Motif[]): Motif[] {
	return rows.filter((row) => row.decision === 'online' && row.flags.length > 0);
}
