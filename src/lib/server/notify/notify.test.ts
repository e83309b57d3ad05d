import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import type { StepKey } from '$lib/domain/method/steps';
import { MAX_ATTEMPTS } from '$lib/domain/notifications';
import { seedDemo, demoEmail } from '../seed';
import { DECIDED_DEMO_TITLE } from '../seed-decided';
import { tempDatabase } from '../testing/temp-db';
import { startSmtpSink, type SmtpSink } from '../testing/smtp-sink';
import { createMember, findByEmail } from '../users';
import { assessments, users, type Assessment } from '../db/schema';
import { notificationOutbox } from '../db/schema-outbox';
import { applyTransition } from '../workflow';
import { SYSTEM_ACTOR } from '../audit';
import * as steps from '../steps';
import { notifyConfig, type NotifyConfig } from './config';
import { buildDigests, sendDue, transportFor } from './sender';

const PASSWORD = 'Une-phrase-de-passe-demo';

// Against a real SQLite file and a real SMTP server (smtp-server) on localhost.
describe('e-mail notifications', { timeout: 60_000 }, () => {
	let sink: SmtpSink;
	let ctx: ReturnType<typeof tempDatabase>;
	let a: Assessment;
	let config: NotifyConfig;
	const saved = { ...process.env };

	beforeAll(async () => {
		sink = await startSmtpSink();
	});
	afterAll(() => sink.close());

	beforeEach(async () => {
		process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
		process.env.ORIGIN = 'https://aipd.chu.example';
		process.env.NOTIFY_RETRY_BASE_MS = '1000';
		config = notifyConfig()!;
		sink.messages.length = 0;
		ctx = tempDatabase();
		await seedDemo(ctx.db, PASSWORD);
		a = ctx.db.select().from(assessments).where(ne(assessments.title, DECIDED_DEMO_TITLE)).get()!;
	});
	afterEach(() => {
		ctx.dispose();
		process.env = { ...saved };
	});

	const user = (role: Role) => findByEmail(ctx.db, demoEmail(role))!;
	const actor = (role: Role) => ({
		userId: user(role).id,
		label: demoEmail(role),
		role,
		orgId: a.orgId
	});
	const reload = () => ctx.db.select().from(assessments).where(eq(assessments.id, a.id)).get()!;
	const stepVersion = (step: StepKey) => steps.getStep(ctx.db, a.id, step)!.version;
	const askReview = (role: Role, step: StepKey = 'context') =>
		steps.requestReview(ctx.db, actor(role), reload(), step, stepVersion(step));
	const sendBack = (step: StepKey = 'context') =>
		steps.evaluate(ctx.db, actor('dpo'), reload(), step, stepVersion(step), {
			status: 'to_correct',
			evaluationComment: 'Finalités à préciser : motif de consultation « oncologie »',
			actionPlanComment: ''
		});
	const outbox = () => ctx.db.select().from(notificationOutbox).all();
	const setUser = (role: Role, change: Partial<typeof users.$inferInsert>) =>
		ctx.db
			.update(users)
			.set(change)
			.where(eq(users.id, user(role).id))
			.run();

	it('seeds the demo without queuing a mail', () => {
		expect(outbox()).toEqual([]);
	});

	it('a review request queues one mail for the DPO, sent in French with a link and no content', async () => {
		askReview('contributor');
		expect(outbox().map((r) => [r.userId, r.event, r.status])).toEqual([
			[user('dpo').id, 'review_requested', 'pending']
		]);
		expect(await sendDue(ctx.db, config, transportFor(config))).toEqual({ sent: 1, failed: 0 });
		expect(sink.messages).toHaveLength(1);
		const mail = sink.messages[0]!;
		expect(mail.to).toEqual([demoEmail('dpo')]);
		expect(mail.subject).toBe(`[AIPD] Relecture demandée : ${a.title}`);
		expect(mail.text).toContain('L’étape « Contexte du traitement »');
		expect(mail.text).toContain(`https://aipd.chu.example/assessments/${a.id}/context`);
		expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
		// Sent once: a second pass finds nothing to send.
		expect(await sendDue(ctx.db, config, transportFor(config))).toEqual({ sent: 0, failed: 0 });
	});

	it('a step sent back goes to who asked for the review, in their language, without the comment', async () => {
		askReview('contributor');
		await sendDue(ctx.db, config, transportFor(config));
		setUser('contributor', { locale: 'en' });
		sendBack();
		const sent = outbox().filter((r) => r.event === 'step_sent_back');
		expect(sent.map((r) => r.userId)).toEqual([user('contributor').id]);
		await sendDue(ctx.db, config, transportFor(config));
		const mail = sink.messages.at(-1)!;
		expect(mail.to).toEqual([demoEmail('contributor')]);
		expect(mail.subject).toBe(`[DPIA] Step to correct: ${a.title}`);
		expect(mail.text).not.toContain('oncologie');
	});

	it('asking for opinions tells the signers, asking for the decision tells the director, never the actor', () => {
		for (const step of ['screening'] as const) askReview('dpo', step);
		expect(outbox()).toEqual([]); // the DPO asked: nobody else evaluates
		applyTransition(ctx.db, actor('dpo'), 'dpo', a.id, 'submit_for_review', reload().version);
		ctx.db.update(assessments).set({ status: 'in_review' }).where(eq(assessments.id, a.id)).run();
		expect(() =>
			applyTransition(ctx.db, actor('dpo'), 'dpo', a.id, 'open_opinions', reload().version)
		).not.toThrow();
		const asked = outbox()
			.filter((r) => r.event === 'opinion_requested')
			.map((r) => r.userId)
			.sort();
		expect(asked).toEqual([user('security').id, user('representative').id].sort());
	});

	it('"none" queues nothing; "digest" folds the event into one daily mail with what falls due', async () => {
		setUser('dpo', { notifyMode: 'none' });
		askReview('contributor');
		expect(outbox()).toEqual([]);

		setUser('dpo', { notifyMode: 'digest' });
		askReview('contributor', 'screening');
		expect(outbox().map((r) => [r.delivery, r.status])).toEqual([['digest', 'pending']]);
		expect(await sendDue(ctx.db, config, transportFor(config))).toEqual({ sent: 0, failed: 0 });

		const early = new Date(2026, 11, 5, config.digestHour - 1, 0);
		expect(await buildDigests(ctx.db, config, early)).toBe(0);
		const morning = new Date(2026, 11, 5, config.digestHour, 30);
		expect(await buildDigests(ctx.db, config, morning)).toBeGreaterThanOrEqual(1);
		// Once a day: the same morning builds nothing more.
		expect(await buildDigests(ctx.db, config, morning)).toBe(0);
		const digest = outbox().filter((r) => r.event === 'digest' && r.userId === user('dpo').id);
		expect(digest).toHaveLength(1);
		expect(outbox().find((r) => r.event === 'review_requested')?.status).toBe('folded');
		await sendDue(ctx.db, config, transportFor(config), morning.getTime());
		const mail = sink.messages.find((msg) => msg.to.includes(demoEmail('dpo')))!;
		expect(mail.subject).toBe('[AIPD] Votre récapitulatif du 2026-12-05');
		expect(mail.text).toContain('L’étape « Faut-il une AIPD ? »');
	});

	it('a mail server down leaves the mail pending with its error, retried later, given up after the last attempt', async () => {
		askReview('contributor');
		await sink.close();
		try {
			const down = await sendDue(ctx.db, config, transportFor(config));
			expect(down).toEqual({ sent: 0, failed: 1 });
			const row = outbox()[0]!;
			expect(row.status).toBe('pending');
			expect(row.attempts).toBe(1);
			expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
			// Not retried before its time.
			expect(await sendDue(ctx.db, config, transportFor(config), row.nextAttemptAt - 1)).toEqual({
				sent: 0,
				failed: 0
			});
			for (let i = 1; i < MAX_ATTEMPTS; i++)
				await sendDue(ctx.db, config, transportFor(config), Number.MAX_SAFE_INTEGER);
			expect(outbox()[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
		} finally {
			sink = await startSmtpSink(sink.port);
		}
	});

	it('queues nothing without SMTP_URL, and the action works the same', async () => {
		delete process.env.SMTP_URL;
		askReview('contributor');
		expect(steps.getStep(ctx.db, a.id, 'context')!.status).toBe('review_requested');
		expect(outbox()).toEqual([]);
		const other = await createMember(ctx.db, SYSTEM_ACTOR, {
			email: 'dpo2@demo.local',
			name: 'Second DPO',
			password: PASSWORD,
			role: 'dpo',
			orgId: a.orgId
		});
		expect(
			ctx.db
				.select()
				.from(notificationOutbox)
				.where(and(eq(notificationOutbox.userId, other.id)))
				.all()
		).toEqual([]);
	});
});
