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
import { planCnilPia } from './interop/cnil-pia';
import { updateChanges, type ComparedRisk } from '$lib/domain/review-import';
import { CATALOGUE_CHANGES, catalogueChangesSince } from '$lib/domain/knowledge/catalogue-changes';
import { xmlSafe } from './export/xml-text';
import type { Locale } from '$lib/domain/knowledge/localized';
import type { Db } from './db';
import type { UploadedFile } from './http/upload';

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
	const severity = input.kind === 'vulnerability' ? input.severity : null;
	return recordSignal(db, actor, assessmentId, () => ({ ...input, severity, changes: null }));
}

/** The longest file name kept with an imported update (the file itself is not kept). */
const FILE_NAME_MAX = 200;

/**
 * An update of a decided analysis made in the CNIL's PIA tool: the file is read as an
 * import would read it (in a worker, refused with a CnilImportError), compared with the
 * decided version's risks (lib/domain/review-import.ts), and recorded as a signal that
 * brings the review forward with what it changes. Nothing of the decided
 * version changes; the reviewer takes the file's changes into the review version.
 */
export async function importUpdate(
	db: Db,
	actor: Actor & { userId: string },
	assessmentId: string,
	file: UploadedFile,
	locale: Locale
) {
	const before = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
	// Refused before the file is read: nothing to compare it with.
	if (!before || before.status !== 'decided' || before.archivedAt) throw new SignalRefusedError();
	const { data } = await planCnilPia(file, locale);
	const imported = comparedRisks(data.risks);
	// Kept as a line of the record (Word export included): no control character, one line.
	const name = xmlSafe(file.name).replace(/\s+/g, ' ').trim().slice(0, FILE_NAME_MAX);
	return recordSignal(db, actor, assessmentId, (a, tx) => {
		const frozen = frozenVersion(tx, a.id, a.versionNumber)?.content;
		const decided = comparedRisks(field(field(field(frozen, 'steps'), 'risks'), 'data'));
		const changes = updateChanges(decided, imported);
		return { kind: 'cnil_import', severity: null, detail: name || '-', changes };
	});
}

/** The risks of a risks step's data (frozen JSON or imported), as the comparison reads them. */
function comparedRisks(data: unknown): ComparedRisk[] {
	return list(field(data, 'risks')).map((r) => ({
		catalogueKey: text(r.catalogueKey),
		title: text(r.title),
		residualSeverity: Number(r.residualSeverity) || 0,
		residualLikelihood: Number(r.residualLikelihood) || 0,
		measures: list(r.measures).map((m) => ({ title: text(m.title) }))
	}));
}

/** One signal against the decided version in use, audited; refused on any other state. */
function recordSignal(
	db: Db,
	actor: Actor & { userId: string },
	assessmentId: string,
	signal: (
		a: Assessment,
		tx: Db
	) => SignalInput & { severity: number | null; changes: ContentChange[] | null }
) {
	return mutate(db, actor, (tx) => {
		const a = tx.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
		if (!a || a.status !== 'decided' || a.archivedAt) throw new SignalRefusedError();
		const { kind, severity, detail, changes } = signal(a, tx);
		const row = tx
			.insert(reviewSignals)
			.values({
				id: newId(),
				assessmentId: a.id,
				orgId: a.orgId,
				versionNumber: a.versionNumber,
				kind,
				severity,
				detail,
				changes,
				raisesReview: signalRaisesReview(kind, severity),
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
				summary: `change reported (${row.kind}${severity ? `, severity ${severity}` : ''}${
					changes ? `, ${changes.length} change(s) found` : ''
				})${row.raisesReview ? '; review brought forward' : ''}`,
				state: row
			}
		};
	});
}

/**
 * The organisation's risk matrix changed: every decided analysis in use of it gets a signal
 * that brings its review forward, written with the settings (one transaction). Returns the
 * analyses, for the settings' audit entry. Needs a user: a system write records none.
 */
export function signalMatrixChange(tx: Db, orgId: string, userId: string | null): string[] {
	if (!userId) return [];
	const decided = tx
		.select({ id: assessments.id, versionNumber: assessments.versionNumber })
		.from(assessments)
		.where(
			and(
				eq(assessments.orgId, orgId),
				eq(assessments.status, 'decided'),
				isNull(assessments.archivedAt)
			)
		)
		.all();
	for (let i = 0; i < decided.length; i += 100) {
		tx.insert(reviewSignals)
			.values(
				decided.slice(i, i + 100).map((a) => ({
					id: newId(),
					assessmentId: a.id,
					orgId,
					versionNumber: a.versionNumber,
					kind: 'risk_matrix' as const,
					severity: null,
					detail: '',
					raisesReview: signalRaisesReview('risk_matrix', null),
					createdBy: userId
				}))
			)
			.run();
	}
	return decided.map((a) => a.id);
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
			changes: reviewSignals.changes,
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
		// Said once: the settings' save records it as a signal (a matrix changed otherwise,
		// e.g. before signals existed, is found by the comparison).
		matrixChanged: matrixChanged && !signals.some((s) => s.kind === 'risk_matrix'),
		raised: matrixChanged || signals.some((s) => s.raisesReview)
	};
}

/**
 * For a version under review (reopened from a decided one): the reviewer's checklist of
 * what changed since the decided version, reported, found by comparing the contents, or
 * changed in the catalogue since the decision.
 */
export function changesSinceDecided(
	db: Db,
	a: Assessment,
	locale: Locale,
	/** The current content when the caller has read it already (the overview has). */
	current: AssessmentContent = currentContent(db, a)
): { from: number; signals: ReturnType<typeof signalsWhere>; changes: ContentChange[] } | null {
	if (a.status === 'decided' || a.versionNumber < 2) return null;
	const decided = frozenVersion(db, a.id, a.versionNumber - 1);
	if (!decided) return null;
	const catalogue = catalogueChangesSince(
		CATALOGUE_CHANGES,
		decided.frozenAt.slice(0, 10),
		catalogueKeysOf(decided.content),
		locale
	);
	const signals = signalsWhere(db, a.id, a.versionNumber);
	const matrixSignalled = signals.some((s) => s.kind === 'risk_matrix');
	const found = changesSince(reviewedContent(decided.content), reviewedContent(current));
	return {
		from: a.versionNumber - 1,
		signals,
		// A matrix change recorded as a signal is not listed a second time.
		changes: [...found.filter((c) => !(matrixSignalled && c.kind === 'risk_matrix')), ...catalogue]
	};
}

/** The catalogue entries a content's risks and benefits came from. */
function catalogueKeysOf(content: unknown): Set<string> {
	const data = (step: string) => field(field(field(content, 'steps'), step), 'data');
	return new Set(
		[...list(field(data('risks'), 'risks')), ...list(field(data('benefits'), 'benefits'))].map(
			(r) => text(r.catalogueKey)
		)
	);
}
