/**
 * Who may call each route and action, as one table. The server enforces access in each
 * load and action (access.ts); this table states what that enforcement must be, and the
 * authorization-matrix test (tests/authz.e2e.ts) checks the running app against it for
 * every role, in the user's own organisation and in another one. A route or action missing
 * here fails that test: nothing is reachable by default.
 *
 * Keys: `GET <route id>` for a page or endpoint, `POST <route id>` for a default action,
 * `POST <route id>?/<name>` for a named action, route ids as SvelteKit names them.
 * Pure data: no framework, no database (relative import so tests can read it as is).
 */
import { CAPABILITIES, ROLES, type Capability, type Role } from '../domain/roles';

/**
 * - `public`: no session needed.
 * - `signed_in`: a session, and one of `roles` in at least one organisation; acts on the
 *   user's own account or on no organisation in particular.
 * - `organisation`: one of `roles` in the organisation named by the form's `orgId`;
 *   another organisation's → 403.
 * - `assessment`: one of `roles` in the organisation of the assessment `[id]`; another
 *   organisation's assessment → 404, its existence not disclosed.
 */
export type Scope = 'public' | 'signed_in' | 'organisation' | 'assessment';

export interface Rule {
	readonly scope: Scope;
	readonly roles: readonly Role[];
}

export const PUBLIC: Rule = { scope: 'public', roles: ROLES };
export const SIGNED_IN: Rule = { scope: 'signed_in', roles: ROLES };
export const anywhere = (c: Capability): Rule => ({ scope: 'signed_in', roles: CAPABILITIES[c] });
export const inOrganisation = (c: Capability): Rule => ({
	scope: 'organisation',
	roles: CAPABILITIES[c]
});
export const onAssessment = (c: Capability): Rule => ({
	scope: 'assessment',
	roles: CAPABILITIES[c]
});

/** A method-step page: what defineStepPage gives every step (server/http/step-page.ts). */
function methodStep(route: string): Record<string, Rule> {
	return {
		[`GET ${route}`]: onAssessment('assessment.read'),
		[`POST ${route}?/save`]: onAssessment('step.edit'),
		[`POST ${route}?/requestReview`]: onAssessment('step.request_review'),
		[`POST ${route}?/evaluate`]: onAssessment('step.evaluate'),
		[`POST ${route}?/comment`]: onAssessment('step.comment'),
		[`POST ${route}?/upload`]: onAssessment('step.edit')
	};
}

/** Downloads of an assessment: any reader may export (and each export is audited). */
function exports(base: string, files: string[]): Record<string, Rule> {
	return Object.fromEntries(
		files.map((f) => [`GET ${base}/${f}`, onAssessment('assessment.export')])
	);
}

