import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATE_TEXTS, msg } from './gate-labels';

const decisionKeys = Object.keys(
	JSON.parse(readFileSync('messages/decision/fr.json', 'utf8')) as Record<string, string>
);

describe('the texts of the decision gate', () => {
	it('lists every code text the decision messages define', () => {
		const codeTexts = decisionKeys.filter(
			(key) =>
				/^decision_(blocker|area|status|problem|contradiction)_/.test(key) ||
				/^decision_art36_(top_level|severe_and_likely|compliance_open)$/.test(key)
		);
		expect(codeTexts.length).toBeGreaterThan(30);
		expect(Object.keys(GATE_TEXTS).sort()).toEqual(codeTexts.sort());
	});

	it('writes a code in words, with its inputs, and shows an unknown code as is', () => {
		expect(msg('decision_status_to_fix')).not.toBe('decision_status_to_fix');
		expect(msg('decision_art36_top_level', { subject: 'Fuite de données' })).toContain(
			'Fuite de données'
		);
		expect(msg('decision_blocker_not_a_code')).toBe('decision_blocker_not_a_code');
	});
});
