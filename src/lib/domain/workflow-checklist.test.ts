import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Blocker } from './decision/gate';
import { ASSESSMENT_STATES, transition, type OpinionStatus } from './workflow';
import { opinionSlots, workflowChecklist, type ChecklistFacts } from './workflow-checklist';

const stepBlocker: Blocker = {
	code: 'step_not_evaluated',
	page: 'risks',
	ref: 'risks',
	subject: ''
};
const measureBlocker: Blocker = {
	code: 'risk_without_measure',
	page: 'risks',
	ref: 'r1',
	subject: 'Import de l’historique'
};

const facts = (over: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
	screeningDone: true,
	opinions: opinionSlots(
		{
			dpoOpinion: 'none',
			securityOpinion: 'none',
			dataSubjectsView: 'stale',
			requiredExtraOpinions: ['current', 'none']
		},
		['cme', 'ght_rssi']
	),
	decisionBlockers: [stepBlocker, measureBlocker],
	...over
});
const codes = (items: Blocker[]) => items.map((b) => `${b.code}:${b.ref}`);

describe('the checklist of what blocks the way to the decision', () => {
	it('names every missing or stale opinion at once, not only the first', () => {
		const [requestDecision, decide] = workflowChecklist('opinions', facts());
		expect(requestDecision!.action).toBe('request_decision');
		expect(codes(requestDecision!.items)).toEqual([
			'opinion_missing:dpo',
			'opinion_missing:security',
			'opinion_stale:data_subjects',
			'opinion_missing:extra:ght_rssi',
			'step_not_evaluated:risks'
		]);
		// What the earlier step already lists is not repeated under the decision.
		expect(decide!.action).toBe('decide');
		expect(codes(decide!.items)).toEqual(['risk_without_measure:r1']);
	});

	it('lists only the transitions ahead of the state', () => {
		const actions = (state: (typeof ASSESSMENT_STATES)[number]) =>
			workflowChecklist(state, facts()).map((g) => g.action);
		expect(actions('draft')).toEqual(['open_opinions', 'request_decision', 'decide']);
		expect(actions('in_review')).toEqual(['open_opinions', 'request_decision', 'decide']);
		expect(actions('opinions')).toEqual(['request_decision', 'decide']);
		expect(actions('awaiting_decision')).toEqual(['decide']);
		expect(actions('decided')).toEqual([]);
	});

	it('puts a missing screening under the opinions it keeps closed', () => {
		const groups = workflowChecklist('draft', facts({ screeningDone: false }));
		expect(codes(groups[0]!.items)).toEqual(['screening_missing:screening']);
		expect(codes(groups[1]!.items)).not.toContain('screening_missing:screening');
		// Once collecting opinions, a screening cleared since still blocks the request.
		const later = workflowChecklist('opinions', facts({ screeningDone: false }));
		expect(codes(later[0]!.items)[0]).toBe('screening_missing:screening');
	});

	const status = fc.constantFrom<OpinionStatus>('none', 'stale', 'current');
	const arbitraryFacts = fc.record({
		screeningDone: fc.boolean(),
		dpo: status,
		security: status,
		subjects: status,
		extras: fc.array(status, { maxLength: 3 }),
		blockers: fc.subarray([stepBlocker, measureBlocker])
	});
	type Sample = typeof arbitraryFacts extends fc.Arbitrary<infer T> ? T : never;
	const build = (f: Sample) =>
		facts({
			screeningDone: f.screeningDone,
			opinions: opinionSlots(
				{
					dpoOpinion: f.dpo,
					securityOpinion: f.security,
					dataSubjectsView: f.subjects,
					requiredExtraOpinions: f.extras
				},
				f.extras.map((_, i) => `x${i}`)
			),
			decisionBlockers: f.blockers
		});

	it('agrees with the workflow: a transition it shows empty is one the workflow allows', () => {
		fc.assert(
			fc.property(arbitraryFacts, (f) => {
				const groups = workflowChecklist('in_review', build(f));
				const workflowFacts = {
					screeningDone: f.screeningDone,
					dpoOpinion: f.dpo,
					securityOpinion: f.security,
					dataSubjectsView: f.subjects,
					requiredExtraOpinions: f.extras
				};
				const open = transition({
					state: 'in_review',
					action: 'open_opinions',
					role: 'dpo',
					facts: workflowFacts
				});
				const request = transition({
					state: 'opinions',
					action: 'request_decision',
					role: 'dpo',
					facts: workflowFacts
				});
				expect(groups[0]!.items.length === 0).toBe(open.ok);
				// request_decision also needs every step evaluated (checked by the server).
				const before = [...groups[0]!.items, ...groups[1]!.items];
				const stepsOk = !f.blockers.includes(stepBlocker);
				expect(before.length === 0).toBe(request.ok && stepsOk);
			})
		);
	});

	it('lists each reason once, and every reason of the decision somewhere', () => {
		fc.assert(
			fc.property(arbitraryFacts, (f) => {
				const all = workflowChecklist('draft', build(f)).flatMap((g) => codes(g.items));
				expect(new Set(all).size).toBe(all.length);
				const missing = [f.dpo, f.security, f.subjects, ...f.extras].filter(
					(s) => s !== 'current'
				).length;
				expect(all.length).toBe((f.screeningDone ? 0 : 1) + missing + f.blockers.length);
			})
		);
	});
});
