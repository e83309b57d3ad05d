import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ROLES, type Role } from './roles';
import {
	allowedActions,
	ASSESSMENT_STATES,
	isFrozen,
	transition,
	WORKFLOW_ACTIONS,
	type AssessmentState,
	type OpinionStatus,
	type TransitionRefusal,
	type WorkflowAction,
	type WorkflowFacts
} from './workflow';

const READY: WorkflowFacts = {
	screeningDone: true,
	dpoOpinion: 'current',
	securityOpinion: 'current',
	dataSubjectsView: 'current',
	requiredExtraOpinions: ['current'],
	decisionComplete: true
};

interface Expected {
	to: AssessmentState;
	roles: Role[];
	newVersion: boolean;
}

// Written out by hand from the specification, not derived from the implementation.
const EXPECTED: Record<AssessmentState, Partial<Record<WorkflowAction, Expected>>> = {
	draft: {
		submit_for_review: { to: 'in_review', roles: ['contributor', 'dpo'], newVersion: false }
	},
	in_review: {
		return_to_draft: { to: 'draft', roles: ['dpo'], newVersion: false },
		open_opinions: { to: 'opinions', roles: ['dpo'], newVersion: false }
	},
	opinions: {
		request_decision: { to: 'awaiting_decision', roles: ['dpo'], newVersion: false }
	},
	awaiting_decision: {
		decide: { to: 'decided', roles: ['director'], newVersion: false }
	},
	decided: {
		reopen: { to: 'draft', roles: ['director', 'dpo'], newVersion: true }
	}
};

describe('transition: every (state, action, role) triple', () => {
	const triples = ASSESSMENT_STATES.flatMap((state) =>
		WORKFLOW_ACTIONS.flatMap((action) => ROLES.map((role) => [state, action, role] as const))
	);

	it('covers all 210 triples and allows exactly 8', () => {
		expect(triples).toHaveLength(5 * 6 * 7);
		const allowed = triples.filter(([state, action, role]) =>
			EXPECTED[state][action]?.roles.includes(role)
		);
		expect(allowed).toHaveLength(8);
	});

	it.each(triples)('%s + %s by %s', (state, action, role) => {
		const expected = EXPECTED[state][action];
		const result = transition({ state, action, role, facts: READY });
		if (!expected) expect(result).toEqual({ ok: false, reason: 'invalid_from_state' });
		else if (!expected.roles.includes(role)) {
			expect(result).toEqual({ ok: false, reason: 'role_not_allowed' });
		} else expect(result).toEqual({ ok: true, to: expected.to, newVersion: expected.newVersion });
	});

	it('allowedActions lists exactly the permitted actions for each state and role', () => {
		for (const state of ASSESSMENT_STATES) {
			for (const role of ROLES) {
				const expected = WORKFLOW_ACTIONS.filter((a) => EXPECTED[state][a]?.roles.includes(role));
				expect(allowedActions(state, role), `${state}/${role}`).toEqual(expected);
			}
		}
	});

	it('never lets auditor, representative, admin or security change state', () => {
		for (const role of ['auditor', 'representative', 'admin', 'security'] as const) {
			for (const state of ASSESSMENT_STATES) {
				expect(allowedActions(state, role)).toEqual([]);
				for (const action of WORKFLOW_ACTIONS) {
					expect(transition({ state, action, role, facts: READY }).ok).toBe(false);
				}
			}
		}
	});

	it('refuses an unknown action as not available from the state', () => {
		const action = 'publish' as WorkflowAction;
		expect(transition({ state: 'draft', action, role: 'dpo', facts: READY })).toEqual({
			ok: false,
			reason: 'invalid_from_state'
		});
	});
});

