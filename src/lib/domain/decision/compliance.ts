/**
 * The compliance part of the decision gate. In the CNIL PIA method the fundamental
 * principles are brought into compliance by measures; they are never "accepted" like a
 * residual risk (CNIL, PIA methodology, 2018, part 2 "fundamental principles"; GDPR
 * art. 35(7)(d) "measures envisaged … to demonstrate compliance"). Each principle is turned
 * into checklist items read from the context and principles steps; an item is compliant,
 * to fix, or not applicable (the latter needs a written reason, GDPR art. 5(2)
 * accountability). Pure: the server passes the step contents it read.
 */
import type { Context } from '../method/context';
import type { Principles } from '../method/principles';
import { PROCESSOR_CLAUSE_KEYS } from '../knowledge/processor-clauses';

export const COMPLIANCE_AREAS = [
	'lawful_basis',
	'information',
	'processor_contract',
	'transfer',
	'retention'
] as const;
export type ComplianceArea = (typeof COMPLIANCE_AREAS)[number];

export type ComplianceProblem =
	| 'health_exception_missing'
	| 'national_law_missing'
	| 'information_missing'
	| 'clause_missing'
	| 'clause_partial'
	| 'clause_na_without_reason'
	| 'transfer_without_tool'
	| 'transfer_not_assessed'
	| 'retention_not_fixed'
	| 'step_empty';

export interface ComplianceItem {
	/** Stable within one content: `<area>:<index or key>`; the director's answers cite it. */
	key: string;
	area: ComplianceArea;
	/** The step page where the item is made compliant. */
	page: 'context' | 'principles';
	/** What the item is about, in the assessment's own words (purpose, clause, category…). */
	subject: string;
	status: 'compliant' | 'to_fix' | 'not_applicable';
	problem: ComplianceProblem | null;
}

/**
 * Art. 6(3) and 9(2)(h)/9(3): a public task, a legal obligation and the health-care
 * exception rest on a Union or Member State law, which the purpose must cite (e.g. CSP
 * L.6111-1, L.6112-1 for the public hospital service; L.1110-4 for medical secrecy).
 * A purpose cites it when its text holds a legal reference such as "L.6111-1", "R. 1112-7"
 * or "article 6".
 */
const LAW_REFERENCE = /\b(?:[LRD]\.?\s?\d{3,4}(?:-\d+)+|art(?:icle|\.)\s*\d+)/i;
const NEEDS_NATIONAL_LAW = new Set(['public_task', 'legal_obligation']);

/** A period is fixed when it states a duration or an end ("6 mois", "20 ans après…"). */
const FIXED_PERIOD = /\d/;
const UNDECIDED = /(?:à définir|à fixer|to be (?:defined|set)|tbd|\?)/i;

function purposeItems(context: Context): ComplianceItem[] {
	return context.purposes.map((p, i) => {
		const item = { key: `lawful_basis:${i}`, area: 'lawful_basis', page: 'context' } as const;
		let problem: ComplianceProblem | null = null;
		if (p.involvesHealthData && !p.healthException) problem = 'health_exception_missing';
		else if (
			(NEEDS_NATIONAL_LAW.has(p.legalBasis) || p.healthException === 'h_health_care') &&
			!LAW_REFERENCE.test(p.text)
		)
			problem = 'national_law_missing';
		return { ...item, subject: p.text, status: problem ? 'to_fix' : 'compliant', problem };
	});
}

function retentionItems(context: Context, principles: Principles): ComplianceItem[] {
	// Every category of the inventory needs a fixed period (art. 5(1)(e), 13(2)(a)); the
	// principles' retention table may state it when the inventory does not.
	const fromPrinciples = new Map(
		principles.retention.map((r) => [r.category.trim().toLowerCase(), r.period])
	);
	return context.dataInventory.map((row, i) => {
		const period =
			row.retention.trim() || fromPrinciples.get(row.category.trim().toLowerCase()) || '';
		const fixed = period !== '' && FIXED_PERIOD.test(period) && !UNDECIDED.test(period);
		return {
			key: `retention:${i}`,
			area: 'retention',
			page: 'context',
			subject: row.category,
			status: fixed ? 'compliant' : 'to_fix',
			problem: fixed ? null : 'retention_not_fixed'
		};
	});
}

function contractItems(principles: Principles): ComplianceItem[] {
	return PROCESSOR_CLAUSE_KEYS.map((key) => {
		const clause = principles.processorContract[key];
		const base = {
			key: `processor_contract:${key}`,
			area: 'processor_contract',
			page: 'principles',
			subject: key
		} as const;
		if (!clause || clause.status === 'missing')
			return { ...base, status: 'to_fix', problem: 'clause_missing' };
		if (clause.status === 'partial')
			return { ...base, status: 'to_fix', problem: 'clause_partial' };
		if (clause.status === 'not_applicable')
			return clause.evidence.trim()
				? { ...base, status: 'not_applicable', problem: null }
				: { ...base, status: 'to_fix', problem: 'clause_na_without_reason' };
		return { ...base, status: 'compliant', problem: null };
	});
}

function transferItems(principles: Principles): ComplianceItem[] {
	// Chapter V (art. 44–49): each recipient reachable from a third country needs a transfer
	// tool (art. 45 adequacy, 46 safeguards, 49 derogation) and an assessment of its
	// effectiveness (CJEU C-311/18 Schrems II, 16 July 2020; EDPB Recommendations 01/2020).
	return principles.transfers.map((t, i) => {
		const base = {
			key: `transfer:${i}`,
			area: 'transfer',
			page: 'principles',
			subject: t.recipient
		} as const;
		if (t.mechanism === 'none')
			return { ...base, status: 'to_fix', problem: 'transfer_without_tool' };
		if (t.outcome === 'to_assess' || t.outcome === 'not_acceptable')
			return { ...base, status: 'to_fix', problem: 'transfer_not_assessed' };
		return { ...base, status: 'compliant', problem: null };
	});
}

/**
 * The checklist for one content. A missing step yields one "to fix" item for it, so that an
 * empty analysis can never look compliant.
 */
export function complianceItems(
	context: Context | null | undefined,
	principles: Principles | null | undefined
): ComplianceItem[] {
	const items: ComplianceItem[] = [];
	if (!context || context.purposes.length === 0)
		items.push({
			key: 'lawful_basis:none',
			area: 'lawful_basis',
			page: 'context',
			subject: '',
			status: 'to_fix',
			problem: 'step_empty'
		});
	else items.push(...purposeItems(context));
	if (!principles) {
		items.push({
			key: 'principles:none',
			area: 'information',
			page: 'principles',
			subject: '',
			status: 'to_fix',
			problem: 'step_empty'
		});
		return items;
	}
	// Art. 13/14: information is given at collection (or within a month for data obtained
	// from the hospital's files, art. 14(3)); the step must say how.
	const informed = principles.rights.information.trim() !== '';
	items.push({
		key: 'information',
		area: 'information',
		page: 'principles',
		subject: '',
		status: informed ? 'compliant' : 'to_fix',
		problem: informed ? null : 'information_missing'
	});
	items.push(...contractItems(principles), ...transferItems(principles));
	if (context) items.push(...retentionItems(context, principles));
	return items;
}
