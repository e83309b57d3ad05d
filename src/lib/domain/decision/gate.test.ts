import { describe, expect, it } from 'vitest';
import { bookingTemplate } from '../knowledge/booking-template';
import { DEFAULT_THRESHOLDS } from '../scoring';
import { stepSchemas } from '../method';
import type { Risk } from '../method/risks';
import { EVALUATED_STEPS } from '../method/steps';
import { decisionGate, type GateContent, type GateDecision } from './gate';
import { complianceItems } from './compliance';

const matrix = DEFAULT_THRESHOLDS.levels.map((row) => [...row]);

/** The template draft as the gate reads it, every step evaluated "acceptable". */
function templateContent(): GateContent {
	const t = bookingTemplate('fr').steps;
	const scenarios = stepSchemas.scenarios.parse(t.scenarios);
	return {
		context: stepSchemas.context.parse(t.context),
		principles: stepSchemas.principles.parse(t.principles),
		motifs: stepSchemas.motifs.parse(t.motifs),
		risks: stepSchemas.risks.parse(t.risks).risks,
		scenarios: scenarios.scenarios,
		steps: EVALUATED_STEPS.map((key) => ({ key, status: 'acceptable', actionPlanComment: null })),
		matrix,
		opinions: []
	};
}

const decision = (over: Partial<GateDecision> = {}): GateDecision => ({
	outcome: 'approve',
	scenarioId: null,
	compliance: [],
	reservations: [],
	explanations: [],
	conditionCount: 0,
	today: '2026-12-04',
	...over
});

const risk = (over: Partial<Risk> = {}): Risk => ({
	id: 'r1',
	catalogueKey: 'custom',
	title: 'Risque',
	description: '',
	category: 'confidentiality',
	sources: [],
	threats: [],
	impacts: [],
	severity: 2,
	likelihood: 2,
	justification: '',
	measures: [],
	residualSeverity: 2,
	residualLikelihood: 2,
	residualReason: '',
	...over
});

const measure = {
	id: 'm1',
	title: 'Chiffrement',
	kind: 'technical' as const,
	state: 'existing' as const,
	owner: '',
	dueDate: '',
	status: 'done' as const
};

/** A content that passes the gate: nothing but what each test adds. */
function cleanContent(over: Partial<GateContent> = {}): GateContent {
	return {
		context: null,
		principles: null,
		motifs: null,
		risks: [],
		scenarios: [],
		steps: EVALUATED_STEPS.map((key) => ({ key, status: 'acceptable', actionPlanComment: null })),
		matrix,
		opinions: [],
		...over
	};
}

/** Answers every compliance item "not applicable", to isolate the other rules. */
function answerAll(content: GateContent) {
	return complianceItems(content.context, content.principles).map((i) => ({
		itemKey: i.key,
		answer: 'not_applicable' as const,
		text: 'Sans objet pour ce test',
		owner: '',
		dueDate: ''
	}));
}

