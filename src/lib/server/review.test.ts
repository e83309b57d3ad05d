import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import { demoEmail } from './seed';
import { decidedDemo } from './testing/decided-demo';

type Demo = Awaited<ReturnType<typeof decidedDemo>>;
import { findByEmail } from './users';
import { assessments, auditLog, organisations, type Assessment } from './db/schema';
import { reviewSignals } from './db/schema-review';
import { applyTransition } from './workflow';
import { verify } from './audit';
import * as steps from './steps';
import { REVIEW_CHANGED } from '$lib/domain/tasks';
import { currentUser } from './users';
import { tasksFor } from './tasks';
import { listPage } from './assessment-list';
import { readSettings, saveSettings } from './org-settings-write';
import { orgSettingsSchema } from './org-settings';
import { changesSinceDecided, reviewReasons, signalChange, SignalRefusedError } from './review';

// Against a real SQLite file seeded with the demo: its decided analysis and its draft.
describe('changes reported on a decided analysis and the review they call for', () => {
	let ctx: Demo['ctx'];
	let decided: Assessment;
	let draft: Assessment;
	let actor: Demo['actor'];

	beforeEach(async () => {
		({ ctx, decided, draft, actor } = await decidedDemo());
	});
	afterEach(() => ctx.dispose());
	const reload = (a: Assessment) =>
		ctx.db.select().from(assessments).where(eq(assessments.id, a.id)).get()!;

	it('a vulnerability of severity 4 brings the review forward; one of severity 2 is only listed', () => {
		expect(decided.status).toBe('decided');
		expect(reviewReasons(ctx.db, decided)).toMatchObject({ raised: false, signals: [] });

		signalChange(ctx.db, actor('security'), decided.id, {
			kind: 'vulnerability',
			severity: 2,
			detail: 'Bibliothèque de rappel SMS à mettre à jour'
		});
		expect(reviewReasons(ctx.db, decided)!.raised).toBe(false);

		signalChange(ctx.db, actor('security'), decided.id, {
			kind: 'vulnerability',
			severity: 4,
			detail: 'Accès à l’agenda sans authentification chez l’éditeur'
		});
		const reasons = reviewReasons(ctx.db, decided)!;
		expect(reasons.raised).toBe(true);
		expect(reasons.signals.map((s) => [s.severity, s.raisesReview, s.by])).toEqual([
			[2, false, 'Sophie Sécurité (RSSI)'],
			[4, true, 'Sophie Sécurité (RSSI)']
		]);
		// The decided version is untouched; each report is one audit entry of the chain.
		expect(reload(decided).version).toBe(decided.version);
		const actions = ctx.db
			.select()
			.from(auditLog)
			.all()
			.map((e) => e.action);
		expect(actions.filter((a) => a === 'review.signal')).toHaveLength(2);
		expect(verify(ctx.db).ok).toBe(true);
	});

	it('puts the review brought forward on the to-do page of those who reopen', () => {
		const reviews = (role: Role) =>
			tasksFor(ctx.db, currentUser(ctx.db, findByEmail(ctx.db, demoEmail(role))!)).filter(
				(t) => t.kind === 'review_due' && t.assessmentId === decided.id
			);
		signalChange(ctx.db, actor('dpo'), decided.id, { kind: 'other', severity: null, detail: 'x' });
		expect(reviews('dpo')).toEqual([]);
		signalChange(ctx.db, actor('security'), decided.id, {
			kind: 'incident',
			severity: null,
			detail: 'Fuite chez l’éditeur'
		});
		expect(reviews('dpo').map((t) => [t.subject, t.dueDate])).toEqual([[REVIEW_CHANGED, null]]);
		expect(reviews('representative')).toEqual([]);
	});

	it('refuses a report on an analysis in progress, and saves nothing', () => {
		expect(() =>
			signalChange(ctx.db, actor('dpo'), draft.id, {
				kind: 'incident',
				severity: null,
				detail: 'x'
			})
		).toThrow(SignalRefusedError);
		expect(ctx.db.select().from(reviewSignals).all()).toEqual([]);
		expect(reviewReasons(ctx.db, draft)).toBeNull();
	});

	it('a change of the organisation’s risk matrix brings every decided analysis’s review forward', () => {
		const stricter = [1, 2, 3, 4].map(() => [4, 4, 4, 4]);
		ctx.db
			.update(organisations)
			.set({ settings: { thresholds: { levels: stricter } } })
			.where(eq(organisations.id, decided.orgId))
			.run();
		expect(reviewReasons(ctx.db, decided)).toMatchObject({ matrixChanged: true, raised: true });
	});

	it('an admin saving another matrix brings the review forward on the list and the to-do page too', () => {
		const admin = { ...actor('admin'), role: 'admin' };
		const stored = readSettings(ctx.db, decided.orgId);
		const stricter = [1, 2, 3, 4].map(() => [4, 4, 4, 4]);
		// Through the schema, as the admin page saves it.
		const settings = orgSettingsSchema.parse({
			...stored.settings,
			thresholds: { levels: stricter }
		});
		saveSettings(ctx.db, admin, decided.orgId, stored.version, settings);

		const reasons = reviewReasons(ctx.db, decided)!;
		// Said once, as the signal the save recorded.
		expect(reasons.signals.map((s) => s.kind)).toEqual(['risk_matrix']);
		expect(reasons).toMatchObject({ matrixChanged: false, raised: true });
		expect(listPage(ctx.db, { orgIds: [decided.orgId], page: 1 }).rows).toContainEqual(
			expect.objectContaining({ id: decided.id, changed: true })
		);
		const tasks = tasksFor(ctx.db, currentUser(ctx.db, findByEmail(ctx.db, demoEmail('dpo'))!));
		expect(
			tasks.filter((t) => t.kind === 'review_due' && t.assessmentId === decided.id)
		).toHaveLength(1);
		// The settings' audit entry names the analyses; the chain verifies.
		const entry = ctx.db
			.select()
			.from(auditLog)
			.all()
			.find((e) => e.action === 'organisation.settings')!;
		expect(entry.summary).toMatch(/risk matrix changed, 1 decided analysis\(es\) to review$/);
		expect(verify(ctx.db).ok).toBe(true);
		// The same matrix saved again is not a change.
		const again = readSettings(ctx.db, decided.orgId);
		saveSettings(ctx.db, admin, decided.orgId, again.version, settings);
		expect(reviewReasons(ctx.db, decided)!.signals).toHaveLength(1);
	});

	it('reopening takes the reports up; the new version lists them with what its content changed', () => {
		signalChange(ctx.db, actor('dpo'), decided.id, {
			kind: 'subprocessor',
			severity: null,
			detail: 'L’éditeur confie les SMS à un nouveau prestataire'
		});
		const reopened = applyTransition(
			ctx.db,
			actor('dpo'),
			'dpo',
			decided.id,
			'reopen',
			reload(decided).version
		);
		expect(reopened.versionNumber).toBe(decided.versionNumber + 1);
		expect(reviewReasons(ctx.db, reopened)).toBeNull();

		const context = steps.getStep(ctx.db, decided.id, 'context')!;
		const data = structuredClone(context.data) as { actors: Record<string, unknown>[] };
		data.actors.push({
			name: 'Routeur SMS Exemple',
			role: 'sub_processor',
			country: 'DE',
			hdsCertified: 'unknown',
			iso27001: 'unknown',
			keysHeldBy: '',
			notes: ''
		});
		steps.saveContent(ctx.db, actor('dpo'), reopened, 'context', data, context.version);

		const since = changesSinceDecided(ctx.db, reload(decided), 'fr')!;
		expect(since.from).toBe(decided.versionNumber);
		expect(since.signals.map((s) => s.kind)).toEqual(['subprocessor']);
		expect(since.changes).toContainEqual({
			kind: 'new_actor',
			name: 'Routeur SMS Exemple',
			country: 'DE'
		});
		// The catalogue's revisions all predate a decision signed today: none is listed.
		expect(since.changes.filter((c) => c.kind.startsWith('catalogue'))).toEqual([]);
		// A report made now goes to no version: it is refused until the new one is decided.
		expect(() =>
			signalChange(ctx.db, actor('dpo'), decided.id, { kind: 'other', severity: null, detail: 'x' })
		).toThrow(SignalRefusedError);
	});
});
