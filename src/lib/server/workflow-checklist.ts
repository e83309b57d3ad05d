import { isCurrent } from '$lib/domain/signoff';
import {
	opinionSlots,
	workflowChecklist,
	type ChecklistGroup
} from '$lib/domain/workflow-checklist';
import type { WorkflowFacts } from '$lib/domain/workflow';
import type { Localized } from '$lib/domain/knowledge/localized';
import type { Assessment } from './db/schema';
import { contentHash, currentContent, type AssessmentContent } from './content';
import { countingOpinions, gateContentOf, unansweredApproval } from './decision-gate';
import { getOrgSettings } from './org-settings';
import { signaturesOf } from './record';
import { todayIso } from './action-plan';
import { factsFrom } from './workflow';
import type { Db } from './db';

/**
 * The workflow's facts and the checklist of everything still blocking the way to the
 * decision, from one reading of the content (its hash is the costly part, computed only
 * when an opinion is signed): the overview needs both.
 */
export function workflowOverview(
	db: Db,
	assessment: Assessment,
	today = todayIso()
): {
	facts: WorkflowFacts;
	checklist: ChecklistGroup[];
	extraLabels: Record<string, Localized>;
	/** The content read for the facts, for the page's other uses (never read twice). */
	content: AssessmentContent;
} {
	const content = currentContent(db, assessment);
	const settings = getOrgSettings(db, assessment.orgId);
	const signed = signaturesOf(db, assessment.id, assessment.versionNumber);
	// The hash only says whether a signed opinion still matches the content: with none signed
	// it is never compared, and it is the overview's costliest computation (issue 13).
	const hash = signed.length > 0 ? contentHash(content) : '';
	const facts = factsFrom(content, hash, signed, settings);
	const extraLabels = Object.fromEntries(settings.extraOpinions.map((e) => [e.key, e.label]));
	if (assessment.archivedAt || assessment.status === 'decided')
		return { facts, checklist: [], extraLabels, content };
	const gate = gateContentOf(
		content,
		countingOpinions(signed, (s) => isCurrent(s, hash))
	);
	const requiredExtras = settings.extraOpinions.filter((e) => e.required).map((e) => e.key);
	const checklist = workflowChecklist(assessment.status, {
		screeningDone: facts.screeningDone,
		opinions: opinionSlots(facts, requiredExtras),
		decisionBlockers: unansweredApproval(gate, today).blockers
	});
	return { facts, checklist, extraLabels, content };
}
