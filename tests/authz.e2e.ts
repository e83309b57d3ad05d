/**
 * The authorization matrix (issue 7, point 4): every route and action found in src/routes,
 * against the policy table of src/lib/server/policy.ts, for every role in the demo
 * organisation, every role in another organisation, and without a session.
 */
import { relative } from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { ROLES, type Role } from '../src/lib/domain/roles';
import { POLICY, ruleFor, type Rule } from '../src/lib/server/policy';
import { unique } from './helpers';
import {
	anonymous,
	call,
	demoIds,
	orgIdByName,
	readDb,
	signIn,
	userIdByEmail,
	type Session
} from './matrix-helpers';
import { discoverEndpoints, pathOf, type Endpoint } from './route-discovery';

const OTHER_PASSWORD = 'matrice des droits, autre hôpital 2026';
const NEW_PASSWORD = 'une phrase de passe pour la sonde 2026';

test('every route and action has a policy entry, and every entry a route (default deny)', () => {
	const endpoints = discoverEndpoints();
	const keys = new Set(endpoints.map((e) => e.key));
	const missing = endpoints
		.filter((e) => !ruleFor(e.key))
		.map((e) => `${e.key}  (${relative(process.cwd(), e.file)})`);
	const orphans = Object.keys(POLICY).filter((k) => !keys.has(k));
	expect(missing, 'routes or actions without a policy entry: add them to policy.ts').toEqual([]);
	expect(orphans, 'policy entries without a route or action').toEqual([]);
	// The discovery reads spread helpers (stepActions, stepExtrasActions) and endpoints.
	expect(keys).toContain('POST /assessments/[id]/risks?/comment');
	expect(keys).toContain('POST /assessments/[id]/motifs?/importCsv');
	expect(keys).toContain('GET /assessments/[id]/motifs/export.csv');
	expect(keys).toContain('POST /login');
});

type Who = { kind: 'anonymous' } | { kind: 'own' | 'other'; role: Role };

function describe(res: APIResponse): string {
	const location = res.headers()['location'];
	return `${res.status()}${location ? ` → ${location}` : ''}`;
}

/** The one expected outcome of a request, or why the response breaks the policy. */
function verdict(rule: Rule, who: Who, res: APIResponse): string | null {
	const status = res.status();
	const location = res.headers()['location'] ?? '';
	const toLogin = status >= 300 && status < 400 && location.startsWith('/login');
	const refused = [401, 403, 404, 405].includes(status);
	if (status >= 500) return 'server error';
	if (rule.scope === 'public') return refused ? 'refused a public route' : null;
	if (who.kind === 'anonymous') return toLogin ? null : 'expected a redirect to /login';
	const granted = !refused && !toLogin;
	const allowed = rule.roles.includes(who.role);
	if (who.kind === 'other' && rule.scope === 'assessment') {
		return status === 404 ? null : "expected 404 (another organisation's assessment)";
	}
	if (who.kind === 'other' && rule.scope === 'organisation') {
		return status === 403 || status === 404 ? null : "expected 403 (another organisation's)";
	}
	if (allowed) return granted ? null : 'expected access';
	return status === 403 ? null : 'expected 403 (role without the capability)';
}

interface Fixtures {
	orgId: string;
	assessmentId: string;
	fileAssessmentId: string;
	attachmentId: string;
	spareUserId: string;
}

/**
 * What to send. An empty form by default: enough to prove access (a 400 is the form's
 * answer, after authorization) and harmless to the demo data. Actions that read the
 * organisation from the form get a valid one naming the demo organisation, so that
 * authorization, not validation, decides; they act on a spare account or create new rows.
 */
function bodyFor(key: string, fx: Fixtures): Record<string, string> {
	const target = { orgId: fx.orgId, userId: fx.spareUserId };
	switch (key) {
		case 'POST /admin?/createUser':
			return {
				email: `${unique('authz-sonde')}@demo.local`,
				name: 'Sonde matrice',
				orgId: fx.orgId,
				role: 'auditor',
				password: NEW_PASSWORD
			};
		case 'POST /admin?/setRole':
			return { ...target, role: 'auditor', version: '999' };
		case 'POST /admin?/resetPassword':
		case 'POST /admin?/resetTotp':
		case 'POST /admin?/disable':
		case 'POST /admin?/enable':
			return target;
		case 'POST /assessments/import':
			return { orgId: fx.orgId };
		case 'POST /assessments/new':
			return { orgId: fx.orgId, template: 'blank', title: unique('authz-sonde'), description: '' };
		default:
			return {};
	}
}

