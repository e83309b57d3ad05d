/**
 * Who may do what, as one table the server consults on every load and action
 * (and that the authorization-matrix test reads). Pure: no framework, no database.
 */
export const ROLES = [
	'admin',
	'dpo',
	'director',
	'security',
	'contributor',
	'representative',
	'auditor'
] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = {
	// Every member of the organisation reads its assessments: a DPIA is shared work.
	'assessment.read': ROLES,
	'assessment.export': ROLES,
	'assessment.create': ['dpo', 'contributor'],
	'assessment.edit': ['dpo', 'contributor'],
	'assessment.archive': ['dpo'],
	'step.edit': ['dpo', 'contributor'],
	'step.request_review': ['dpo', 'contributor'],
	'step.evaluate': ['dpo'],
	'step.comment': ['dpo', 'director', 'security', 'contributor', 'representative'],
	'audit.verify': ['dpo', 'auditor'],
	'users.manage': ['admin'],
	'finding.edit': ['security'],
	// Reporting a change on a decided analysis (art. 35(11)): those who learn of one first.
	'review.signal': ['dpo', 'director', 'security', 'contributor'],
	// Marking a condition of a signed decision as met, with how: the same people, who carry
	// the conditions out or see them done.
	'condition.fulfil': ['dpo', 'director', 'security', 'contributor'],
	// Moving the workflow: the table in workflow.ts says which of these may take which step.
	'workflow.transition': ['dpo', 'director', 'contributor'],
	// Any role an opinion can be asked of (the DPO, the security officer, the patients'
	// representative, and the roles an organisation may name for a further opinion).
	'opinion.sign': ['dpo', 'director', 'security', 'contributor', 'representative'],
	'decision.sign': ['director']
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, capability: Capability): boolean {
	return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

/** Read-only roles never see an edit control, and the server refuses them anyway. */
export function isReadOnly(role: Role): boolean {
	return role === 'auditor';
}
