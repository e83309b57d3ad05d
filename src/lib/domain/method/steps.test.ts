import { describe, expect, it } from 'vitest';
import {
	EVALUATED_STEPS,
	isStepDone,
	isStepKey,
	progress,
	STEP_KEYS,
	STEP_STATUS_LABELS,
	STEP_STATUSES,
	STEPS,
	stepDefinition,
	type StepKey,
	type StepStatus
} from './steps';

function allAt(status: StepStatus): Record<StepKey, StepStatus> {
	return Object.fromEntries(STEP_KEYS.map((key) => [key, status])) as Record<StepKey, StepStatus>;
}

describe('steps', () => {
	it('lists the steps in method order, each once, with titles and help in both languages', () => {
		expect(STEPS.map((step) => step.key)).toEqual([...STEP_KEYS]);
		expect(STEP_KEYS.slice(0, 4)).toEqual(['screening', 'context', 'principles', 'motifs']);
		for (const step of STEPS) {
			expect(step.title.fr.length).toBeGreaterThan(0);
			expect(step.title.en.length).toBeGreaterThan(0);
			expect(step.help.fr.length).toBeGreaterThan(40);
			expect(step.help.en.length).toBeGreaterThan(40);
		}
	});

	it('evaluates only the method steps, in step order', () => {
		expect([...EVALUATED_STEPS]).toEqual([
			'screening',
			'context',
			'principles',
			'motifs',
			'risks',
			'benefits',
			'scenarios'
		]);
		const order = EVALUATED_STEPS.map((key) => STEP_KEYS.indexOf(key));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});

	it('labels every status in both languages', () => {
		for (const status of STEP_STATUSES) {
			expect(STEP_STATUS_LABELS[status].fr).not.toBe('');
			expect(STEP_STATUS_LABELS[status].en).not.toBe('');
		}
	});

	it('counts improvable and acceptable as done, like the CNIL PIA tool', () => {
		expect(STEP_STATUSES.filter(isStepDone)).toEqual(['improvable', 'acceptable']);
	});

	it('reports no progress when nothing is started', () => {
		expect(progress(allAt('not_started'))).toEqual({ done: 0, total: 7, percent: 0 });
	});

	it('reports full progress when every evaluated step is done', () => {
		expect(progress(allAt('acceptable'))).toEqual({ done: 7, total: 7, percent: 100 });
		expect(progress(allAt('improvable'))).toEqual({ done: 7, total: 7, percent: 100 });
	});

	it('ignores the statuses of non-evaluated steps', () => {
		const statuses = allAt('in_progress');
		statuses.action_plan = 'acceptable';
		statuses.opinions = 'acceptable';
		statuses.decision = 'acceptable';
		expect(progress(statuses).done).toBe(0);
	});

	it('rounds the percentage and treats missing entries as not started', () => {
		expect(progress({ screening: 'acceptable', context: 'improvable' })).toEqual({
			done: 2,
			total: 7,
			percent: 29
		});
		expect(progress({ screening: 'review_requested', context: 'to_correct' }).done).toBe(0);
	});

	it('recognises step keys and finds definitions', () => {
		expect(isStepKey('motifs')).toBe(true);
		expect(isStepKey('nope')).toBe(false);
		expect(isStepKey(3)).toBe(false);
		expect(stepDefinition('decision').title.en).toBe('Decision');
	});
});
