import { and, asc, eq, isNull } from 'drizzle-orm';
import {
	changesSince,
	sameMatrix,
	signalRaisesReview,
	type ContentChange,
	type ReviewedContent,
	type SignalKind
} from '$lib/domain/review';
import { assessments, users, type Assessment } from './db/schema';
import { reviewSignals } from './db/schema-review';
import { mutate, type Actor } from './audit';
import { currentContent, type AssessmentContent } from './content';
import { getOrgSettings } from './org-settings';
import { frozenVersion } from './record';
import { newId } from './ids';
import type { Db } from './db';

export const SIGNAL_DETAIL_MAX = 500;

/** A change may be reported on a decided analysis in use only: a draft is simply edited. */
export class SignalRefusedError extends Error {}

export interface SignalInput {
	kind: SignalKind;
	severity: number | null;
	detail: string;
}

/** Reports a change against the decided version, audited; the version stays frozen. */
export function signalChange(
	db: Db,
	actor: Actor & { userId: string },
	assessmentId: string,
	input: SignalInput
) {
	return mutate(db, actor, (tx) => {
		const a = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
		if (!a || a.status !== 'decided' || a.archivedAt) throw new SignalRefusedError();
		const severity = input.kind === 'vulnerability' ? input.severity : null;
		const row = tx
			.insert(reviewSignals)
			.values({
				id: newId(),
				assessmentId: a.id,
				orgId: a.orgId,
				versionNumber: a.versionNumber,
				kind: input.kind,
				severity,
				detail: input.detail,
				raisesReview: signalRaisesReview(input.kind, severity),
				createdBy: actor.userId
			})
			.returning()
			.get();
		return {
			result: row,
			event: {
				action: 'review.signal',
				entity: 'review_signal',
				entityId: row.id,
				assessmentId: a.id,
				orgId: a.orgId,
				version: a.versionNumber,
				summary: `change reported (${row.kind}${severity ? `, severity ${severity}` : ''})${
					row.raisesReview ? '; review brought forward' : ''
				}`,
				state: row
			}
		};
	});
}

/** Reopening takes the reported changes into the new version's checklist. */
export function takeUpSignals(tx: Db, assessmentId: string, version: number): void {
	tx.update(reviewSignals)
		.set({ takenUpIn: version })
		.where(and(eq(reviewSignals.assessmentId, assessmentId), isNull(reviewSignals.takenUpIn)))
		.run();
}

function signalsWhere(db: Db, assessmentId: string, takenUpIn: number | null) {
	return db
		.select({
			id: reviewSignals.id,
			kind: reviewSignals.kind,
			severity: reviewSignals.severity,
			detail: reviewSignals.detail,
			raisesReview: reviewSignals.raisesReview,
			createdAt: reviewSignals.createdAt,
			by: users.name
		})
		.from(reviewSignals)
		.innerJoin(users, eq(users.id, reviewSignals.createdBy))
		.where(
			and(
				eq(reviewSignals.assessmentId, assessmentId),
				takenUpIn === null
					? isNull(reviewSignals.takenUpIn)
					: eq(reviewSignals.takenUpIn, takenUpIn)
			)
		)
		.orderBy(asc(reviewSignals.createdAt))
		.all();
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): Record<string, unknown>[] =>
	Array.isArray(v)
		? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
		: [];
const field = (v: unknown, k: string): unknown =>
	v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;

/** What the comparison reads of a content, frozen (JSON) or current. */
export function reviewedContent(content: unknown): ReviewedContent {
	const steps = field(content, 'steps');
	const data = (step: string) => field(field(steps, step), 'data');
	const matrix = field(content, 'riskMatrix');
	return {
		riskMatrix: Array.isArray(matrix)
			? matrix.map((row) => (Array.isArray(row) ? row.map(Number) : []))
			: [],
		actors: list(field(data('context'), 'actors')).map((a) => ({
			name: text(a.name),
			country: text(a.country)
		})),
		transfers: list(field(data('principles'), 'transfers')).map((t) => ({
			country: text(t.country)
		})),
		findings: list(field(content, 'findings')).map((f) => ({
			id: text(f.id),
			title: text(f.title),
			severity: Number(f.severity) || 0
		}))
	};
}

/**
 * Why a decided analysis should be reviewed before its date: the changes reported against
 * it that bring the review forward, and whether the organisation's risk matrix changed
 * since the decision (the decided levels were read with the matrix kept in the content).
 */
export function reviewReasons(db: Db, a: Assessment) {
	if (a.status !== 'decided' || a.archivedAt) return null;
	const signals = signalsWhere(db, a.id, null);
	const frozen = frozenVersion(db, a.id, a.versionNumber);
	const decidedMatrix = frozen ? reviewedContent(frozen.content).riskMatrix : [];
	const matrixChanged =
		!!frozen && !sameMatrix(decidedMatrix, getOrgSettings(db, a.orgId).thresholds.levels);
	return {
		signals,
		matrixChanged,
		raised: matrixChanged || signals.some((s) => s.raisesReview)
	};
}

/**
 * For a version under review (reopened from a decided one): the reviewer's checklist of
 * what changed since the decided version, reported or found by comparing the contents.
 */
export function changesSinceDecided(
	db: Db,
	a: Assessment,
	/** The current content when the caller has read it already (the overview has). */
	current: AssessmentContent = currentContent(db, a)
): { from: number; signals: ReturnType<typeof signalsWhere>; changes: ContentChange[] } | null {
	if (a.status === 'decided' || a.versionNumber < 2) return null;
	const decided = frozenVersion(db, a.id, a.versionNumber - 1);
	if (!decided) return null;
	return {
		from: a.versionNumber - 1,
		signals: signalsWhere(db, a.id, a.versionNumber),
		changes: changesSince(reviewedContent(decided.content), reviewedContent(current))
	};
}
