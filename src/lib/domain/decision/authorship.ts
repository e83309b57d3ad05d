/**
 * Who wrote the DPIA, and whether the DPO is advising on their own work.
 *
 * GDPR art. 35(1)-(2): the controller carries out the assessment and seeks the DPO's
 * advice; art. 39(1)(c): the DPO's task is to advise on it and monitor its performance;
 * art. 38(6): other tasks must not create a conflict of interest. The Article 29 Working
 * Party's DPIA guidelines (WP248 rev.01, 4 Oct. 2017, endorsed by the EDPB on 25 May 2018)
 * add that the DPO's advice and the controller's decisions are documented, and reasons
 * given where the advice is not followed. A DPO who wrote most of the analysis may still
 * sign the opinion, but only with a stated reason (a small hospital without a project
 * team, say), which the record prints.
 */
import type { Role } from '../roles';

/**
 * Who may be named project lead: a member of the controller's side. An auditor (outside
 * inspection) or the patients' representative gives a view; they do not carry out the DPIA.
 */
export const PROJECT_LEAD_ROLES = [
	'contributor',
	'dpo',
	'director',
	'security',
	'admin'
] as const satisfies readonly Role[];

export const mayLeadProject = (role: Role): boolean =>
	(PROJECT_LEAD_ROLES as readonly Role[]).includes(role);

export interface Authorship {
	/** Content saves (method steps) by the person in question. */
	mine: number;
	/** Content saves by everyone. */
	total: number;
	/** More than half of the saves are theirs. */
	mostly: boolean;
}

/** `authors` holds one user id per content save of the assessment. */
export function authorshipOf(authors: readonly string[], userId: string): Authorship {
	const mine = authors.filter((a) => a === userId).length;
	return { mine, total: authors.length, mostly: mine * 2 > authors.length };
}

/** What a DPO's opinion on their own work records (the signature's `details`). */
export interface AuthorshipNote {
	reason: string;
	saves: number;
	totalSaves: number;
}

/** The authorship note of a signature's details, if it has one. */
export function authorshipNoteOf(details: unknown): AuthorshipNote | null {
	const note = (details as { authorship?: Partial<AuthorshipNote> } | null)?.authorship;
	if (
		!note ||
		typeof note.reason !== 'string' ||
		typeof note.saves !== 'number' ||
		typeof note.totalSaves !== 'number'
	)
		return null;
	return { reason: note.reason, saves: note.saves, totalSaves: note.totalSaves };
}
