/**
 * Sign-in with the hospital's directory (issue 15), against real OpenID Connect providers
 * (oidc-provider, tests/oidc-idp.ts) that this file starts: the group's directory ("ght")
 * and another one ("autre"), both configured in playwright.config.ts.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { seriousViolations, signedInAs } from './helpers';
import { assessmentCollectingOpinions } from './evaluate-steps';
import { readDb } from './matrix-helpers';
import { startTestIdp, type TestIdp } from './oidc-idp';
import { OIDC_CLIENT } from './oidc-config';
import { appPort, idpPort, otherIdpPort } from './ports';

test.describe.configure({ mode: 'serial' });

const APP = `http://localhost:${appPort}`;
const GHT = 'Annuaire du GHT';
const callback = (id: string) => `${APP}/login/oidc/${id}/callback`;

function startIdp(port: number, id: string): Promise<TestIdp> {
	return startTestIdp({
		port,
		clientId: OIDC_CLIENT.id,
		clientSecret: OIDC_CLIENT.secret,
		redirectUris: [callback(id)],
		postLogoutRedirectUris: [`${APP}/login?logged_out`]
	});
}

/** The audit entries of an action since `seq`, newest last. */
function audit(action: string, since: number): { summary: string; seq: number }[] {
	return readDb(
		(db) =>
			db
				.prepare('select seq, summary from audit_log where action = ? and seq > ? order by seq')
				.all(action, since) as { summary: string; seq: number }[]
	);
}

/**
 * The reasons of the directory sign-ins refused since `seq`. Other files running meanwhile
 * (the authorization matrix, the fuzzer) call these routes too: tests look for their own
 * reasons rather than the exact list.
 */
const refusals = (since: number) =>
	audit('auth.oidc_refused', since).map((e) => e.summary.split(':')[0]!);

const lastSeq = () =>
	readDb((db) => (db.prepare('select max(seq) as s from audit_log').get() as { s: number }).s);

function accountOf(email: string) {
	return readDb(
		(db) =>
			db
				.prepare(
					`select u.id, u.name, m.role from users u
					 left join memberships m on m.user_id = u.id
					 where u.email = ?`
				)
				.all(email) as { id: string; name: string; role: string | null }[]
	);
}

async function signInWithDirectory(page: Page, label = GHT) {
	await page.goto('/login');
	await page.getByRole('link', { name: `Se connecter avec ${label}` }).click();
}

/**
 * Follows the redirects of a sign-in without a browser, up to the answer the directory sends
 * back to the app, which is returned unvisited: a test can then tamper with it or replay it.
 */
async function answerOf(request: APIRequestContext, start: string, id: string): Promise<string> {
	let url = new URL(start, APP).href;
	for (let hop = 0; hop < 20; hop++) {
		if (url.startsWith(callback(id))) return url;
		const res = await request.get(url, { maxRedirects: 0 });
		const location = res.headers()['location'];
		if (!location) throw new Error(`no redirect from ${url}: ${res.status()}`);
		url = new URL(location, url).href;
	}
	throw new Error('too many redirects');
}

let ght: TestIdp;
let autre: TestIdp;

test('a directory that does not answer gives a clear page, audited, and nothing is created', async ({
	page
}) => {
	const since = lastSeq();
	await signInWithDirectory(page);
	await expect(page).toHaveURL(/\/login\/refused\?reason=provider_down$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		"Connexion par l'annuaire refusée"
	);
	await expect(page.getByRole('alert')).toContainText(
		"L'annuaire de l'établissement ne répond pas"
	);
	expect(await seriousViolations(page)).toEqual([]);
	expect(refusals(since)).toContain('provider_down');
	expect(audit('auth.oidc_account_created', since)).toEqual([]);
});

