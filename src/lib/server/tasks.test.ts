import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, ne } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import { EVALUATED_STEPS, type StepKey } from '$lib/domain/method/steps';
import { addDays, type TaskKind } from '$lib/domain/tasks';
import { seedDemo, demoEmail } from './seed';
import { DECIDED_DEMO_TITLE } from './seed-decided';
import { storyRisks } from './seed-decided-story';
import { tempDatabase } from './testing/temp-db';
import { setExtraOpinions } from './testing/org-settings';
import { createMember, createOrganisation, currentUser, findByEmail } from './users';
import { assessments, organisations, type Assessment } from './db/schema';
import { archive, create as createAssessment } from './assessments';
import { contentHash, currentContent } from './content';
import { applyTransition } from './workflow';
import { signOpinion } from './signoffs';
import { createFinding } from './findings';
import { actionPlanOf } from './action-plan';
import { SYSTEM_ACTOR } from './audit';
import * as steps from './steps';
import { tasksFor } from './tasks';

const PASSWORD = 'Une-phrase-de-passe-demo';

// Each test seeds the demo (with its decided example): slow on a loaded machine.
describe('the to-do list of each user', { timeout: 60_000 }, () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let a: Assessment;
	const reload = (id = a.id) =>
		ctx.db.select().from(assessments).where(eq(assessments.id, id)).get()!;
	const user = (email: string) => findByEmail(ctx.db, email)!;
	const actor = (email: string, role: Role, orgId = a.orgId) => {
		const u = user(email);
		return { userId: u.id, label: u.email, role, orgId };
	};
	const demo = (role: Role) => actor(demoEmail(role), role);
	const tasksOf = (email: string, today?: string) =>
		tasksFor(ctx.db, currentUser(ctx.db, user(email)), today);
	const kinds = (email: string, assessmentId = a.id, today?: string) =>
		tasksOf(email, today)
			.filter((t) => t.assessmentId === assessmentId)
			.map((t) => t.kind);
	const stepWrite = (who: ReturnType<typeof actor>, id: string, step: StepKey) =>
		[ctx.db, who, reload(id), step, steps.getStep(ctx.db, id, step)!.version] as const;
	const evaluate = (id: string, step: StepKey, status: 'acceptable' | 'to_correct') =>
		steps.evaluate(...stepWrite(demo('dpo'), id, step), {
			status,
			evaluationComment: '',
			actionPlanComment: ''
		});
	const move = (role: Role, action: Parameters<typeof applyTransition>[4]) =>
		applyTransition(ctx.db, demo(role), role, a.id, action, reload().version);
	const sign = (role: Role, kind: 'dpo' | 'security' | 'data_subjects_waiver') =>
		signOpinion(ctx.db, demo(role), { id: user(demoEmail(role)).id, name: role, role }, a.id, {
			kind,
			extraKey: null,
			verdict: kind === 'data_subjects_waiver' ? null : 'favourable',
			body: `avis ${kind}`,
			seenHash: contentHash(currentContent(ctx.db, reload()))
		});

	beforeEach(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, PASSWORD);
		a = ctx.db.select().from(assessments).where(ne(assessments.title, DECIDED_DEMO_TITLE)).get()!;
	});
	afterEach(() => ctx.dispose());

	it('lists a step waiting for review for the DPO of its organisation only, by the role held there', async () => {
		const other = createOrganisation(ctx.db, SYSTEM_ACTOR, 'Autre centre hospitalier', null);
		await createMember(ctx.db, SYSTEM_ACTOR, {
			email: 'dpo@autre.local',
			name: 'DPO Autre',
			password: PASSWORD,
			role: 'dpo',
			orgId: other.id
		});
		// The demo security officer is also the DPO of the other hospital.
		await createMember(ctx.db, SYSTEM_ACTOR, {
			email: demoEmail('security'),
			name: '',
			password: PASSWORD,
			role: 'dpo',
			orgId: other.id
		});
		const otherDpo = actor('dpo@autre.local', 'dpo', other.id);
		const b = createAssessment(
			ctx.db,
			otherDpo,
			{ orgId: other.id, title: 'Analyse B', description: '', template: 'booking' },
			'fr'
		);
		steps.requestReview(...stepWrite(demo('contributor'), a.id, 'context'));
		steps.requestReview(...stepWrite(otherDpo, b.id, 'screening'));

		const mine = tasksOf(demoEmail('dpo'));
		expect(mine.map((t) => [t.kind, t.assessmentId, t.subject, t.href])).toEqual([
			['evaluate_step', a.id, 'context', `/assessments/${a.id}/context`]
		]);
		expect(tasksOf('dpo@autre.local').map((t) => [t.kind, t.assessmentId, t.href])).toEqual([
			['evaluate_step', b.id, `/assessments/${b.id}/screening`]
		]);
		// DPO in the other hospital, security officer here: only the other hospital's step.
		expect(tasksOf(demoEmail('security')).map((t) => [t.kind, t.assessmentId])).toEqual([
			['evaluate_step', b.id]
		]);
		expect(tasksOf(demoEmail('contributor'))).toEqual([]);
		expect(tasksOf(demoEmail('auditor'))).toEqual([]);

		evaluate(a.id, 'context', 'to_correct');
		expect(kinds(demoEmail('dpo'))).toEqual([]);
		const toCorrect = tasksOf(demoEmail('contributor'));
		expect(toCorrect.map((t) => [t.kind, t.subject, t.href])).toEqual([
			['correct_step', 'context', `/assessments/${a.id}/context`]
		]);
		expect(toCorrect[0]!.orgName).toBe(
			ctx.db.select().from(organisations).where(eq(organisations.id, a.orgId)).get()!.name
		);

		// Archived: nothing waits on it any more.
		archive(ctx.db, demo('dpo'), a.id, reload().version);
		expect(tasksOf(demoEmail('contributor'))).toEqual([]);
	});

	it('asks each opinion of its signer until a current signature answers it, then the decision of the director', () => {
		setExtraOpinions(ctx.db, a.orgId, [
			{
				key: 'cme',
				label: { fr: 'Avis de la CME', en: 'Medical committee opinion' },
				role: 'director',
				required: false
			}
		]);
		for (const step of EVALUATED_STEPS) evaluate(a.id, step, 'acceptable');
		move('contributor', 'submit_for_review');
		expect(kinds(demoEmail('dpo'))).toEqual([]);
		move('dpo', 'open_opinions');

		const opinion = (role: Role) =>
			tasksOf(demoEmail(role))
				.filter((t) => t.assessmentId === a.id && t.kind === 'sign_opinion')
				.map((t) => [t.opinion?.kind, t.opinion?.extraKey, t.opinion?.label?.fr ?? null, t.href]);
		const href = `/assessments/${a.id}/opinions`;
		expect(opinion('dpo')).toEqual([['dpo', null, null, href]]);
		expect(opinion('security')).toEqual([['security', null, null, href]]);
		expect(opinion('representative')).toEqual([['data_subjects', null, null, href]]);
		expect(opinion('director')).toEqual([['extra', 'cme', 'Avis de la CME', href]]);
		expect(opinion('contributor')).toEqual([]);

		sign('dpo', 'dpo');
		expect(opinion('dpo')).toEqual([]);
		// A finding changes the signed content: the DPO's opinion goes stale and is asked again.
		createFinding(ctx.db, demo('security'), reload(), {
			title: 'Mot de passe par défaut',
			severity: 3,
			asset: 'Portail',
			evidence: '',
			recommendation: '',
			status: 'open',
			riskIds: []
		});
		expect(opinion('dpo')).toEqual([['dpo', null, null, href]]);
		expect(kinds(demoEmail('security'))).toEqual(['sign_opinion', 'open_finding']);
		expect(tasksOf(demoEmail('security')).find((t) => t.kind === 'open_finding')).toMatchObject({
			subject: 'Mot de passe par défaut',
			href: `/assessments/${a.id}/findings`
		});
		expect(kinds(demoEmail('dpo'))).toEqual(['sign_opinion']);

		sign('dpo', 'dpo');
		sign('security', 'security');
		// The DPO's recorded reason for not seeking the view answers the representative's slot.
		sign('dpo', 'data_subjects_waiver');
		expect(opinion('representative')).toEqual([]);
		expect(opinion('dpo')).toEqual([]);

		move('dpo', 'request_decision');
		expect(kinds(demoEmail('director'))).toEqual(['sign_decision']);
		expect(tasksOf(demoEmail('director'))[0]!.href).toBe(`/assessments/${a.id}/decision`);
		expect(opinion('director')).toEqual([]);
		expect(kinds(demoEmail('dpo'))).toEqual([]);
	});

	it('lists the conditions and the review of a decision as their dates come, and overdue measures to their owner', () => {
		const decided = ctx.db
			.select()
			.from(assessments)
			.where(eq(assessments.title, DECIDED_DEMO_TITLE))
			.get()!;
		const byKind = (email: string, today: string, kind: TaskKind) =>
			tasksOf(email, today).filter((t) => t.assessmentId === decided.id && t.kind === kind);
		// The demo's conditions fall due in two months, its review in twelve.
		const plan = actionPlanOf(ctx.db, decided.id);
		const due = plan.find((i) => i.dueDate)!.dueDate;
		const now = new Date().toISOString().slice(0, 10);
		expect(tasksOf(demoEmail('dpo'), now)).toEqual([]);

		const conditions = byKind(demoEmail('dpo'), addDays(due, 1), 'condition_due');
		expect(conditions).toHaveLength(3);
		expect(conditions.every((c) => c.overdue && c.dueDate === due)).toBe(true);
		expect(conditions[0]!.href).toBe(`/assessments/${decided.id}/decision`);
		expect(byKind(demoEmail('dpo'), addDays(due, -30), 'condition_due')).toHaveLength(3);
		expect(byKind(demoEmail('dpo'), addDays(due, -31), 'condition_due')).toEqual([]);
		// Owned by departments ("Direction des achats et DPO"): nobody's by name.
		expect(byKind(demoEmail('security'), addDays(due, 1), 'condition_due')).toEqual([]);
		// The measures are the DSI's, a department: no one's task either.
		expect(byKind(demoEmail('dpo'), addDays(due, 1), 'overdue_action')).toEqual([]);

		const review = new Date();
		review.setUTCMonth(review.getUTCMonth() + 12);
		const reviewDate = review.toISOString().slice(0, 10);
		for (const role of ['dpo', 'director'] as const)
			expect(byKind(demoEmail(role), addDays(reviewDate, -10), 'review_due')).toMatchObject([
				{ dueDate: reviewDate, overdue: false }
			]);
		expect(byKind(demoEmail('contributor'), addDays(reviewDate, -10), 'review_due')).toEqual([]);
		expect(byKind(demoEmail('dpo'), addDays(reviewDate, 1), 'review_due')[0]?.overdue).toBe(true);

		// Measures of the draft owned by the contributor, by name; one of them done.
		const contributor = user(demoEmail('contributor'));
		const row = steps.getStep(ctx.db, a.id, 'risks')!;
		const risks = storyRisks(row.data as Parameters<typeof storyRisks>[0], contributor.name, due);
		risks.risks[0]!.measures[1]!.status = 'done';
		steps.saveContent(ctx.db, demo('contributor'), reload(), 'risks', risks, row.version);
		const later = addDays(due, 1);
		const expected = actionPlanOf(ctx.db, a.id, later).filter(
			(i) => i.overdue && i.owner === contributor.name
		);
		expect(expected.length).toBeGreaterThan(1);
		const overdue = tasksOf(demoEmail('contributor'), later).filter(
			(t) => t.kind === 'overdue_action'
		);
		expect(overdue.map((t) => t.subject).sort()).toEqual(expected.map((i) => i.title).sort());
		expect(overdue.every((t) => t.href === `/assessments/${a.id}/action-plan`)).toBe(true);
		expect(
			tasksOf(demoEmail('contributor'), due).filter((t) => t.kind === 'overdue_action')
		).toEqual([]);
		expect(kinds(demoEmail('dpo'), a.id, later)).toEqual([]);
	});
});
