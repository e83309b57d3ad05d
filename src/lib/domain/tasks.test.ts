import { describe, expect, it } from 'vitest';
import { ROLES } from './roles';
import {
	addDays,
	conditionFallsTo,
	decisionAwaits,
	dueState,
	findingWaits,
	groupTasks,
	kindsAnswering,
	opinionsAskedOf,
	ownerIsUser,
	reviewsFallTo,
	reviewState,
	stepTaskKind,
	taskHref,
	type Task
} from './tasks';

const task = (over: Partial<Task>): Task => ({
	kind: 'evaluate_step',
	assessmentId: 'a',
	assessmentTitle: 'A',
	orgName: 'CH',
	href: '/',
	subject: null,
	opinion: null,
	dueDate: null,
	overdue: false,
	...over
});

describe('tasks: which state waits for which role', () => {
	it('gives a step waiting for review to the DPO only, and a step to correct to the contributor only', () => {
		expect(ROLES.filter((r) => stepTaskKind(r, 'in_review', 'review_requested'))).toEqual(['dpo']);
		expect(stepTaskKind('dpo', 'draft', 'review_requested')).toBe('evaluate_step');
		expect(ROLES.filter((r) => stepTaskKind(r, 'draft', 'to_correct'))).toEqual(['contributor']);
		expect(stepTaskKind('contributor', 'draft', 'to_correct')).toBe('correct_step');
	});

	it('gives no step task on a decided assessment, nor for steps in any other status', () => {
		expect(stepTaskKind('dpo', 'decided', 'review_requested')).toBeNull();
		expect(stepTaskKind('contributor', 'decided', 'to_correct')).toBeNull();
		for (const status of ['not_started', 'in_progress', 'improvable', 'acceptable'])
			for (const role of ROLES) expect(stepTaskKind(role, 'draft', status)).toBeNull();
	});

	it('asks each opinion of its signer role while opinions are collected, never the waiver', () => {
		const extras = [
			{ key: 'cme', role: 'director' as const },
			{ key: 'ght', role: 'security' as const }
		];
		expect(opinionsAskedOf('dpo', 'opinions', extras)).toEqual([{ kind: 'dpo', extraKey: null }]);
		expect(opinionsAskedOf('security', 'opinions', extras)).toEqual([
			{ kind: 'security', extraKey: null },
			{ kind: 'extra', extraKey: 'ght' }
		]);
		expect(opinionsAskedOf('representative', 'opinions', [])).toEqual([
			{ kind: 'data_subjects', extraKey: null }
		]);
		expect(opinionsAskedOf('director', 'opinions', extras)).toEqual([
			{ kind: 'extra', extraKey: 'cme' }
		]);
		expect(opinionsAskedOf('auditor', 'opinions', extras)).toEqual([]);
		for (const state of ['draft', 'in_review', 'awaiting_decision', 'decided'] as const)
			expect(opinionsAskedOf('dpo', state, extras)).toEqual([]);
	});

	it('counts the DPO waiver as an answer to the data subjects view only', () => {
		expect(kindsAnswering('data_subjects')).toEqual(['data_subjects', 'data_subjects_waiver']);
		expect(kindsAnswering('security')).toEqual(['security']);
	});

	it('leaves the decision to the director once it is asked for', () => {
		expect(ROLES.filter((r) => decisionAwaits(r, 'awaiting_decision'))).toEqual(['director']);
		expect(decisionAwaits('director', 'opinions')).toBe(false);
	});

	it('gives reviews to the roles that may reopen, conditions to their owner and the DPO', () => {
		expect(ROLES.filter(reviewsFallTo)).toEqual(['dpo', 'director']);
		expect(conditionFallsTo('security', true)).toBe(true);
		expect(conditionFallsTo('security', false)).toBe(false);
		expect(conditionFallsTo('dpo', false)).toBe(true);
	});

	it('gives findings not closed to the security officer while the assessment is not decided', () => {
		expect(ROLES.filter((r) => findingWaits(r, 'draft', 'open'))).toEqual(['security']);
		expect(findingWaits('security', 'opinions', 'in_progress')).toBe(true);
		expect(findingWaits('security', 'draft', 'resolved')).toBe(false);
		expect(findingWaits('security', 'draft', 'accepted')).toBe(false);
		expect(findingWaits('security', 'decided', 'open')).toBe(false);
	});
});

describe('tasks: owners, dates and links', () => {
	const user = { name: 'Claire Martin', email: 'claire.martin@ch.example' };

	it('matches an owner to the user by name or e-mail, ignoring case and spaces', () => {
		expect(ownerIsUser('  claire   MARTIN ', user)).toBe(true);
		expect(ownerIsUser('Claire.Martin@CH.example', user)).toBe(true);
		expect(ownerIsUser('DSI', user)).toBe(false);
		expect(ownerIsUser('Claire', user)).toBe(false);
		expect(ownerIsUser('', { name: '', email: '' })).toBe(false);
	});

	it('matches a name whatever the Unicode composition of its accents', () => {
		const composed = { name: 'Hélène Dubois', email: 'h@x' };
		expect(ownerIsUser('He\u0301le\u0300ne Dubois', composed)).toBe(true);
	});

	it('lists a date as overdue before today and as due within 30 days, not after', () => {
		const today = '2026-12-05';
		expect(dueState('2026-12-04', today)).toBe('overdue');
		expect(dueState('2026-12-05', today)).toBe('due_soon');
		expect(dueState(addDays(today, 30), today)).toBe('due_soon');
		expect(dueState(addDays(today, 31), today)).toBeNull();
		expect(dueState('not a date', today)).toBeNull();
		expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
	});

	it('shows a review as due only on a decided analysis still in use', () => {
		const today = '2026-12-05';
		const decided = { status: 'decided', archived: false, reviewDate: '2026-12-01' };
		expect(reviewState(decided, today)).toBe('overdue');
		expect(reviewState({ ...decided, reviewDate: '2026-12-20' }, today)).toBe('due_soon');
		expect(reviewState({ ...decided, reviewDate: '2027-06-01' }, today)).toBeNull();
		expect(reviewState({ ...decided, reviewDate: null }, today)).toBeNull();
		// Reopened (the review is under way) or archived (out of use): nothing is due.
		expect(reviewState({ ...decided, status: 'draft' }, today)).toBeNull();
		expect(reviewState({ ...decided, archived: true }, today)).toBeNull();
	});

	it('links each kind to the page where it is done', () => {
		expect(taskHref('evaluate_step', 'x1', 'context')).toBe('/assessments/x1/context');
		expect(taskHref('sign_opinion', 'x1')).toBe('/assessments/x1/opinions');
		expect(taskHref('sign_decision', 'x1')).toBe('/assessments/x1/decision');
		expect(taskHref('review_due', 'x1')).toBe('/assessments/x1/decision');
		expect(taskHref('open_finding', 'x1')).toBe('/assessments/x1/findings');
		expect(taskHref('overdue_action', 'x1')).toBe('/assessments/x1/action-plan');
	});

	it('groups in the method order, overdue first, and leaves empty groups out', () => {
		const groups = groupTasks([
			task({ kind: 'review_due', dueDate: '2026-12-20', assessmentTitle: 'B' }),
			task({ kind: 'review_due', dueDate: '2026-12-01', overdue: true, assessmentTitle: 'C' }),
			task({ kind: 'evaluate_step', assessmentTitle: 'A' })
		]);
		expect(groups.map((g) => g.kind)).toEqual(['evaluate_step', 'review_due']);
		expect(groups[1]!.tasks.map((t) => t.assessmentTitle)).toEqual(['C', 'B']);
	});
});
