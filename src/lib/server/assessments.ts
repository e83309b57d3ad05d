import { eq, sql } from 'drizzle-orm';
import { STEP_KEYS, type StepKey } from '$lib/domain/method/steps';
import { bookingTemplate } from '$lib/domain/knowledge/booking-template';
import type { Locale } from '$lib/domain/knowledge/localized';
import { assessments, assessmentSteps, type Assessment } from './db/schema';
import { mutate, type Actor } from './audit';
import { StaleVersionError, updateVersioned } from './versioned';
import { FrozenError, isFrozen } from './steps';
import { newId } from './ids';
import { membersOf } from './users';
import { mayLeadProject } from '$lib/domain/decision/authorship';
import type { Db } from './db';
import { prepared } from './db/prepared';

export const TEMPLATES = ['booking'] as const;
export type TemplateKey = (typeof TEMPLATES)[number];
export type { Locale };

/** The audited, hashed state of an assessment's own fields. */
export function stateOf(a: Assessment) {
	return {
		id: a.id,
		orgId: a.orgId,
		title: a.title,
		description: a.description,
		status: a.status,
		versionNumber: a.versionNumber,
		archivedAt: a.archivedAt,
		version: a.version
	};
}

export interface NewAssessment {
	orgId: string;
	title: string;
	description: string;
	template: TemplateKey | null;
}

export function create(
	db: Db,
	actor: Actor & { userId: string },
	input: NewAssessment,
	locale: Locale
) {
	const template = input.template === 'booking' ? bookingTemplate(locale) : null;
	return mutate(db, actor, (tx) => {
		const row = tx
			.insert(assessments)
			.values({
				id: newId(),
				orgId: input.orgId,
				// A blank title on a template means "use the template's".
				title: input.title.trim() || template?.title || '',
				description: input.description.trim() || template?.description || '',
				template: input.template,
				// Whoever starts the DPIA leads it until someone else is named.
				projectLeadId: actor.userId,
				createdBy: actor.userId,
				updatedBy: actor.userId
			})
			.returning()
			.get();
		const steps = template?.steps as Partial<Record<StepKey, unknown>> | undefined;
		tx.insert(assessmentSteps)
			.values(
				STEP_KEYS.map((step) => ({
					assessmentId: row.id,
					step,
					data: steps?.[step] ?? null,
					// A template draft has content, but nobody has reviewed it yet.
					status: steps?.[step] ? 'in_progress' : 'not_started',
					updatedBy: actor.userId
				}))
			)
			.run();
		return {
			result: row,
			event: {
				action: 'assessment.create',
				entity: 'assessment',
				entityId: row.id,
				assessmentId: row.id,
				orgId: row.orgId,
				version: row.version,
				summary: input.template ? `created from template ${input.template}` : 'created blank',
				state: { ...stateOf(row), steps: steps ?? {} }
			}
		};
	});
}

const statusesOf = prepared((db) =>
	db
		.select({ step: assessmentSteps.step, status: assessmentSteps.status })
		.from(assessmentSteps)
		.where(eq(assessmentSteps.assessmentId, sql.placeholder('id')))
		.prepare()
);

export function stepStatuses(db: Db, assessmentId: string): Record<string, string> {
	const rows = statusesOf(db).all({ id: assessmentId });
	return Object.fromEntries(rows.map((r) => [r.step, r.status]));
}

export interface MetaChange {
	/** Unchanged when absent. */
	projectLeadId?: string;
	title: string;
	description: string;
	version: number;
}

/** Optimistic concurrency: the write only applies to the version the user was looking at. */
export function updateMeta(
	db: Db,
	actor: Actor & { userId: string },
	id: string,
	change: MetaChange
) {
	return updateVersioned(db, actor, {
		table: assessments,
		where: [eq(assessments.id, id)],
		version: change.version,
		// A decided or archived assessment is evidence: "frozen" says more than "stale".
		guard: (current) => {
			if (current && isFrozen(current)) throw new FrozenError();
		},
		set: () => ({
			title: change.title.trim(),
			description: change.description.trim(),
			...(change.projectLeadId ? { projectLeadId: change.projectLeadId } : {}),
			updatedBy: actor.userId,
			updatedAt: new Date().toISOString()
		}),
		event: (updated) =>
			assessmentEvent(
				updated,
				'assessment.update',
				change.projectLeadId ? 'title/description/project lead edited' : 'title/description edited'
			)
	});
}

export function archive(db: Db, actor: Actor & { userId: string }, id: string, version: number) {
	return updateVersioned(db, actor, {
		table: assessments,
		where: [eq(assessments.id, id)],
		version,
		// Archived meanwhile: the user's page is out of date, like any newer version.
		guard: (current) => {
			if (current?.archivedAt) throw new StaleVersionError(current, assessments);
		},
		set: () => {
			const now = new Date().toISOString();
			return { archivedAt: now, updatedBy: actor.userId, updatedAt: now };
		},
		event: (updated) => assessmentEvent(updated, 'assessment.archive', 'archived')
	});
}

/** The audit entry of a change to an assessment's own row (its workflow moves included). */
export function assessmentEvent(updated: Assessment, action: string, summary: string) {
	return {
		action,
		entity: 'assessment',
		entityId: updated.id,
		assessmentId: updated.id,
		orgId: updated.orgId,
		version: updated.version,
		summary,
		state: stateOf(updated)
	};
}

export function userLabels(db: Db, ids: string[]): Record<string, string> {
	if (!ids.length) return {};
	const rows = db.$client
		.prepare(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(',')})`)
		.all(...ids) as Array<{ id: string; name: string }>;
	return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The members who may be named project lead of an assessment of `orgId`, by name. */
export function projectLeadOptions(db: Db, orgId: string): { id: string; name: string }[] {
	return membersOf(db, [orgId])
		.filter((m) => !m.disabledAt && mayLeadProject(m.role))
		.map((m) => ({ id: m.userId, name: m.name }))
		.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
