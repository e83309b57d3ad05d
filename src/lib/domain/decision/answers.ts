/**
 * What the director writes in the decision besides the outcome: answers to the open
 * compliance items, to every reservation of an opinion, and explanations of the
 * contradictions between the chosen scenario and the other steps. Stored in the decision
 * signature's `details` (signed with it, frozen with the version).
 */
import { z } from 'zod';
import { defineSchema } from '../define-schema';

const key = () => z.string().trim().min(1).max(120);
const text = () => z.string().trim().min(1).max(2000);

/**
 * A compliance item to fix gets a planned corrective measure with an owner and a due date,
 * or is declared not applicable with the reason why.
 */
export const complianceAnswerSchema = defineSchema(() =>
	z
		.object({
			itemKey: key(),
			answer: z.enum(['planned', 'not_applicable']),
			text: text(),
			owner: z.string().trim().max(200),
			dueDate: z.union([z.iso.date(), z.literal('')])
		})
		.superRefine((a, ctx) => {
			if (a.answer !== 'planned') return;
			if (!a.owner)
				ctx.addIssue({ code: 'custom', path: ['owner'], message: 'required', input: a.owner });
			if (!a.dueDate)
				ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'required', input: a.dueDate });
		})
);
export type ComplianceAnswer = z.infer<typeof complianceAnswerSchema>;

/**
 * The director's answer to one reservation: a condition of this decision, or the written
 * reason for not following it (WP243 rev.01, Guidelines on DPOs, section 4.2: when the controller departs
 * from the DPO's advice it should document why; WP248 rev.01, section III.C: the DPO's advice and the controller's decisions are documented in the DPIA).
 */
export const reservationAnswerSchema = defineSchema(() =>
	z.object({
		key: key(),
		response: z.enum(['condition', 'reason']),
		text: text()
	})
);
export type ReservationAnswer = z.infer<typeof reservationAnswerSchema>;

/** Why a contradiction between the chosen scenario and another step is kept. */
export const explanationSchema = defineSchema(() => z.object({ key: key(), text: text() }));
export type Explanation = z.infer<typeof explanationSchema>;
