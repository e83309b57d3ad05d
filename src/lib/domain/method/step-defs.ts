import type { z } from 'zod';
import type { Locale } from '../knowledge/localized';
import { benefitsSchema } from './benefits';
import { contextSchema } from './context';
import { fillNewBenefits, fillNewMotifs, fillNewRisks } from './fill';
import type { ContentStepKey } from './index';
import { motifsSchema } from './motifs';
import { principlesSchema } from './principles';
import { newMeasureProblems, risksSchema } from './risks';
import { scenariosSchema } from './scenarios';
import { screeningSchema } from './screening';

/** A problem the schema cannot see, on one field (`path` as the form names it). */
export interface ContentProblem {
	path: string;
	code: string;
}

/**
 * What the method says about a step's content, without any server: the schema a save must
 * pass, and the two hooks around it. The server's StepDef (lib/server/http/step-page.ts)
 * adds extra page data and extra actions to this.
 */
export interface StepContentDef<
	K extends ContentStepKey = ContentStepKey,
	S extends z.ZodType = z.ZodType
> {
	key: K;
	schema: S;
	/** Before the schema: what the user left to the workbench (ids, catalogue texts). */
	fill?: (draft: unknown, locale: Locale) => unknown;
	/**
	 * After the schema accepted the content: rules that compare it with the stored one
	 * (`before`, as stored, possibly null) or with the date. Any problem refuses the save.
	 */
	check?: (content: z.infer<S>, context: { before: unknown; today: string }) => ContentProblem[];
}

export const screeningStep = {
	key: 'screening',
	schema: screeningSchema
} satisfies StepContentDef;

export const contextStep = { key: 'context', schema: contextSchema } satisfies StepContentDef;

export const principlesStep = {
	key: 'principles',
	schema: principlesSchema
} satisfies StepContentDef;

export const motifsContent = {
	key: 'motifs',
	schema: motifsSchema,
	fill: fillNewMotifs
} satisfies StepContentDef;

export const risksContent = {
	key: 'risks',
	schema: risksSchema,
	fill: fillNewRisks,
	// A planned measure added now cannot be due in the past (one recorded earlier may be: it is
	// simply late). The schema cannot say which measures are new.
	check: (content, { before, today }) =>
		newMeasureProblems(risksSchema.safeParse(before).data, content, today).map((path) => ({
			path,
			code: 'measure_due_in_past'
		}))
} satisfies StepContentDef<'risks', typeof risksSchema>;

export const benefitsStep = {
	key: 'benefits',
	schema: benefitsSchema,
	fill: fillNewBenefits
} satisfies StepContentDef;

export const scenariosContent = {
	key: 'scenarios',
	schema: scenariosSchema
} satisfies StepContentDef;
