import { and, eq, ne, sql } from 'drizzle-orm';
import { assertWithinSizeCaps } from '$lib/domain/method/size-caps';
import type { StepKey } from '$lib/domain/method/steps';
import { assessmentSteps } from './db/schema';
import type { Db } from './db';

/**
 * Refuses content that would take a step or its assessment over the caps of
 * domain/method/size-caps.ts (ContentTooLargeError), counting the other steps as stored.
 */
export function checkStepSize(db: Db, assessmentId: string, step: StepKey, data: unknown): void {
	const others = db
		.select({ bytes: sql<number>`coalesce(sum(length(cast(${assessmentSteps.data} as blob))), 0)` })
		.from(assessmentSteps)
		.where(and(eq(assessmentSteps.assessmentId, assessmentId), ne(assessmentSteps.step, step)))
		.get();
	assertWithinSizeCaps(data, others?.bytes ?? 0);
}
