import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { seedDemo, demoEmail } from '../seed';
import { tempDatabase } from '../testing/temp-db';
import { createOrganisation, findByEmail, orgIdsOf } from '../users';
import { auditLog, users } from '../db/schema';
import { notificationOutbox } from '../db/schema-outbox';
import { SYSTEM_ACTOR, verify } from '../audit';
import { newId } from '../ids';
import { outboxOverview, retryFailed } from './admin';
import { notifyPreferences, setNotifyPreferences } from './preferences';

// Against a real SQLite file: the rows an administrator sees and what "Relancer" changes.
describe('the outbox as an administrator sees it', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let demoOrg: string;
	let otherOrg: string;
	let dpo: string;

	beforeEach(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		dpo = findByEmail(ctx.db, demoEmail('dpo'))!.id;
		demoOrg = orgIdsOf(ctx.db, dpo)[0]!;
		otherOrg = createOrganisation(ctx.db, SYSTEM_ACTOR, 'Autre hôpital', null).id;
	});
	afterEach(() => ctx.dispose());

	const row = (
		orgId: string,
		status: 'pending' | 'sent' | 'failed' | 'folded',
		attempts: number,
		title: string
	) =>
		ctx.db
			.insert(notificationOutbox)
			.values({
				id: newId(),
				userId: dpo,
				orgId,
				event: 'review_requested',
				delivery: 'immediate',
				payload: { title, href: '/assessments/x/context' },
				status,
				attempts,
				nextAttemptAt: Date.now() + 3_600_000,
				lastError: attempts ? 'connect ECONNREFUSED 127.0.0.1:25' : null
			})
			.run();

	it('counts and lists only the organisations the admin manages, troubled rows only', () => {
		row(demoOrg, 'sent', 1, 'Envoyé');
		row(demoOrg, 'pending', 0, 'Pas encore tenté');
		row(demoOrg, 'pending', 2, 'En reprise');
		row(demoOrg, 'failed', 8, 'Abandonné');
		row(demoOrg, 'folded', 0, 'Dans le récapitulatif');
		row(otherOrg, 'failed', 8, 'Ailleurs');

		const seen = outboxOverview(ctx.db, [demoOrg]);
		expect(seen.counts).toEqual({ pending: 2, sent: 1, failed: 1 });
		expect(seen.problems.map((p) => [p.title, p.status, p.attempts]).sort()).toEqual([
			['Abandonné', 'failed', 8],
			['En reprise', 'pending', 2]
		]);
		expect(seen.problems[0]!.recipient).toBe(demoEmail('dpo'));
		expect(outboxOverview(ctx.db, [otherOrg]).problems.map((p) => p.title)).toEqual(['Ailleurs']);
		expect(outboxOverview(ctx.db, []).problems).toEqual([]);
	});

	it('"Relancer" queues again the given-up mails of the admin’s organisations only, audited', () => {
		row(demoOrg, 'failed', 8, 'Abandonné');
		row(demoOrg, 'pending', 3, 'En reprise');
		row(otherOrg, 'failed', 8, 'Ailleurs');
		const before = ctx.db.select().from(auditLog).all().length;

		expect(retryFailed(ctx.db, SYSTEM_ACTOR, [demoOrg], 1234)).toBe(1);

		const rows = ctx.db.select().from(notificationOutbox).all();
		const byTitle = (t: string) => rows.find((r) => (r.payload as { title: string }).title === t)!;
		expect(byTitle('Abandonné')).toMatchObject({
			status: 'pending',
			attempts: 0,
			nextAttemptAt: 1234
		});
		expect(byTitle('En reprise')).toMatchObject({ status: 'pending', attempts: 3 });
		expect(byTitle('Ailleurs')).toMatchObject({ status: 'failed', attempts: 8 });
		const entries = ctx.db.select().from(auditLog).all();
		expect(entries.length).toBe(before + 1);
		expect(entries.at(-1)).toMatchObject({ action: 'notify.retry', orgId: demoOrg });
		expect(verify(ctx.db).ok).toBe(true);
	});

	it('saves a user’s mode and mail language together with an audit entry', () => {
		expect(notifyPreferences(ctx.db, dpo)).toEqual({ mode: 'immediate', locale: 'fr' });
		setNotifyPreferences(ctx.db, SYSTEM_ACTOR, dpo, { mode: 'digest', locale: 'en' });
		expect(notifyPreferences(ctx.db, dpo)).toEqual({ mode: 'digest', locale: 'en' });
		const stored = ctx.db.select().from(users).where(eq(users.id, dpo)).get()!;
		expect([stored.notifyMode, stored.locale]).toEqual(['digest', 'en']);
		const last = ctx.db.select().from(auditLog).all().at(-1)!;
		expect(last).toMatchObject({ action: 'user.notify_preferences', entityId: dpo });
	});
});
