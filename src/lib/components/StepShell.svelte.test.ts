import { cleanup, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import StepShell, { type StepData, type StepForm } from './StepShell.svelte';

afterEach(cleanup);

const children = createRawSnippet(() => ({
	render: () =>
		'<div class="field"><label for="note">Note</label><input id="note" name="note" /></div>'
}));

function data(over: Partial<StepData['can']> = {}, frozen = false): StepData {
	return {
		assessment: { id: 'a-1', title: 'Prise de rendez-vous en ligne', frozen },
		step: {
			key: 'screening',
			status: 'in_progress',
			version: 4,
			evaluationComment: '',
			actionPlanComment: '',
			updatedAt: '2026-12-01T10:00:00.000Z',
			updatedBy: 'Claire Dubois'
		},
		can: { edit: true, requestReview: true, evaluate: false, ...over }
	};
}

const saveForm = () => document.querySelector('form[action="?/save"]') as HTMLFormElement;
const versionSent = () =>
	(saveForm().querySelector('input[name="version"]') as HTMLInputElement).value;

describe('StepShell', () => {
	it('wraps the step’s fields in the save form, with the version the page was loaded at', () => {
		render(StepShell, { data: data(), form: null, children });
		expect(saveForm().contains(screen.getByLabelText('Note'))).toBe(true);
		expect(versionSent()).toBe('4');
		expect(screen.getByRole('button', { name: m.step_save() })).toBeTruthy();
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('says the form has errors after a refused save', () => {
		const form: StepForm = { errors: { note: { code: 'required' } }, values: {} };
		render(StepShell, { data: data(), form, children });
		expect(screen.getByRole('alert').textContent).toBe(m.form_has_errors());
	});

	it('on a conflict names who saved, and the next save is based on their version', () => {
		const form: StepForm = { conflict: { version: 5, who: 'Marc Petit' } };
		render(StepShell, { data: data(), form, children });
		expect(screen.getByRole('alert').textContent).toContain(
			m.step_conflict({ who: 'Marc Petit', version: 5 })
		);
		expect(versionSent()).toBe('5');
	});

	it('confirms a save with its version', () => {
		render(StepShell, { data: data(), form: { saved: 5 }, children });
		const saved = screen.getByText(m.step_saved({ version: 5 }));
		expect(saved.getAttribute('role')).toBe('status');
	});

	it('for a role that may not edit: fields disabled, no save button, and why', () => {
		render(StepShell, { data: data({ edit: false, requestReview: false }), form: null, children });
		expect(saveForm().querySelector('fieldset')?.disabled).toBe(true);
		expect(screen.queryByRole('button', { name: m.step_save() })).toBeNull();
		expect(screen.getByText(m.step_readonly())).toBeTruthy();
	});

	it('offers the evaluation to an evaluator, and shows its refused comment as typed', () => {
		const form: StepForm = {
			evaluationInvalid: true,
			errors: { actionPlanComment: { code: 'action_plan_required' } },
			values: { status: 'improvable', evaluationComment: 'À revoir' }
		};
		render(StepShell, { data: data({ evaluate: true }), form, children });
		const comment = screen.getByLabelText(m.step_evaluation_comment()) as HTMLTextAreaElement;
		expect(comment.value).toBe('À revoir');
		const plan = screen.getByLabelText(m.step_action_plan_comment()) as HTMLTextAreaElement;
		expect(plan.getAttribute('aria-invalid')).toBe('true');
		expect(plan.getAttribute('aria-describedby')).toBe(
			'actionPlanComment-hint actionPlanComment-error'
		);
		expect(document.getElementById('actionPlanComment-error')?.textContent?.trim()).not.toBe('');
		const improvable = screen.getByLabelText(m.step_eval_improvable()) as HTMLInputElement;
		expect(improvable.checked).toBe(true);
		// An evaluation refused is not a refused save: no "form has errors" alert.
		expect(screen.queryByText(m.form_has_errors())).toBeNull();
	});
});