describe('the compliance gate', () => {
	it('refuses to approve the template draft and lists every open item with its page', () => {
		const result = decisionGate(templateContent(), decision());
		const open = result.blockers.filter((b) => b.code === 'compliance_open');
		// The ten art. 28 clauses are all "missing" in the template. Its transfer (remote access
		// from the US) is framed by the adequacy decision (EU) 2023/1795: not an open item.
		expect(open.filter((b) => b.ref.startsWith('processor_contract:'))).toHaveLength(10);
		expect(open.map((b) => b.ref)).not.toContain('transfer:0');
		expect(open.every((b) => b.page === 'context' || b.page === 'principles')).toBe(true);
		// Public task and 9(2)(h) need the national law (art. 6(3), 9(3)): the template cites none.
		expect(open.filter((b) => b.ref.startsWith('lawful_basis:'))).toHaveLength(4);
		// "To be defined" and "as long as needed" are no fixed retention (art. 5(1)(e)).
		expect(open.map((b) => b.ref)).toContain('retention:4');
	});

	it('accepts an item to fix once a corrective measure is planned, refuses a past due date', () => {
		const content = templateContent();
		const answers = answerAll(content);
		const planned = answers.map((a) => ({
			...a,
			answer: 'planned' as const,
			owner: 'DPO',
			dueDate: '2027-01-31'
		}));
		const ok = decisionGate(content, decision({ outcome: 'reject', compliance: planned }));
		expect(ok.blockers.filter((b) => b.code.startsWith('compliance'))).toEqual([]);
		const late = decisionGate(
			content,
			decision({ compliance: [{ ...planned[0]!, dueDate: '2026-01-01' }] })
		);
		expect(late.blockers.some((b) => b.code === 'compliance_due_past')).toBe(true);
	});

	it('names a national law cited in the purpose as compliant', () => {
		const content = templateContent();
		const context = structuredClone(content.context!);
		context.purposes[0]!.text += ' (CSP L.6111-1 et L.1110-4)';
		const items = complianceItems(context, content.principles);
		expect(items.find((i) => i.key === 'lawful_basis:0')?.status).toBe('compliant');
	});

	it('never lets an empty analysis look compliant', () => {
		const items = complianceItems(null, null);
		expect(items.every((i) => i.status === 'to_fix')).toBe(true);
		expect(decisionGate(cleanContent(), decision()).blockers.length).toBeGreaterThan(0);
	});

	it('refuses a chosen scenario without patient information, but lets it be rejected', () => {
		const content = templateContent();
		const s = { id: 'x', name: 'Sans information', selection: { patient_information: 'none' } };
		const base = { compliance: answerAll(content), scenarioId: 'x' };
		const withScenario = { ...content, scenarios: [s], risks: [] };
		const approve = decisionGate(withScenario, decision(base));
		expect(approve.blockers.map((b) => b.code)).toContain('scenario_non_compliant');
		const reject = decisionGate(withScenario, decision({ ...base, outcome: 'reject' }));
		expect(reject.blockers.map((b) => b.code)).not.toContain('scenario_non_compliant');
	});
});

describe('measures and evaluations', () => {
	it('refuses a risk scored below its initial level without a measure', () => {
		const r = risk({
			severity: 3,
			likelihood: 3,
			residualSeverity: 1,
			residualLikelihood: 1,
			residualReason: 'x'
		});
		const codes = decisionGate(cleanContent({ risks: [r] }), decision());
		expect(codes.blockers.map((b) => [b.code, b.page])).toContainEqual([
			'risk_lowered_without_measure',
			'risks'
		]);
		const fixed = decisionGate(
			cleanContent({ risks: [{ ...r, measures: [measure] }] }),
			decision()
		);
		expect(fixed.blockers.filter((b) => b.page === 'risks')).toEqual([]);
	});

	it('refuses a risk above level 1 without a measure; a level-1 risk needs none', () => {
		const high = decisionGate(
			cleanContent({
				risks: [risk({ severity: 3, likelihood: 2, residualSeverity: 3, residualLikelihood: 2 })]
			}),
			decision()
		);
		expect(high.blockers.map((b) => b.code)).toContain('risk_without_measure');
		const low = decisionGate(
			cleanContent({
				risks: [risk({ severity: 1, likelihood: 1, residualSeverity: 1, residualLikelihood: 1 })]
			}),
			decision()
		);
		expect(low.blockers.map((b) => b.code)).not.toContain('risk_without_measure');
	});

	it('requires every method step acceptable, or improvable with its action', () => {
		const steps = EVALUATED_STEPS.map((key) => ({
			key,
			status: 'acceptable',
			actionPlanComment: null as string | null
		}));
		steps[1] = { key: 'context', status: 'in_progress', actionPlanComment: null };
		steps[2] = { key: 'principles', status: 'improvable', actionPlanComment: ' ' };
		steps[3] = { key: 'motifs', status: 'improvable', actionPlanComment: 'Revoir les motifs' };
		const result = decisionGate(cleanContent({ steps }), decision({ outcome: 'refer_cnil' }));
		expect(
			result.blockers.filter((b) => b.code.startsWith('step_')).map((b) => [b.code, b.page])
		).toEqual([
			['step_not_evaluated', 'context'],
			['step_action_missing', 'principles']
		]);
	});
});
