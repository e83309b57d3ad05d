import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// Relative, not $lib: drizzle-kit loads this file outside Vite.
import { SIGNAL_KINDS, type ContentChange } from '../../domain/review';
import { assessments, now, organisations, users } from './schema';

/*
 * What follows a decision: the changes that may call for its review, and the conditions it
 * set as they are met. Apart from schema.ts (which drizzle-kit reads with this file, see
 * drizzle.config.ts) to keep each file readable; nothing in schema.ts refers to these.
 */

// A change reported on a decided analysis that may call for its review before the date set
// (GDPR art. 35(11): "at least when there is a change of the risk"): a new sub-processor
// or hosting country, a vulnerability, a security incident, an update of the analysis
// made in the CNIL's PIA tool. The decided version stays frozen; the report is taken up by
// the version that reopening starts (`taken_up_in`), whose overview lists it among what
// changed since the decision (lib/domain/review.ts).
export const reviewSignals = sqliteTable(
	'review_signals',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id),
		/** The decided version the change was reported against. */
		versionNumber: integer('version_number').notNull(),
		kind: text('kind', { enum: SIGNAL_KINDS }).notNull(),
		severity: integer('severity'),
		detail: text('detail').notNull(),
		/**
		 * For an update imported from the CNIL's tool: what the file changes against the
		 * decided version (domain ContentChange[]), found when it was imported; the file itself
		 * is not kept.
		 */
		changes: text('changes', { mode: 'json' }).$type<ContentChange[]>(),
		/** Whether it brings the review forward (domain/review.ts), fixed when reported. */
		raisesReview: integer('raises_review', { mode: 'boolean' }).notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: text('created_at').notNull().default(now),
		takenUpIn: integer('taken_up_in')
	},
	(t) => [index('review_signals_assessment').on(t.assessmentId, t.takenUpIn)]
);
export type ReviewSignal = typeof reviewSignals.$inferSelect;

// A condition of a signed decision ("approve with conditions") marked as met, with how.
// The signature stays as signed; a condition is named by its position in the decision's
// details and its text is copied, so the record reads without the signature at hand.
export const conditionFulfilments = sqliteTable(
	'condition_fulfilments',
	{
		id: text('id').primaryKey(),
		assessmentId: text('assessment_id')
			.notNull()
			.references(() => assessments.id),
		orgId: text('org_id')
			.notNull()
			.references(() => organisations.id),
		/** The decided version whose decision set the condition. */
		versionNumber: integer('version_number').notNull(),
		position: integer('position').notNull(),
		conditionText: text('condition_text').notNull(),
		/** How it was met (evidence, reference of a contract clause…). */
		note: text('note').notNull(),
		metBy: text('met_by')
			.notNull()
			.references(() => users.id),
		metAt: text('met_at').notNull().default(now)
	},
	(t) => [
		uniqueIndex('condition_fulfilments_condition').on(t.assessmentId, t.versionNumber, t.position)
	]
);
export type ConditionFulfilment = typeof conditionFulfilments.$inferSelect;