describe('transition: preconditions', () => {
	const refusal = (action: WorkflowAction, facts: Partial<WorkflowFacts>) => {
		const state = action === 'decide' ? 'awaiting_decision' : 'opinions';
		const role = action === 'decide' ? 'director' : 'dpo';
		const result = transition({ state, action, role, facts: { ...READY, ...facts } });
		return result.ok ? null : result.reason;
	};

	it('opening opinions needs the screening', () => {
		const facts = { ...READY, screeningDone: false };
		expect(transition({ state: 'in_review', action: 'open_opinions', role: 'dpo', facts })).toEqual(
			{ ok: false, reason: 'screening_missing' }
		);
	});

	const cases: Array<[string, Partial<WorkflowFacts>, TransitionRefusal]> = [
		['no screening', { screeningDone: false }, 'screening_missing'],
		['no DPO opinion', { dpoOpinion: 'none' }, 'dpo_opinion_missing'],
		['no security opinion', { securityOpinion: 'none' }, 'security_opinion_missing'],
		['no data subjects view', { dataSubjectsView: 'none' }, 'data_subjects_view_missing'],
		[
			'a missing extra opinion',
			{ requiredExtraOpinions: ['current', 'none'] },
			'extra_opinion_missing'
		],
		['a stale DPO opinion', { dpoOpinion: 'stale' }, 'stale_opinion'],
		['a stale security opinion', { securityOpinion: 'stale' }, 'stale_opinion'],
		['a stale data subjects view', { dataSubjectsView: 'stale' }, 'stale_opinion'],
		['a stale extra opinion', { requiredExtraOpinions: ['stale', 'current'] }, 'stale_opinion'],
		[
			'missing beats stale',
			{ dpoOpinion: 'stale', securityOpinion: 'none' },
			'security_opinion_missing'
		]
	];

	for (const action of ['request_decision', 'decide'] as const) {
		it.each(cases)(`${action} is refused with %s`, (_label, facts, reason) => {
			expect(refusal(action, facts)).toBe(reason);
		});

		it(`${action} passes with no extra opinion required`, () => {
			expect(refusal(action, { requiredExtraOpinions: [] })).toBeNull();
		});
	}

	it('decide needs a complete decision record when the caller says so', () => {
		expect(refusal('decide', { decisionComplete: false })).toBe('decision_incomplete');
		expect(refusal('decide', { decisionComplete: undefined })).toBeNull();
		expect(refusal('request_decision', { decisionComplete: false })).toBeNull();
	});

	it('checks the role before the facts, and the state before the role', () => {
		const facts: WorkflowFacts = { ...READY, dpoOpinion: 'none' };
		expect(
			transition({ state: 'opinions', action: 'request_decision', role: 'contributor', facts })
		).toEqual({ ok: false, reason: 'role_not_allowed' });
		expect(transition({ state: 'draft', action: 'decide', role: 'auditor', facts })).toEqual({
			ok: false,
			reason: 'invalid_from_state'
		});
	});

	it('a decision is possible only when every required opinion is current', () => {
		const status = fc.constantFrom<OpinionStatus>('none', 'current', 'stale');
		const facts = fc.record({
			screeningDone: fc.boolean(),
			dpoOpinion: status,
			securityOpinion: status,
			dataSubjectsView: status,
			requiredExtraOpinions: fc.array(status, { maxLength: 4 })
		});
		fc.assert(
			fc.property(facts, fc.constantFrom('request_decision', 'decide'), (f, action) => {
				const statuses = [f.dpoOpinion, f.securityOpinion, f.dataSubjectsView];
				const all = statuses.concat(f.requiredExtraOpinions);
				const reason = refusal(action, f);
				expect(reason === null).toBe(f.screeningDone && all.every((s) => s === 'current'));
				// A stale opinion never counts: it is either reported or hidden behind a missing one.
				if (f.screeningDone && all.includes('stale') && !all.includes('none')) {
					expect(reason).toBe('stale_opinion');
				}
			})
		);
	});
});

describe('isFrozen', () => {
	it('freezes only a decided assessment', () => {
		expect(ASSESSMENT_STATES.filter(isFrozen)).toEqual(['decided']);
	});
});
