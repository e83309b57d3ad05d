import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Assessment } from './db/schema';
import { FINDING_STATUSES } from '$lib/domain/finding-status';
import { securityFindings, type SecurityFinding } from './db/schema-findings';
import { mutate, type Actor } from './audit';
import { newId } from './ids';
import { refuseIfFrozen } from './steps';
import { updateVersioned } from './versioned';
import type { Db } from './db';

export const FINDING_LIMITS = { title: 200, asset: 200, text: 5000 } as const;

/** What the add form sends (risk ids come apart: a form field holds only one value). */
export const findingSchema = z.object({
	title: z.string().trim().min(1).max(FINDING_LIMITS.title),
	severity: z.coerce.number().int().min(1).max(4),
	asset: z.string().trim().min(1).max(FINDING_LIMITS.asset),
	evidence: z.string().trim().max(FINDING_LIMITS.text),
	recommendation: z.string().trim().max(FINDING_LIMITS.text),
	status: z.enum(FINDING_STATUSES)
});
export type FindingInput = z.infer<typeof findingSchema> & { riskIds: string[] };

export const findingStatusSchema = z.object({
	findingId: z.string().min(1),
	version: z.coerce.number().int().min(1),
	status: z.enum(FINDING_STATUSES)
});

type Writer = Actor & { userId: string };

/** The findings of one assessment, oldest first. */
export function listFindings(db: Db, assessmentId: string): SecurityFinding[] {
	return db
		.select()
		.from(securityFindings)
		.where(eq(securityFindings.assessmentId, assessmentId))
		.orderBy(asc(securityFindings.createdAt), asc(securityFindings.id))
		.all();
}

export function createFinding(
	db: Db,
	actor: Writer,
	assessment: Pick<Assessment, 'id' | 'orgId'>,
	input: FindingInput
): SecurityFinding {
	const { riskIds, ...fields } = input;
	const values = findingSchema.parse(fields);
	return mutate(db, actor, (tx) => {
		refuseIfFrozen(tx, assessment.id);
		const row = tx
			.insert(securityFindings)
			.values({
				id: newId(),
				assessmentId: assessment.id,
				...values,
				riskIds: [...new Set(riskIds)],
				createdBy: actor.userId,
				updatedBy: actor.userId
			})
			.returning()
			.get();
		return {
			result: row,
			event: {
				action: 'finding.create',
				entity: 'security_finding',
				entityId: row.id,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				version: row.version,
				summary: `security finding added (severity ${row.severity}, ${row.riskIds.length} linked risks)`,
				state: row
			}
		};
	});
}

/**
 * Changes a finding if the user saw its current version; otherwise StaleVersionError
 * with the current row. Refused on a frozen assessment (FrozenError).
 */
export function updateFinding(
	db: Db,
	actor: Writer,
	assessment: Pick<Assessment, 'id' | 'orgId'>,
	findingId: string,
	version: number,
	change: Partial<FindingInput>
): SecurityFinding {
	const { riskIds, ...fields } = change;
	const values = findingSchema.partial().parse(fields);
	return updateVersioned(db, actor, {
		table: securityFindings,
		where: [eq(securityFindings.id, findingId), eq(securityFindings.assessmentId, assessment.id)],
		version,
		guard: (_, tx) => refuseIfFrozen(tx, assessment.id),
		set: () => ({
			...values,
			...(riskIds ? { riskIds: [...new Set(riskIds)] } : {}),
			updatedBy: actor.userId,
			updatedAt: new Date().toISOString()
		}),
		event: (updated) => ({
			action: 'finding.update',
			entity: 'security_finding',
			entityId: updated.id,
			assessmentId: assessment.id,
			orgId: assessment.orgId,
			version: updated.version,
			summary: `security finding updated (status ${updated.status})`,
			state: updated
		})
	});
}
