import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, ne } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import { EVALUATED_STEPS } from '$lib/domain/method/steps';
import { seedDemo, demoEmail } from './seed';
import { DECIDED_DEMO_TITLE } from './seed-decided';
import { tempDatabase } from './testing/temp-db';
import { setExtraOpinions } from './testing/org-settings';
import { findByEmail } from './users';
import { assessments, type Assessment } from './db/schema';
import { contentHash, currentContent } from './content';
import { applyTransition } from './workflow';
import { signOpinion } from './signoffs';
import { createFinding } from './findings';
import { gateFactsOf, unansweredApproval } from './decision-gate';
import * as steps from './steps';
import { workflowOverview } from './workflow-checklist';

const TODAY = '2026-12-05';

describe('the overview checklist on the real database', { timeout: 60_000 }, () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let a: Assessment;
	const reload = () => ctx.db.select().from(assessments).where(eq(assessments.id, a.id)).get()!;
	const demo = (role: Role) => {
		const u = findByEmail(ctx.db, demoEmail(role))!;
		return { userId: u.id, label: u.email, role, orgId: a.orgId };
	};
	const checklist = () =>
		workflowOverview(ctx.db, reload(), TODAY).checklist.map((g) => [
			g.action,
			g.items.map((b) => `${b.code}:${b.ref}`)
		]);
	const move = (role: Role, action: Parameters<typeof applyTransition>[4]) =>
		applyTransition(ctx.db, demo(role), role, a.id, action, reload().version);

	beforeEach(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		a = ctx.db.select().from(assessments).where(ne(assessments.title, DECIDED_DEMO_TITLE)).get()!;
	});
	afterEach(() => ctx.dispose());

	it('names every missing opinion at once, then a stale one, and the approval blockers once', () => {
		setExtraOpinions(ctx.db, a.orgId, [
			{
				key: 'cme',
				label: { fr: 'Avis de la CME', en: 'CME' },
				role: 'director',
				required: true
			}
		]);
		for (const step of EVALUATED_STEPS)
			steps.evaluate(
				ctx.db,
				demo('dpo'),
				reload(),
				step,
				steps.getStep(ctx.db, a.id, step)!.version,
				{
					status: 'acceptable',
					evaluationComment: '',
					actionPlanComment: ''
				}
			);
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');

		const gate = unansweredApproval(gateFactsOf(ctx.db, reload()), TODAY).blockers.map(
			(b) => `${b.code}:${b.ref}`
		);
		expect(gate.length).toBeGreaterThan(0);
		expect(checklist()).toEqual([
			[
				'request_decision',
				[
					'opinion_missing:dpo',
					'opinion_missing:security',
					'opinion_missing:data_subjects',
					'opinion_missing:extra:cme'
				]
			],
			['decide', gate]
		]);

		signOpinion(ctx.db, demo('dpo'), { id: demo('dpo').userId, name: 'DPO', role: 'dpo' }, a.id, {
			kind: 'dpo',
			extraKey: null,
			verdict: 'favourable',
			body: 'Avis favorable',
			seenHash: contentHash(currentContent(ctx.db, reload()))
		});
		expect(checklist()[0]![1]).not.toContain('opinion_missing:dpo');
		// A finding changes the signed content: the DPO's opinion is now to renew.
		createFinding(ctx.db, demo('security'), reload(), {
			title: 'Mot de passe par défaut',
			severity: 3,
			asset: 'Portail',
			evidence: '',
			recommendation: '',
			status: 'open',
			riskIds: []
		});
		expect(checklist()[0]![1]).toContain('opinion_stale:dpo');
	});

	it('is empty for a decided assessment, which nothing blocks any more', () => {
		a = ctx.db.select().from(assessments).where(eq(assessments.title, DECIDED_DEMO_TITLE)).get()!;
		const overview = workflowOverview(ctx.db, a, TODAY);
		expect(overview.checklist).toEqual([]);
		expect(overview.facts.dpoOpinion).toBe('current');
	});
});
