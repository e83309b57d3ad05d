import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import type { DecisionDetails } from '$lib/domain/signoff';
import { canonicalHash } from '$lib/domain/canonical';
import { addDays } from '$lib/domain/tasks';
import { demoEmail } from './seed';
import { decidedDemo } from './testing/decided-demo';

type Demo = Awaited<ReturnType<typeof decidedDemo>>;
import { currentUser, findByEmail } from './users';
import { assessments, auditLog, type Assessment } from './db/schema';
import { conditionFulfilments } from './db/schema-review';
import { archive } from './assessments';
import { verify } from './audit';
import { loadRecord } from './record';
import { tasksFor } from './tasks';
import { conditionsBefore } from './tasks-queries';
import {
	CONDITION_NOTE_MAX,
	ConditionRefusedError,
	conditionsMet,
	markConditionMet,
	type ConditionRefusal
} from './conditions';

// Against a real SQLite file seeded with the demo: its decided analysis sets three conditions.
describe('conditions of a signed decision marked as met', { timeout: 60_000 }, () => {
	let ctx: Demo['ctx'];
	let decided: Assessment;
	let draft: Assessment;
	let actor: Demo['actor'];
	let conditions: DecisionDetails['conditions'];

	beforeEach(async () => {
		({ ctx, decided, draft, actor } = await decidedDemo());
		conditions = loadRecord(ctx.db, decided.id)!.decision!.details.conditions;
	});
	afterEach(() => ctx.dispose());

	const user = (role: Role) => findByEmail(ctx.db, demoEmail(role))!;
	const reload = (a: Assessment) =>
		ctx.db.select().from(assessments).where(eq(assessments.id, a.id)).get()!;
	/** What a refusal must leave untouched: the audit trail and the fulfilments. */
	const written = () => ({
		audit: ctx.db.select({ n: count() }).from(auditLog).get()!.n,
		fulfilments: ctx.db.select().from(conditionFulfilments).all()
	});
	const refusal = (fn: () => unknown): [ConditionRefusal, number] | 'accepted' => {
		try {
			fn();
		} catch (e) {
			if (e instanceof ConditionRefusedError) return [e.reason, e.status];
			throw e;
		}
		return 'accepted';
	};

	it('records how a condition was met, by whom, with one audit entry of the chain', () => {
		expect(conditions).toHaveLength(3);
		const before = written();
		const row = markConditionMet(
			ctx.db,
			actor('dpo'),
			decided.id,
			1,
			'  Journalisation activée et exports chiffrés (ticket DSI-4521).  '
		);
		expect(row).toMatchObject({
			assessmentId: decided.id,
			orgId: decided.orgId,
			versionNumber: decided.versionNumber,
			position: 1,
			conditionText: conditions[1]!.text,
			note: 'Journalisation activée et exports chiffrés (ticket DSI-4521).',
			metBy: user('dpo').id
		});
		expect(conditionsMet(ctx.db, decided.id, decided.versionNumber)).toEqual([
			{
				position: 1,
				conditionText: conditions[1]!.text,
				note: 'Journalisation activée et exports chiffrés (ticket DSI-4521).',
				metAt: row.metAt,
				by: user('dpo').name
			}
		]);
		// Another version's fulfilments are its own.
		expect(conditionsMet(ctx.db, decided.id, decided.versionNumber + 1)).toEqual([]);

		const entries = ctx.db.select().from(auditLog).all().slice(before.audit);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			action: 'decision.condition_met',
			entity: 'condition_fulfilment',
			entityId: row.id,
			assessmentId: decided.id,
			orgId: decided.orgId,
			version: decided.versionNumber,
			actorId: user('dpo').id,
			summary: `condition 2 met: ${conditions[1]!.text}`,
			stateHash: canonicalHash(row)
		});
		expect(verify(ctx.db).ok).toBe(true);
		// The decided version is untouched: the signature stays as signed.
		expect(reload(decided)).toEqual(decided);
		expect(loadRecord(ctx.db, decided.id)!.decision!.details.conditions).toEqual(conditions);
	});

	it('refuses an empty or too long note, an unknown condition and one already met, writing nothing', () => {
		const mark =
			(position: number, note = 'Avenant signé le 3 mars.') =>
			() =>
				markConditionMet(ctx.db, actor('director'), decided.id, position, note);
		const before = written();
		expect(refusal(mark(0, ''))).toEqual(['note_empty', 400]);
		expect(refusal(mark(0, ' \n\t '))).toEqual(['note_empty', 400]);
		expect(refusal(mark(0, 'x'.repeat(CONDITION_NOTE_MAX + 1)))).toEqual(['note_too_long', 400]);
		for (const position of [3, 99, -1, 1.5, Number.NaN])
			expect(refusal(mark(position)), String(position)).toEqual(['no_condition', 404]);
		expect(written()).toEqual(before);

		// Exactly the limit is accepted; the same condition a second time is refused.
		expect(refusal(mark(0, 'x'.repeat(CONDITION_NOTE_MAX)))).toBe('accepted');
		const once = written();
		expect(once.audit).toBe(before.audit + 1);
		expect(refusal(mark(0))).toEqual(['already_met', 409]);
		expect(refusal(() => markConditionMet(ctx.db, actor('dpo'), decided.id, 0, 'Autre'))).toEqual([
			'already_met',
			409
		]);
		expect(written()).toEqual(once);
		expect(verify(ctx.db).ok).toBe(true);
	});

	it('refuses on an analysis not decided, archived, or whose version has no decision, writing nothing', () => {
		const before = written();
		expect(refusal(() => markConditionMet(ctx.db, actor('dpo'), draft.id, 0, 'Fait.'))).toEqual([
			'not_decided',
			409
		]);
		expect(
			refusal(() => markConditionMet(ctx.db, actor('dpo'), 'no-such-assessment', 0, 'Fait.'))
		).toEqual(['not_decided', 409]);
		// A decided state without a decision of its version (only a damaged database has one).
		ctx.db.update(assessments).set({ status: 'decided' }).where(eq(assessments.id, draft.id)).run();
		expect(refusal(() => markConditionMet(ctx.db, actor('dpo'), draft.id, 0, 'Fait.'))).toEqual([
			'no_decision',
			404
		]);
		expect(written()).toEqual(before);

		archive(ctx.db, actor('dpo'), decided.id, decided.version);
		const archived = written();
		expect(refusal(() => markConditionMet(ctx.db, actor('dpo'), decided.id, 0, 'Fait.'))).toEqual([
			'not_decided',
			409
		]);
		expect(written()).toEqual(archived);
	});

	it('takes a met condition off the to-do list while the others stay', () => {
		const due = conditions[0]!.dueDate;
		const later = addDays(due, 1);
		const dpo = currentUser(ctx.db, user('dpo'));
		const listed = () =>
			tasksFor(ctx.db, dpo, later)
				.filter((t) => t.kind === 'condition_due' && t.assessmentId === decided.id)
				.map((t) => t.subject)
				.sort();
		const texts = conditions.map((c) => c.text);
		expect(listed()).toEqual([...texts].sort());

		markConditionMet(ctx.db, actor('security'), decided.id, 1, 'Journaux activés.');
		expect(listed()).toEqual([texts[0], texts[2]].sort());
		// The query itself leaves it out (set-based, by position), not a filter afterwards.
		expect(
			conditionsBefore(ctx.db, [decided.orgId], later)
				.map((c) => [c.assessmentId, c.text])
				.sort()
		).toEqual(
			[
				[decided.id, texts[0]],
				[decided.id, texts[2]]
			].sort()
		);

		markConditionMet(ctx.db, actor('contributor'), decided.id, 0, 'Avenant signé.');
		markConditionMet(ctx.db, actor('director'), decided.id, 2, 'Secrétariat maintenu.');
		expect(listed()).toEqual([]);
	});
});
