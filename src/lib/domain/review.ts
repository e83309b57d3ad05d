/**
 * The review of a decided analysis (GDPR art. 35(11): the controller reviews the DPIA "at
 * least when there is a change of the risk represented by processing operations"). Beyond
 * the date the director set, a decided analysis is due for review early when a change is
 * reported or when the organisation's risk matrix no longer reads its levels as signed;
 * the version reopening starts lists what changed since the decided one. Pure.
 */
/** What a user reports by hand on the overview. */
export const REPORTED_KINDS = ['subprocessor', 'vulnerability', 'incident', 'other'] as const;
/**
 * Every kind of signal: those reported by hand, an update of the analysis imported from
 * the CNIL's PIA tool (the file is compared with the decided version when it is imported),
 * and a change of the organisation's risk matrix (recorded when the settings are saved).
 */
export const SIGNAL_KINDS = [...REPORTED_KINDS, 'cnil_import', 'risk_matrix'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Vulnerabilities from this severity (1-4, as the findings) bring the review forward. */
export const VULNERABILITY_REVIEW_SEVERITY = 3;

/**
 * Whether a reported change brings the review forward:
 * - a new sub-processor or hosting country: the processor must obtain the controller's
 *   authorisation (art. 28(2)) and a transfer needs its chapter V framework (art. 44);
 * - a security incident: a personal data breach is assessed for risk (art. 33, 34);
 * - a vulnerability of severity 3 or 4 (the findings' scale), which changes the risk;
 * - an update made in the CNIL's PIA tool: the analysis was revised there, so the decided
 *   one no longer says what the organisation holds as its DPIA;
 * - another risk matrix: the decided levels were read with the former one;
 * - anything else is listed for the review without bringing it forward.
 */
export function signalRaisesReview(kind: SignalKind, severity: number | null): boolean {
	switch (kind) {
		case 'subprocessor':
		case 'incident':
		case 'cnil_import':
		case 'risk_matrix':
			return true;
		case 'vulnerability':
			return (severity ?? 0) >= VULNERABILITY_REVIEW_SEVERITY;
		case 'other':
			return false;
	}
}

/** Two risk matrices read the same levels (the decided one is kept in the content). */
export function sameMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]) {
	return a.length === b.length && a.every((row, i) => row.join(',') === b[i]?.join(','));
}

/** The review state shown: a date overdue first, then a change reported, then a date close. */
export function reviewStateWith(
	byDate: 'overdue' | 'due_soon' | null,
	changed: boolean
): 'overdue' | 'changed' | 'due_soon' | null {
	if (byDate === 'overdue') return byDate;
	return changed ? 'changed' : byDate;
}

/** What of the content the comparison reads: actors and transfers, findings, the matrix. */
export interface ReviewedContent {
	riskMatrix: readonly (readonly number[])[];
	actors: readonly { name: string; country: string }[];
	transfers: readonly { country: string }[];
	findings: readonly { id: string; title: string; severity: number }[];
}

export type ContentChange =
	| { kind: 'new_actor'; name: string; country: string }
	| { kind: 'actor_country'; name: string; from: string; to: string }
	| { kind: 'new_transfer_country'; country: string }
	| { kind: 'new_finding'; title: string; severity: number }
	| { kind: 'finding_raised'; title: string; from: number; to: number }
	| { kind: 'risk_matrix' }
	// What an update imported from the CNIL's tool changes (review-import.ts).
	| { kind: 'new_risk'; title: string }
	| { kind: 'risk_level'; title: string; from: Level; to: Level }
	| { kind: 'new_measure'; title: string; risk: string }
	// The catalogue shipped with the application, since the decision (catalogue-changes.ts).
	| { kind: 'catalogue_revised' | 'catalogue_added'; title: string; date: string; note: string };

/** A risk's residual level: severity and likelihood, 1-4 each. */
export type Level = { severity: number; likelihood: number };

/** A party's name as matched: case, spacing and Unicode forms aside. */
const key = (name: string) =>
	name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
const code = (country: string) => country.trim().toUpperCase();

/**
 * What changed between the decided version and the one under review, as a reviewer's
 * checklist: parties added or moved to another country, new transfer destinations,
 * findings of severity 3 or 4 that are new or rose to it, another risk matrix. Parties
 * are matched by name (case and spacing aside): a renamed party shows as new, which a
 * reviewer checks anyway; two parties of one name are one party with their countries.
 */
export function changesSince(decided: ReviewedContent, current: ReviewedContent): ContentChange[] {
	const changes: ContentChange[] = [];
	const before = new Map<string, string[]>();
	for (const a of decided.actors) {
		before.set(key(a.name), [...(before.get(key(a.name)) ?? []), code(a.country)]);
	}
	const seen = new Set<string>();
	for (const actor of current.actors) {
		const k = key(actor.name);
		const country = code(actor.country);
		if (seen.has(`${k}\u0000${country}`)) continue;
		seen.add(`${k}\u0000${country}`);
		const was = before.get(k);
		if (!was) {
			if (!seen.has(k)) changes.push({ kind: 'new_actor', name: actor.name, country });
			seen.add(k);
		} else if (!was.includes(country))
			changes.push({ kind: 'actor_country', name: actor.name, from: was[0]!, to: country });
	}
	const countries = new Set(decided.transfers.map((t) => code(t.country)));
	for (const country of new Set(current.transfers.map((t) => code(t.country)))) {
		if (!countries.has(country)) changes.push({ kind: 'new_transfer_country', country });
	}
	const known = new Map<string, number>();
	for (const f of decided.findings) {
		if (f.id) known.set(f.id, Math.max(f.severity, known.get(f.id) ?? f.severity));
	}
	for (const f of current.findings) {
		if (f.severity < VULNERABILITY_REVIEW_SEVERITY) continue;
		const was = f.id ? known.get(f.id) : undefined;
		if (was === undefined)
			changes.push({ kind: 'new_finding', title: f.title, severity: f.severity });
		else if (was < VULNERABILITY_REVIEW_SEVERITY)
			changes.push({ kind: 'finding_raised', title: f.title, from: was, to: f.severity });
	}
	if (!sameMatrix(decided.riskMatrix, current.riskMatrix)) changes.push({ kind: 'risk_matrix' });
	return changes;
}