function paramsFor(e: Endpoint, fx: Fixtures): Record<string, string> {
	if (e.routeId.includes('[attachmentId]')) {
		return { id: fx.fileAssessmentId, attachmentId: fx.attachmentId };
	}
	return { id: fx.assessmentId, step: 'context', provider: 'ght' };
}

/** Signing out ends the session the other checks use: it goes last. */
const order = (e: Endpoint) => (e.key === 'POST /logout' ? 1 : 0);

test('the running app enforces the policy for every role, own and other organisation, and anonymous', async ({
	playwright,
	baseURL
}) => {
	test.setTimeout(900_000);
	const base = baseURL!;
	const { orgId, assessmentId } = demoIds();
	const admin = await signIn(playwright, base, 'admin@demo.local');

	const otherName = unique('Hôpital matrice');
	const created = await call(admin, 'POST', '/admin?/createOrg', { orgName: otherName });
	expect(created.status()).toBe(200);
	const otherOrgId = orgIdByName(otherName);
	const outsiders = {} as Record<Role, string>;
	for (const role of ROLES) {
		outsiders[role] = `${unique(`authz-${role}`)}@other.local`;
		const res = await call(admin, 'POST', '/admin?/createUser', {
			email: outsiders[role],
			name: `Matrice ${role}`,
			orgId: otherOrgId,
			role,
			password: OTHER_PASSWORD
		});
		expect(res.status(), `create ${role} outsider`).toBe(200);
	}
	const spareEmail = `${unique('authz-spare')}@demo.local`;
	const spare = await call(admin, 'POST', '/admin?/createUser', {
		email: spareEmail,
		name: 'Compte de réserve',
		orgId,
		role: 'auditor',
		password: NEW_PASSWORD
	});
	expect(spare.status()).toBe(200);

	// An own-organisation assessment with one attachment, for the download route.
	const dpo = await signIn(playwright, base, 'dpo@demo.local');
	const made = await call(dpo, 'POST', '/assessments/new', {
		orgId,
		template: 'booking',
		title: unique('authz-pièce jointe'),
		description: ''
	});
	expect(made.status()).toBe(303);
	const fileAssessmentId = made.headers()['location']!.split('/')[2]!;
	const upload = await dpo.api.post(`/assessments/${fileAssessmentId}/context?/upload`, {
		multipart: {
			file: { name: 'matrice.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') }
		},
		maxRedirects: 0
	});
	expect(upload.status()).toBe(200);
	const attachmentId = readDb(
		(db) =>
			(
				db.prepare('select id from attachments where assessment_id = ?').get(fileAssessmentId) as {
					id: string;
				}
			).id
	);
	const fx: Fixtures = {
		orgId,
		assessmentId,
		fileAssessmentId,
		attachmentId,
		spareUserId: userIdByEmail(spareEmail)
	};

	const endpoints = discoverEndpoints()
		.filter((e) => ruleFor(e.key))
		.sort((a, b) => order(a) - order(b));
	const sessions: { who: Who; session: () => Promise<Session> }[] = [
		{ who: { kind: 'anonymous' }, session: () => anonymous(playwright, base) },
		...ROLES.map((role) => ({
			who: { kind: 'own' as const, role },
			session: () => signIn(playwright, base, `${role}@demo.local`)
		})),
		...ROLES.map((role) => ({
			who: { kind: 'other' as const, role },
			session: () => signIn(playwright, base, outsiders[role], OTHER_PASSWORD)
		}))
	];

	const failures: string[] = [];
	let requests = 0;
	const run = async ({ who, session }: (typeof sessions)[number]) => {
		const s = await session();
		const label = who.kind === 'anonymous' ? 'anonymous' : `${who.kind} ${who.role}`;
		for (const e of endpoints) {
			const path = pathOf(e.routeId, paramsFor(e, fx), e.action);
			const res = await call(s, e.method, path, e.method === 'GET' ? {} : bodyFor(e.key, fx));
			requests++;
			const problem = verdict(ruleFor(e.key)!, who, res);
			if (problem) failures.push(`${e.key} as ${label}: ${describe(res)} — ${problem}`);
		}
		await s.api.dispose();
	};
	// A few sessions at a time: the server is one Node process on a shared 2-core machine.
	const queue = [...sessions];
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			for (let next = queue.shift(); next; next = queue.shift()) await run(next);
		})
	);
	await admin.api.dispose();
	await dpo.api.dispose();
	expect(failures, `${failures.length} of ${requests} requests break the policy`).toEqual([]);
	expect(requests).toBe(endpoints.length * sessions.length);
});