export const POLICY: Readonly<Record<string, Rule>> = {
	'GET /': PUBLIC,
	'GET /healthz': PUBLIC,
	'GET /login': PUBLIC,
	'POST /login': PUBLIC,
	// The code step: only a session whose password was accepted gets past its redirect.
	'GET /login/two-factor': PUBLIC,
	'POST /login/two-factor': PUBLIC,
	// Directory sign-in (OpenID Connect): the way to the provider, the way back, and the
	// page that says why a sign-in was refused. A step-up checks its own session.
	'GET /login/oidc/[provider]': PUBLIC,
	'GET /login/oidc/[provider]/callback': PUBLIC,
	'GET /login/refused': PUBLIC,
	'GET /logout': PUBLIC,
	'POST /logout': PUBLIC,
	'GET /locale': PUBLIC,
	'POST /locale': PUBLIC,

	'GET /account': SIGNED_IN,
	'POST /account?/password': SIGNED_IN,
	'POST /account?/totpStart': SIGNED_IN,
	'POST /account?/totpCancel': SIGNED_IN,
	'POST /account?/totpConfirm': SIGNED_IN,
	'POST /account?/totpRegenerate': SIGNED_IN,
	'POST /account?/totpDisable': SIGNED_IN,
	'POST /account?/notify': SIGNED_IN,
	'GET /about': SIGNED_IN,
	// Each user's own to-do list, computed from their memberships only.
	'GET /tasks': SIGNED_IN,
	'GET /audit': anywhere('audit.verify'),
	'POST /audit?/verify': anywhere('audit.verify'),
	'POST /audit?/start': anywhere('audit.verify'),
	'GET /audit/progress': anywhere('audit.verify'),

	'GET /admin': anywhere('users.manage'),
	'POST /admin?/createOrg': anywhere('users.manage'),
	'POST /admin?/createUser': inOrganisation('users.manage'),
	'POST /admin?/setRole': inOrganisation('users.manage'),
	'POST /admin?/resetPassword': inOrganisation('users.manage'),
	'POST /admin?/disable': inOrganisation('users.manage'),
	'POST /admin?/enable': inOrganisation('users.manage'),
	'POST /admin?/resetTotp': inOrganisation('users.manage'),
	// The organisation is the `org` query parameter (default: the first one administered).
	'GET /admin/organisation': anywhere('users.manage'),
	'POST /admin/organisation?/save': anywhere('users.manage'),
	'POST /admin/organisation?/reset': anywhere('users.manage'),
	// The mails of the organisations the user administers, no other (notify/admin.ts).
	'GET /admin/notifications': anywhere('users.manage'),
	'POST /admin/notifications?/retry': anywhere('users.manage'),

	'GET /assessments': SIGNED_IN,
	'GET /assessments/new': anywhere('assessment.create'),
	'POST /assessments/new': inOrganisation('assessment.create'),
	'GET /assessments/import': anywhere('assessment.create'),
	'POST /assessments/import': inOrganisation('assessment.create'),

	'GET /assessments/[id]': onAssessment('assessment.read'),
	'POST /assessments/[id]?/update': onAssessment('assessment.edit'),
	'POST /assessments/[id]?/archive': onAssessment('assessment.archive'),
	'POST /assessments/[id]?/transition': onAssessment('workflow.transition'),
	'POST /assessments/[id]?/signalChange': onAssessment('review.signal'),
	'POST /assessments/[id]?/importUpdate': onAssessment('review.signal'),
	'GET /assessments/[id]/opinions': onAssessment('assessment.read'),
	'POST /assessments/[id]/opinions?/sign': onAssessment('opinion.sign'),
	'GET /assessments/[id]/decision': onAssessment('assessment.read'),
	'POST /assessments/[id]/decision?/decide': onAssessment('decision.sign'),
	'POST /assessments/[id]/decision?/conditionMet': onAssessment('condition.fulfil'),
	'GET /assessments/[id]/record': onAssessment('assessment.read'),
	'GET /assessments/[id]/versions': onAssessment('assessment.read'),
	'GET /assessments/[id]/import-report': onAssessment('assessment.read'),
	...exports('/assessments/[id]/export', [
		'bundle',
		'assessment.json',
		'cnil-pia.json',
		'report.pdf',
		'report.docx',
		'notice.pdf',
		'notice.docx',
		'record-of-processing.pdf',
		'record-of-processing.docx',
		'art36.pdf',
		'art36.docx',
		'action-plan.csv'
	]),
	'GET /assessments/[id]/steps/[step]': onAssessment('assessment.read'),
	'GET /assessments/[id]/attachments/[attachmentId]': onAssessment('assessment.read'),

	...methodStep('/assessments/[id]/screening'),
	...methodStep('/assessments/[id]/context'),
	...methodStep('/assessments/[id]/principles'),
	...methodStep('/assessments/[id]/motifs'),
	'POST /assessments/[id]/motifs?/importCsv': onAssessment('step.edit'),
	'GET /assessments/[id]/motifs/export.csv': onAssessment('assessment.export'),
	...methodStep('/assessments/[id]/risks'),
	...methodStep('/assessments/[id]/benefits'),
	...methodStep('/assessments/[id]/scenarios'),

	'GET /assessments/[id]/risk-map': onAssessment('assessment.read'),
	'GET /assessments/[id]/findings': onAssessment('assessment.read'),
	'POST /assessments/[id]/findings?/add': onAssessment('finding.edit'),
	'POST /assessments/[id]/findings?/status': onAssessment('finding.edit'),
	'GET /assessments/[id]/action-plan': onAssessment('assessment.read')
};

export function policyKey(method: string, routeId: string, action?: string): string {
	return action && action !== 'default'
		? `${method} ${routeId}?/${action}`
		: `${method} ${routeId}`;
}

/** Default deny: an unknown key has no rule, and no role may call it. */
export function ruleFor(key: string): Rule | undefined {
	return Object.hasOwn(POLICY, key) ? POLICY[key] : undefined;
}
