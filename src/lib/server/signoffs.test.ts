import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '$lib/domain/roles';
import { seedDemo, demoEmail } from './seed';
import { tempDatabase } from './testing/temp-db';
import { setExtraOpinions } from './testing/org-settings';
import { findByEmail } from './users';
import { assessments, type Assessment } from './db/schema';
import { contentHash, currentContent } from './content';
import { applyTransition, WorkflowRefusalError } from './workflow';
import { signDecision, signOpinion, SignerRoleError, type Signer } from './signoffs';
import { DecisionGateError } from './decision-gate';
import { EVALUATED_STEPS } from '$lib/domain/method/steps';
import type { Outcome } from '$lib/domain/signoff';
import { loadRecord } from './record';
import * as steps from './steps';
import { verify } from './audit';
import { AuthorshipReasonRequired } from './authorship';
import { authorshipNoteOf } from '$lib/domain/decision/authorship';

// Each test seeds the demo and evaluates seven steps: slow on a loaded machine.
describe('sign-offs on the demo assessment', { timeout: 60_000 }, () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let a: Assessment;
	const who = (role: Role) => {
		const u = findByEmail(ctx.db, demoEmail(role))!;
		const signer: Signer = { id: u.id, name: u.name, role };
		return { signer, actor: { userId: u.id, label: u.email, role, orgId: a.orgId } };
	};
	const reload = () => ctx.db.select().from(assessments).get()!;
	const hash = () => contentHash(currentContent(ctx.db, reload()));
	const move = (role: Role, action: Parameters<typeof applyTransition>[4]) =>
		applyTransition(ctx.db, who(role).actor, role, a.id, action, reload().version);
	const opinion = (
		role: Role,
		kind: 'dpo' | 'security' | 'data_subjects' | 'data_subjects_waiver'
	) =>
		signOpinion(ctx.db, who(role).actor, who(role).signer, a.id, {
			kind,
			extraKey: null,
			verdict: kind === 'data_subjects_waiver' ? null : 'favourable',
			body: `avis ${kind}`,
			seenHash: hash()
		});
	// The template draft cannot be approved (its principles are not compliant, its risks have
	// no measures: the decision gate refuses), so the workflow tests decide to reject it.
	const decide = (outcome: Outcome = 'reject') =>
		signDecision(ctx.db, who('director').actor, who('director').signer, a.id, {
			outcome,
			body: 'Approuvé',
			details: { scenarioId: null, acceptedRisks: [], conditions: [], reviewDate: '2030-01-01' },
			seenHash: hash()
		});
	/** Saves each step unchanged as the given role: one content save each in the audit trail. */
	const saveAs = (saves: [Role, 'screening' | 'context' | 'motifs'][]) => {
		for (const [role, step] of saves) {
			const row = steps.getStep(ctx.db, a.id, step)!;
			steps.saveContent(ctx.db, who(role).actor, reload(), step, row.data, row.version);
		}
	};
	const reason = (fn: () => unknown) => {
		try {
			fn();
		} catch (e) {
			if (e instanceof WorkflowRefusalError) return e.reason;
			if (e instanceof SignerRoleError) return 'role';
			throw e;
		}
		return 'accepted';
	};

	beforeEach(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		a = reload();
		// Every method step is evaluated before the decision is asked for (decision gate).
		for (const step of EVALUATED_STEPS) {
			const row = steps.getStep(ctx.db, a.id, step)!;
			steps.evaluate(ctx.db, who('dpo').actor, reload(), step, row.version, {
				status: 'acceptable',
				evaluationComment: '',
				actionPlanComment: ''
			});
		}
	});
	afterEach(() => ctx.dispose());

	it('goes from draft to decided, freezing the decided content', () => {
		move('contributor', 'submit_for_review');
		expect(reason(() => opinion('dpo', 'dpo'))).toBe('not_collecting_opinions');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		expect(reason(() => move('dpo', 'request_decision'))).toBe('data_subjects_view_missing');
		opinion('representative', 'data_subjects');
		move('dpo', 'request_decision');
		const before = hash();
		decide();
		const now = reload();
		expect(now.status).toBe('decided');
		// Copied beside the signature, in the same transaction, for the list's filter.
		expect(now.reviewDate).toBe('2030-01-01');
		const record = loadRecord(ctx.db, a.id)!;
		expect(record.frozen).toBe(true);
		expect(record.contentHash).toBe(before);
		expect(record.decision?.outcome).toBe('reject');
		expect(record.signatures.every((s) => s.current)).toBe(true);
		expect(verify(ctx.db).ok).toBe(true);
	});

	it('refuses to ask for the decision while a step is not evaluated', () => {
		const row = steps.getStep(ctx.db, a.id, 'benefits')!;
		steps.evaluate(ctx.db, who('dpo').actor, reload(), 'benefits', row.version, {
			status: 'improvable',
			evaluationComment: '',
			actionPlanComment: ''
		});
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		opinion('representative', 'data_subjects');
		expect(reason(() => move('dpo', 'request_decision'))).toBe('steps_not_evaluated');
	});

	it('refuses to approve the template draft, naming every blocker at once, and writes nothing', () => {
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		opinion('representative', 'data_subjects');
		move('dpo', 'request_decision');
		const before = ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get();
		let refused: DecisionGateError | undefined;
		try {
			decide('approve');
		} catch (e) {
			if (e instanceof DecisionGateError) refused = e;
			else throw e;
		}
		const codes = new Set(refused?.blockers.map((b) => b.code));
		expect([...codes]).toEqual(expect.arrayContaining(['compliance_open', 'risk_without_measure']));
		expect(refused?.blockers.find((b) => b.ref.startsWith('processor_contract:'))?.page).toBe(
			'principles'
		);
		expect(reload().status).toBe('awaiting_decision');
		expect(ctx.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
		// Referring to the CNIL stays possible: the gate lists nothing that blocks it here.
		expect(reason(() => decide('refer_cnil'))).toBe('accepted');
	});

	it('refuses the wrong signer, a second signature and a decision before the opinions', () => {
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		expect(reason(() => opinion('representative', 'dpo'))).toBe('role');
		opinion('dpo', 'dpo');
		expect(reason(() => opinion('dpo', 'dpo'))).toBe('already_signed');
		expect(reason(() => decide())).toBe('security_opinion_missing');
		opinion('representative', 'data_subjects');
		expect(reason(() => opinion('dpo', 'data_subjects_waiver'))).toBe('view_already_given');
	});

	it('an edit after the DPO signed makes that opinion stale until renewed', () => {
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		opinion('dpo', 'data_subjects_waiver');
		move('dpo', 'request_decision');
		const step = steps.getStep(ctx.db, a.id, 'screening')!;
		const data = { ...(step.data as object), justification: 'modifié après avis' };
		steps.saveContent(ctx.db, who('contributor').actor, reload(), 'screening', data, step.version);
		const record = loadRecord(ctx.db, a.id)!;
		expect(
			record.signatures
				.filter((s) => !s.current)
				.map((s) => s.kind)
				.sort()
		).toEqual(['data_subjects_waiver', 'dpo', 'security']);
		expect(reason(() => decide())).toBe('stale_opinion');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		opinion('dpo', 'data_subjects_waiver');
		expect(reason(() => decide())).toBe('accepted');
	});

	it('refuses a signature on content the signer did not read', () => {
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		const { actor, signer } = who('dpo');
		const attempt = () =>
			signOpinion(ctx.db, actor, signer, a.id, {
				kind: 'dpo',
				extraKey: null,
				verdict: 'favourable',
				body: 'x',
				seenHash: '0'.repeat(64)
			});
		expect(reason(attempt)).toBe('content_changed');
		expect(loadRecord(ctx.db, a.id)!.signatures).toHaveLength(0);
	});

	it('reopening starts version 2 on the same content; version 1 stays frozen', () => {
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		opinion('dpo', 'data_subjects_waiver');
		move('dpo', 'request_decision');
		decide();
		const step = steps.getStep(ctx.db, a.id, 'screening')!;
		expect(() =>
			steps.saveContent(
				ctx.db,
				who('dpo').actor,
				reload(),
				'screening',
				{ ...(step.data as object), justification: 'après décision' },
				step.version
			)
		).toThrow(steps.FrozenError);
		move('dpo', 'reopen');
		const v2 = reload();
		expect(v2).toMatchObject({ status: 'draft', versionNumber: 2 });
		expect(loadRecord(ctx.db, a.id)!.signatures).toHaveLength(0);
		const v1 = loadRecord(ctx.db, a.id, 1)!;
		expect(v1.frozen).toBe(true);
		expect(v1.signatures).toHaveLength(4);
		expect(() => ctx.db.$client.prepare('DELETE FROM signatures').run()).toThrow(/append-only/);
		expect(() =>
			ctx.db.$client.prepare("UPDATE assessment_versions SET content_hash = 'x'").run()
		).toThrow(/append-only/);
	});

	it('a further opinion the organisation requires blocks the decision until its role signs it', () => {
		setExtraOpinions(ctx.db, a.orgId, [
			{
				key: 'cme',
				label: { fr: 'Président de la CME', en: 'Medical committee chair' },
				role: 'contributor',
				required: true
			}
		]);
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		opinion('security', 'security');
		opinion('dpo', 'data_subjects_waiver');
		expect(reason(() => move('dpo', 'request_decision'))).toBe('extra_opinion_missing');
		const extra = (role: Role, extraKey: string) =>
			signOpinion(ctx.db, who(role).actor, who(role).signer, a.id, {
				kind: 'extra',
				extraKey,
				verdict: 'favourable',
				body: 'avis de la CME',
				seenHash: hash()
			});
		expect(reason(() => extra('security', 'cme'))).toBe('role');
		expect(reason(() => extra('contributor', 'autre'))).toBe('role');
		extra('contributor', 'cme');
		expect(reason(() => move('dpo', 'request_decision'))).toBe('accepted');
	});

	it('asks the DPO for a reason to sign an opinion on content the DPO mostly saved, and records it', () => {
		// The DPO writes two steps, the contributor one: 2 of 3 saves are the DPO's (art. 35(2)).
		saveAs([
			['dpo', 'screening'],
			['dpo', 'context'],
			['contributor', 'motifs']
		]);
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		const sign = (authorshipReason: string | null) =>
			signOpinion(ctx.db, who('dpo').actor, who('dpo').signer, a.id, {
				kind: 'dpo',
				extraKey: null,
				verdict: 'favourable',
				body: 'avis du DPO',
				seenHash: hash(),
				authorshipReason
			});
		for (const blank of [null, '   ']) {
			const error = (() => {
				try {
					sign(blank);
				} catch (e) {
					return e;
				}
			})();
			expect(error).toBeInstanceOf(AuthorshipReasonRequired);
			expect((error as AuthorshipReasonRequired).authorship).toMatchObject({ mine: 2, total: 3 });
		}
		expect(loadRecord(ctx.db, a.id)!.signatures).toEqual([]);
		sign('  Seul juriste de l’établissement ; relu par le RSSI.  ');
		const [signed] = loadRecord(ctx.db, a.id)!.signatures;
		expect(authorshipNoteOf(signed!.details)).toEqual({
			reason: 'Seul juriste de l’établissement ; relu par le RSSI.',
			saves: 2,
			totalSaves: 3
		});
		// The security officer's opinion never asks: the rule is the DPO's (art. 38(6)).
		opinion('security', 'security');
		expect(authorshipNoteOf(loadRecord(ctx.db, a.id)!.signatures[1]!.details)).toBeNull();
	});

	it('does not ask a DPO who saved half of the content or less', () => {
		saveAs([
			['dpo', 'screening'],
			['contributor', 'motifs']
		]);
		move('contributor', 'submit_for_review');
		move('dpo', 'open_opinions');
		opinion('dpo', 'dpo');
		expect(authorshipNoteOf(loadRecord(ctx.db, a.id)!.signatures[0]!.details)).toBeNull();
	});
});
