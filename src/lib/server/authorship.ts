/**
 * Who wrote the content of an assessment, read from its audit trail: one `step.save`
 * entry per saved method step, with the account that saved it. The security findings
 * are left out (they are the security officer's own input, not the analysis).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { authorshipOf, type Authorship } from '$lib/domain/decision/authorship';
import { auditLog } from './db/schema';
import type { Db } from './db';

export function contentAuthors(db: Db, assessmentId: string): string[] {
	return db
		.select({ actorId: auditLog.actorId })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.assessmentId, assessmentId),
				eq(auditLog.action, 'step.save'),
				isNotNull(auditLog.actorId)
			)
		)
		.all()
		.map((r) => r.actorId!);
}

export function authorshipFor(db: Db, assessmentId: string, userId: string): Authorship {
	return authorshipOf(contentAuthors(db, assessmentId), userId);
}

/** The DPO wrote most of what they are asked to advise on, and gave no reason. */
export class AuthorshipReasonRequired extends Error {
	constructor(readonly authorship: Authorship) {
		super('authorship_reason_required');
		this.name = 'AuthorshipReasonRequired';
	}
}
