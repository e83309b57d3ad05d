/**
 * Shared by the authorization-matrix and fuzz tests: signed-in API sessions and a read-only
 * view of the e2e database (the routes themselves: route-discovery.ts).
 */
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
	expect,
	type APIRequestContext,
	type APIResponse,
	type APIRequest
} from '@playwright/test';
import { DEMO_PASSWORD, DEMO_TITLE } from './helpers';

const ROOT = resolve(import.meta.dirname, '..');

/** A signed-in API client: its own cookie, this origin (CSRF), HTML like a browser form. */
export interface Session {
	email: string;
	api: APIRequestContext;
	/** `session=<token>`, empty without a session. */
	cookie: string;
}

export async function signIn(
	playwright: { request: APIRequest },
	baseURL: string,
	email: string,
	password = DEMO_PASSWORD
): Promise<Session> {
	const origin = new URL(baseURL).origin;
	const headers = { origin, accept: 'text/html' };
	const anon = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
	const res = await anon.post('/login', { form: { email, password }, maxRedirects: 0 });
	expect(res.status(), `login ${email}`).toBe(303);
	const cookie = res
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value.split(';')[0] ?? '')
		.find((c) => /^(__Host-)?session=./.test(c));
	await anon.dispose();
	if (!cookie) throw new Error(`no session cookie for ${email}`);
	// The cookie is Secure; sent by hand so that plain-http localhost works in every client.
	const api = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { ...headers, cookie },
		storageState: { cookies: [], origins: [] }
	});
	return { email, api, cookie };
}

export async function anonymous(
	playwright: { request: APIRequest },
	baseURL: string
): Promise<Session> {
	const origin = new URL(baseURL).origin;
	const api = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { origin, accept: 'text/html' }
	});
	return { email: '', api, cookie: '' };
}

/** Sends one request of the matrix: GET, or a POST form without following redirects. */
export function call(
	session: Session,
	method: string,
	path: string,
	form: Record<string, string> = {}
): Promise<APIResponse> {
	if (method === 'GET') return session.api.get(path, { maxRedirects: 0 });
	return session.api.fetch(path, { method, form, maxRedirects: 0 });
}

/** The e2e server's database (scripts/e2e-server.sh), read-only while the server runs. */
export const E2E_DB = join(ROOT, 'tmp/e2e-data/workbench.db');

let shared: Database.Database | null = null;

/**
 * Reads the e2e database through one read-only connection kept for the worker's life:
 * in WAL mode each statement sees what the server had committed when it started.
 */
export function readDb<T>(read: (db: Database.Database) => T): T {
	shared ??= new Database(E2E_DB, { readonly: true, fileMustExist: true });
	return read(shared);
}

export const DEMO_ORG = 'Centre hospitalier de démonstration';

export function demoIds(): { orgId: string; assessmentId: string } {
	return readDb((db) => {
		const org = db.prepare('select id from organisations where name = ?').get(DEMO_ORG) as
			{ id: string } | undefined;
		if (!org) throw new Error('no demo organisation');
		const a = db
			.prepare('select id from assessments where org_id = ? and title = ? order by created_at')
			.get(org.id, DEMO_TITLE) as { id: string } | undefined;
		if (!a) throw new Error('no demo assessment');
		return { orgId: org.id, assessmentId: a.id };
	});
}

export function orgIdByName(name: string): string {
	return readDb((db) => {
		const row = db.prepare('select id from organisations where name = ?').get(name) as
			{ id: string } | undefined;
		if (!row) throw new Error(`no organisation ${name}`);
		return row.id;
	});
}

export function userIdByEmail(email: string): string {
	return readDb((db) => {
		const row = db.prepare('select id from users where email = ?').get(email) as
			{ id: string } | undefined;
		if (!row) throw new Error(`no user ${email}`);
		return row.id;
	});
}

/**
 * What a 4xx must leave untouched, scoped to the caller's own users, organisation and
 * assessment so that other test files writing at the same time do not disturb it: every
 * change is audited by mutate() in its own transaction (the audit entries these actors,
 * this organisation or this assessment caused) plus the rows a form can write there.
 * Entries about this organisation by someone else are left out: the demo admin, who created
 * it, administers it too, and another file's "Relancer" (notify.retry) writes one entry per
 * organisation that admin has; the requests checked here are all made by these actors.
 * `audit.verify` entries are left out too: a verification that an earlier, accepted case
 * started on /audit records its verdict when it ends, during later cases; it reads the
 * chain and changes no record.
 */
export function fingerprint(scope: { actorIds: string[]; orgId: string; assessmentId: string }) {
	return readDb((db) => {
		const { actorIds, orgId, assessmentId } = scope;
		const marks = actorIds.map(() => '?').join(',');
		const one = (sql: string, ...args: unknown[]) => JSON.stringify(db.prepare(sql).all(...args));
		return {
			audit: one(
				`select count(*) as n, max(seq) as head from audit_log
				 where action <> 'audit.verify'
				   and (actor_id in (${marks})
				        or (actor_id is null and (org_id = ? or assessment_id = ?)))`,
				...actorIds,
				orgId,
				assessmentId
			),
			assessment: one(
				'select version, title, description, status, archived_at from assessments where id = ?',
				assessmentId
			),
			steps: one(
				`select step, version, status, data, evaluation_comment, action_plan_comment
				 from assessment_steps where assessment_id = ? order by step`,
				assessmentId
			),
			comments: one(
				'select count(*) as n from step_comments where assessment_id = ?',
				assessmentId
			),
			attachments: one(
				'select count(*) as n from attachments where assessment_id = ?',
				assessmentId
			),
			findings: one(
				'select id, version, status from security_findings where assessment_id = ? order by id',
				assessmentId
			),
			members: one(
				`select m.user_id, m.role, m.version, u.version as uv, u.disabled_at, u.password_hash
				 from memberships m join users u on u.id = m.user_id where m.org_id = ? order by m.user_id`,
				orgId
			),
			orgs: one(`select count(*) as n from memberships where user_id in (${marks})`, ...actorIds)
		};
	});
}