test.describe('with the directories up', () => {
	test.beforeAll(async () => {
		ght = await startIdp(idpPort, 'ght');
		autre = await startIdp(otherIdpPort, 'autre');
	});
	test.afterAll(async () => {
		await ght?.close();
		await autre?.close();
	});

	test('first sign-in creates the account with its role; a group change changes it; no mapped group is refused', async ({
		browser
	}) => {
		const email = `anne.${Date.now().toString(36)}@ght.test`;
		ght.users.set('anne', { email, name: 'Anne Annuaire', groups: ['Personnel', 'GRP-DPO'] });
		ght.next = { accountId: 'anne' };
		const since = lastSeq();

		const page = await (await browser.newContext()).newPage();
		await signInWithDirectory(page);
		await expect(page).toHaveURL(/\/tasks$/);
		await expect(page.getByText('Anne Annuaire').first()).toBeVisible();
		expect(accountOf(email)).toEqual([
			expect.objectContaining({ name: 'Anne Annuaire', role: 'dpo' })
		]);
		expect(audit('auth.oidc_account_created', since)).toHaveLength(1);
		// No password of the workbench for this account: the password form refuses it.
		expect(
			readDb(
				(db) =>
					(
						db.prepare('select password_hash as h from users where email = ?').get(email) as {
							h: string;
						}
					).h
			)
		).toBe('!directory');

		// Signing out here signs out at the directory too (RP-initiated logout).
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(new RegExp(`^http://localhost:${idpPort}/session/end`));
		await page.getByRole('button', { name: 'Yes, sign me out' }).click();
		await expect(page).toHaveURL(/\/login\?logged_out$/);

		// The directory moves Anne to the management group: the role follows at next sign-in.
		ght.users.set('anne', { email, name: 'Anne Annuaire-Martin', groups: ['GRP-DIRECTION'] });
		await signInWithDirectory(page);
		await expect(page).toHaveURL(/\/tasks$/);
		expect(accountOf(email)).toEqual([
			expect.objectContaining({ name: 'Anne Annuaire-Martin', role: 'director' })
		]);
		expect(
			audit('user.role_change', since)
				.map((e) => e.summary)
				.filter((s) => s.endsWith('(directory ght)'))
		).toEqual(['role none -> dpo (directory ght)', 'role dpo -> director (directory ght)']);
		expect(audit('user.profile_from_directory', since)).toHaveLength(1);

		// Out of every mapped group: the role goes and the sign-in is refused, plainly.
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await page.getByRole('button', { name: 'Yes, sign me out' }).click();
		ght.users.set('anne', { email, name: 'Anne Annuaire-Martin', groups: ['Personnel'] });
		await signInWithDirectory(page);
		await expect(page).toHaveURL(/\/login\/refused\?reason=no_role$/);
		await expect(page.getByRole('alert')).toContainText("n'appartient à aucun groupe");
		expect(accountOf(email)).toEqual([expect.objectContaining({ role: null })]);
		expect(audit('user.role_removed', since)).toHaveLength(1);
		await page.goto('/tasks');
		await expect(page).toHaveURL(/\/login/);
		await page.context().close();
	});

	test('a tampered state, a replayed answer and a code of another directory are refused and audited', async ({
		browser
	}) => {
		const email = `paul.${Date.now().toString(36)}@ght.test`;
		for (const idp of [ght, autre]) {
			idp.users.set('paul', { email, name: 'Paul Pare-feu', groups: ['GRP-RSSI'] });
			idp.next = { accountId: 'paul' };
		}
		const since = lastSeq();
		const context = await browser.newContext();
		const page = await context.newPage();

		const answer = await answerOf(context.request, '/login/oidc/ght', 'ght');
		const tampered = new URL(answer);
		tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
		await page.goto(tampered.href);
		await expect(page).toHaveURL(/\/login\/refused\?reason=bad_state$/);
		expect(accountOf(email)).toEqual([]);

		// A genuine answer signs in; the same answer again is refused. (The tampered one ended
		// its own sign-in: the browser's state cookie goes with the first answer.)
		const genuine = await answerOf(context.request, '/login/oidc/ght', 'ght');
		await page.goto(genuine);
		await expect(page).toHaveURL(/\/tasks$/);
		await page.goto(genuine);
		await expect(page).toHaveURL(/\/login\/refused\?reason=bad_state$/);
		expect(await seriousViolations(page)).toEqual([]);

		// A code issued by the other directory, handed to a sign-in started with this one.
		const fresh = await browser.newContext();
		const foreign = new URL(await answerOf(fresh.request, '/login/oidc/autre', 'autre'));
		const started = await fresh.request.get('/login/oidc/ght', { maxRedirects: 0 });
		const state = new URL(started.headers()['location']!).searchParams.get('state')!;
		const forged = new URL(callback('ght'));
		forged.searchParams.set('code', foreign.searchParams.get('code')!);
		forged.searchParams.set('state', state);
		forged.searchParams.set('iss', foreign.searchParams.get('iss')!);
		const stranger = await fresh.newPage();
		await stranger.goto(forged.href);
		await expect(stranger).toHaveURL(/\/login\/refused\?reason=token_rejected$/);

		expect(refusals(since).filter((r) => r === 'bad_state').length).toBeGreaterThanOrEqual(2);
		expect(refusals(since).filter((r) => r === 'token_rejected')).toHaveLength(1);
		expect(accountOf(email)).toHaveLength(1);
		await context.close();
		await fresh.close();
	});

	test('signing with a directory account asks for a fresh authentication at the directory', async ({
		browser
	}) => {
		test.setTimeout(600_000);
		const contributor = await signedInAs(browser, 'contributor');
		const dpo = await signedInAs(browser, 'dpo');
		const id = await assessmentCollectingOpinions(contributor, dpo, 'Annuaire');
		await contributor.context().close();
		await dpo.context().close();
		const email = `sophie.${Date.now().toString(36)}@ght.test`;
		ght.users.set('sophie', { email, name: 'Sophie Annuaire (RSSI)', groups: ['GRP-RSSI'] });
		ght.next = { accountId: 'sophie' };
		const page = await (await browser.newContext()).newPage();
		await signInWithDirectory(page);
		await expect(page).toHaveURL(/\/tasks$/);
		const since = lastSeq();

		await page.goto(`/assessments/${id}/opinions`);
		const form = page.getByRole('region', { name: /Avis du responsable de la sécurité/ });
		await expect(form.getByLabel('Votre mot de passe')).toHaveCount(0);
		const again = form.getByRole('link', { name: `S'authentifier de nouveau auprès de ${GHT}` });
		await expect(again).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);

		// Without the fresh authentication: refused, what was typed kept.
		await form.getByLabel('Favorable avec réserves').check();
		await form.getByRole('textbox').first().fill('Deux constats mineurs ouverts.');
		await form.getByRole('button', { name: 'Signer' }).click();
		await expect(page.getByRole('alert').first()).toContainText(
			"Authentifiez-vous de nouveau auprès de l'annuaire"
		);
		await expect(form.getByRole('textbox').first()).toHaveValue('Deux constats mineurs ouverts.');

		// A directory that answers with an old authentication is not a fresh one.
		const logins = ght.interactions.filter((i) => i.prompt === 'login').length;
		ght.next = { accountId: 'sophie', authTime: Math.floor(Date.now() / 1000) - 3600 };
		await again.click();
		await expect(page).toHaveURL(/\/login\/refused\?reason=stale_authentication$/);
		// The directory was asked to authenticate again (prompt=login), whatever it then did.
		expect(ght.interactions.filter((i) => i.prompt === 'login').length).toBe(logins + 1);

		ght.next = { accountId: 'sophie' };
		await page.goto(`/assessments/${id}/opinions`);
		await again.click();
		await expect(page).toHaveURL(new RegExp(`/assessments/${id}/opinions$`));
		await expect(form.getByRole('status')).toContainText('Nouvelle authentification faite');
		await form.getByLabel('Favorable avec réserves').check();
		await form.getByRole('textbox').first().fill('Deux constats mineurs ouverts.');
		await form.getByRole('button', { name: 'Signer' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Signature enregistrée.' })
		).toBeVisible();
		await page.reload();
		await expect(
			page.getByText(
				"Identité confirmée par une nouvelle authentification auprès de l'annuaire de l'établissement."
			)
		).toBeVisible();

		const signature = readDb(
			(db) =>
				db
					.prepare(
						`select s.auth_method as method, s.signer_role as role from signatures s
						 join users u on u.id = s.signer_id where u.email = ? and s.assessment_id = ?`
					)
					.all(email, id) as { method: string; role: string }[]
		);
		expect(signature).toEqual([{ method: 'oidc', role: 'security' }]);
		expect(audit('signing.stepup_directory', since)).toHaveLength(1);
		expect(refusals(since).filter((r) => r === 'stale_authentication')).toHaveLength(1);
		// Used once: the next signature would need another one.
		expect(
			readDb(
				(db) =>
					db
						.prepare(
							`select count(*) as n from sessions s join users u on u.id = s.user_id
							 where u.email = ? and s.step_up_at is not null`
						)
						.get(email) as { n: number }
			).n
		).toBe(0);
	});

	test("an ID token whose signature does not verify against the directory's keys is refused", async ({
		browser
	}) => {
		// The other directory's keys were never fetched by the app (its earlier use stopped
		// before the token request): the first fetch gets the foreign key.
		const email = `zoe.${Date.now().toString(36)}@autre.test`;
		autre.users.set('zoe', { email, name: 'Zoé Faussaire', groups: ['GRP-DPO'] });
		autre.next = { accountId: 'zoe' };
		autre.publishForeignKey = true;
		const since = lastSeq();
		const page = await (await browser.newContext()).newPage();
		await signInWithDirectory(page, 'Autre annuaire');
		await expect(page).toHaveURL(/\/login\/refused\?reason=token_rejected$/);
		await expect(page.getByRole('alert')).toContainText("n'a pas pu être vérifiée");
		expect(accountOf(email)).toEqual([]);
		const rejected = audit('auth.oidc_refused', since).filter((e) =>
			e.summary.startsWith('token_rejected')
		);
		expect(rejected).toHaveLength(1);
		expect(rejected[0]!.summary).toMatch(/signature/i);
		await page.context().close();
	});
});

/** A new analysis, every step evaluated by the DPO and the opinions opened. */
