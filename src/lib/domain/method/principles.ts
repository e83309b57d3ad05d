import { z } from 'zod';
import { defineSchema } from '../define-schema';
import {
	CLAUSE_STATUSES,
	PROCESSOR_CLAUSE_KEYS,
	type ClauseStatus,
	type ProcessorClauseKey
} from '../knowledge/processor-clauses';
import { TRANSFER_MECHANISMS, TRANSFER_OUTCOMES } from '../knowledge/principles-vocabulary';
import { country, freeText, requiredShortText, requireText, rows, shortText } from './fields';

/** Minimisation is judged field by field: "do we need the birth date to book?" */
export const minimisationRowSchema = defineSchema(() =>
	z.object({
		field: requiredShortText(),
		needed: z.boolean(),
		why: freeText()
	})
);

export const retentionRowSchema = defineSchema(() =>
	z.object({
		category: requiredShortText(),
		/** Printed as is in the patient notice. */
		period: shortText(),
		justification: freeText(),
		/** For the analysis team only: never printed in the patient notice. */
		internalNote: freeText().optional()
	})
);

/** How each right is honoured in practice: who receives the request, in which delay. */
export const rightsSchema = defineSchema(() =>
	z.object({
		information: freeText(),
		access: freeText(),
		rectification: freeText(),
		erasure: freeText(),
		restriction_objection: freeText(),
		portability: freeText(),
		/** For the analysis team only (the texts above are printed in the patient notice). */
		internalNote: freeText().optional()
	})
);

/**
 * One checklist line. A clause ticked present or partial must cite where it is (clause
 * number, annex, page): the checklist is evidence for an inspection, not a self-assessment.
 */
export const clauseCheckSchema = defineSchema(() =>
	z
		.object({
			status: z.enum(CLAUSE_STATUSES),
			evidence: freeText()
		})
		.superRefine((item, ctx) => {
			if (item.status === 'present' || item.status === 'partial') {
				requireText(item.evidence, ['evidence'], ctx);
			}
		})
);

/** Every clause of the catalogue must be answered, and only those (exhaustive record). */
export const processorContractSchema = defineSchema(() =>
	z.record(z.enum(PROCESSOR_CLAUSE_KEYS), clauseCheckSchema)
);

/**
 * A small transfer impact assessment per recipient that may give access to the data from
 * outside the EU, including a host storing data in the EU but subject to a foreign law
 * (e.g. the US CLOUD Act): that exposure is what the assessment is about.
 */
export const transferSchema = defineSchema(() =>
	z.object({
		recipient: requiredShortText(),
		country: country(),
		mechanism: z.enum(TRANSFER_MECHANISMS),
		supplementaryMeasures: freeText(),
		thirdCountryLaw: freeText(),
		conclusion: freeText(),
		outcome: z.enum(TRANSFER_OUTCOMES)
	})
);

export const principlesSchema = defineSchema(() =>
	z.object({
		minimisation: rows(minimisationRowSchema),
		accuracy: freeText(),
		retention: rows(retentionRowSchema),
		rights: rightsSchema,
		processorContract: processorContractSchema,
		transfers: rows(transferSchema)
	})
);

export type MinimisationRow = z.infer<typeof minimisationRowSchema>;
export type RetentionRow = z.infer<typeof retentionRowSchema>;
export type Rights = z.infer<typeof rightsSchema>;
export type ClauseCheck = z.infer<typeof clauseCheckSchema>;
export type ProcessorContract = z.infer<typeof processorContractSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type Principles = z.infer<typeof principlesSchema>;

/** A checklist with every clause still to be checked: the starting point of a new DPIA. */
export function emptyProcessorContract(): ProcessorContract {
	const entries = PROCESSOR_CLAUSE_KEYS.map((key) => [key, { status: 'missing', evidence: '' }]);
	return Object.fromEntries(entries) as ProcessorContract;
}

/**
 * Clauses that still need work, in catalogue order: missing or only partial. The DPO opinion
 * and the action plan start from this list.
 */
export function contractGaps(
	contract: ProcessorContract
): Array<{ key: ProcessorClauseKey; status: ClauseStatus }> {
	return PROCESSOR_CLAUSE_KEYS.filter((key) => {
		const status = contract[key].status;
		return status === 'missing' || status === 'partial';
	}).map((key) => ({ key, status: contract[key].status }));
}
