import type { Blocker } from '$lib/domain/decision/gate';
import type { Localized } from '$lib/domain/knowledge/localized';
import { PROCESSOR_CLAUSES } from '$lib/domain/knowledge/processor-clauses';
import { getOptionGroup } from '$lib/domain/knowledge/risks/scenario-options';
import { isStepKey, stepDefinition } from '$lib/domain/method/steps';
import type { GateContent } from '$lib/domain/decision/gate';
import { unansweredApproval } from '$lib/server/decision-gate';
import { todayIso } from '$lib/server/action-plan';
import { nonCompliantChoices } from '$lib/domain/decision/scenario';
import { isPatientBenefit } from '$lib/domain/knowledge/risks/types';
import { stepSchemas } from '$lib/domain/method';
import type { AssessmentContent } from '$lib/server/content';

/**
 * The catalogue name of what a gate line is about (a processor clause, a step, a scenario
 * option), or null. Resolved here so that the page receives the few names it shows instead
 * of the catalogues; the page writes the other references itself (subjectText).
 */
export function refLabel(ref: string): Localized | null {
	if (ref.startsWith('processor_contract:')) {
		return PROCESSOR_CLAUSES.find((c) => `processor_contract:${c.key}` === ref)?.label ?? null;
	}
	if (isStepKey(ref)) return stepDefinition(ref).title;
	const [group, choice] = ref.split('.');
	return getOptionGroup(group ?? '')?.choices.find((c) => c.key === choice)?.label ?? null;
}

/** A blocker with the link to the page where it is fixed (an anchor on this page for answers). */
export function withHref(assessmentId: string, b: Blocker) {
	const href =
		b.page === 'decision'
			? `#answer-${b.ref}`
			: `/assessments/${assessmentId}/${b.page.replace('_', '-')}`;
	return { ...b, href, label: refLabel(b.ref) };
}

const withLabel = <T extends { ref: string }>(t: T) => ({ ...t, label: refLabel(t.ref) });

/**
 * What the decision page shows before signing: the compliance checklist, and for each
 * scenario what an approval of it would meet (art. 36 triggers, options that break a
 * principle, contradictions with the steps). Computed without the director's answers.
 */
export function gateView(assessmentId: string, gate: GateContent) {
	const day = todayIso();
	const base = unansweredApproval(gate, day);
	const scenarios = gate.scenarios.map((s) => {
		const r = unansweredApproval(gate, day, s.id);
		return {
			id: s.id,
			name: s.name,
			art36: r.art36.map(withLabel),
			nonCompliant: nonCompliantChoices(s.selection).map((c) => ({
				...c,
				label: refLabel(`${c.group}.${c.choice}`)
			})),
			contradictions: r.contradictions.map((c) => ({
				...c,
				href: `/assessments/${assessmentId}/${c.page}`
			})),
			residuals: r.residuals
		};
	});
	return {
		compliance: base.compliance.map((c) => ({
			...c,
			href: `/assessments/${assessmentId}/${c.page}`,
			label: refLabel(c.key)
		})),
		reservations: base.reservations,
		art36: base.art36.map(withLabel),
		scenarios,
		blockers: base.blockers.map((b) => withHref(assessmentId, b))
	};
}

/**
 * Benefits as the support of necessity and proportionality (GDPR art. 35(7)(b)): the
 * patients' benefits apart from the organisation's, and never summed into a total shown
 * beside the risks (a hospital's revenue or image does not offset patients' risks).
 */
export function benefitsView(content: AssessmentContent) {
	const parsed = stepSchemas.benefits.safeParse(content.steps.benefits.data);
	const rows = parsed.success ? parsed.data.benefits : [];
	const view = (b: (typeof rows)[number]) => ({
		id: b.id,
		title: b.title,
		magnitude: b.magnitude,
		confidence: b.confidence,
		kpi: b.kpi?.metric ?? null
	});
	return {
		patients: rows.filter((b) => isPatientBenefit(b.catalogueKey)).map(view),
		organisation: rows.filter((b) => !isPatientBenefit(b.catalogueKey)).map(view)
	};
}
