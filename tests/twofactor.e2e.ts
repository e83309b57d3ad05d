import { expect, test, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { login, loginAs, postForm, seriousViolations, unique } from './helpers';
import { orgIdByName } from './matrix-helpers';

const PASSWORD = 'deux facteurs valent mieux 2026';

/** The code an authenticator app shows `offset` steps of 30 s from now. */
function totp(key: Uint8Array, offset = 0): string {
	return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}

/** Six digits that are none of the codes the server would accept around now. */
function wrongCode(key: Uint8Array): string {
	const valid = [-2, -1, 0, 1, 2].map((o) => totp(key, o));
	for (let n = 0; ; n++) {
		const candidate = String(n * 137).padStart(6, '0');
		if (!valid.includes(candidate)) return candidate;
	}
}

async function createUser(page: Page, email: string) {
	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Nom et prénom').fill('Double Facteur');
	await page.getByLabel('Rôle', { exact: true }).selectOption('contributor');
	await page.getByLabel('Mot de passe initial').fill(PASSWORD);
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(page.getByRole('status')).toHaveText('Compte créé.');
}

async function logout(page: Page) {
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL(/\/login\?logged_out/);
}

/** Password first; the code page then asks for the code. */
async function passwordStep(page: Page, email: string) {
	await page.goto('/login');
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Mot de passe').fill(PASSWORD);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/login\/two-factor\?redirectTo=%2Ftasks$/);
	await expect(page.getByLabel('Code de vérification')).toBeVisible();
	await expect(page.getByLabel('Adresse électronique')).toHaveValue(email);
	// The password is never sent back to the page.
	expect(await page.content()).not.toContain(PASSWORD);
}

/** Starts enrolment on the account page, returns the key the app would scan. */
async function startEnrolment(page: Page): Promise<Uint8Array> {
	await page
		.getByRole('button', { name: 'Activer la double authentification', exact: true })
		.click();
	const secretText = (await page.getByTestId('totp-secret').textContent()) ?? '';
	return decodeBase32IgnorePadding(secretText.replace(/\s+/g, ''));
}

async function confirmEnrolment(page: Page, key: Uint8Array, password = PASSWORD) {
	const enrol = page.getByRole('group', { name: 'Activation de la double authentification' });
	await enrol.getByLabel('Code à six chiffres').fill(totp(key));
	await enrol.getByLabel('Mot de passe actuel').fill(password);
	await page.getByRole('button', { name: 'Confirmer et activer' }).click();
	await expect(page.getByRole('status')).toContainText('Double authentification activée');
}

async function submitCode(page: Page, code: string) {
	await page.getByLabel('Code de vérification').fill(code);
	await page.getByRole('button', { name: 'Valider le code' }).click();
}

test('two-factor: enrol with an app, sign in with a code or a recovery code (once), then disable', async ({
	page
}) => {
	// Many sign-ins (argon2) and accessibility scans: slow on a loaded machine.
	test.slow();
	const email = `${unique('totp')}@demo.local`;
	await createUser(page, email);
	await logout(page);

	// axe needs the test's own page: the admin's session ended above, the new user signs in.
	const user = page;
	await login(user, email, PASSWORD);
	await user.goto('/account');
	await expect(user.getByText("La double authentification n'est pas activée")).toBeVisible();
	expect(await seriousViolations(user)).toEqual([]);

	// Enrolment: QR code and the key in text, confirmed with a code and the password.
	await user
		.getByRole('button', { name: 'Activer la double authentification', exact: true })
		.click();
	const enrol = user.getByRole('group', { name: 'Activation de la double authentification' });
	await expect(enrol.getByRole('img', { name: /QR code/ })).toBeVisible();
	expect(await seriousViolations(user)).toEqual([]);
	const secretText = (await user.getByTestId('totp-secret').textContent()) ?? '';
	const key = decodeBase32IgnorePadding(secretText.replace(/\s+/g, ''));
	expect(key).toHaveLength(20);

	await enrol.getByLabel('Code à six chiffres').fill(wrongCode(key));
	await enrol.getByLabel('Mot de passe actuel').fill(PASSWORD);
	await user.getByRole('button', { name: 'Confirmer et activer' }).click();
	await expect(user.getByText('Code incorrect ou déjà utilisé').first()).toBeVisible();

	const confirm = user.getByRole('group', { name: 'Activation de la double authentification' });
	await confirm.getByLabel('Code à six chiffres').fill(totp(key));
	await confirm.getByLabel('Mot de passe actuel').fill(PASSWORD);
	await user.getByRole('button', { name: 'Confirmer et activer' }).click();
	await expect(user.getByRole('status')).toContainText('Double authentification activée');
	const codes = (await user.locator('ul.codes li').allTextContents()).map((c) => c.trim());
	expect(codes).toHaveLength(10);
	for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
	expect(await seriousViolations(user)).toEqual([]);
	// Shown once: a reload no longer lists them.
	await user.goto('/account');
	await expect(user.locator('ul.codes li')).toHaveCount(0);
	await expect(user.getByText('Codes de secours encore utilisables : 10 sur 10.')).toBeVisible();

	// Sign in again: a wrong code is refused, the app's code lets in. (The enrolment used
	// this 30 s step's code, which is never accepted twice: the app's next code is used.)
	await logout(user);
	await passwordStep(user, email);
	// Password accepted, code not yet: not signed in anywhere but the code page.
	await user.goto('/assessments');
	await expect(user).toHaveURL(/\/login\?redirectTo=%2Fassessments/);
	await user.goto('/login/two-factor?redirectTo=%2Fassessments');
	await submitCode(user, wrongCode(key));
	await expect(user.getByRole('alert')).toContainText('Code incorrect ou déjà utilisé');
	await expect(user.getByLabel('Code de vérification')).toBeVisible();
	await submitCode(user, totp(key, 1));
	await expect(user).toHaveURL(/\/assessments$/);

	// A recovery code works once only.
	await logout(user);
	await passwordStep(user, email);
	await submitCode(user, codes[0]!.toUpperCase());
	await expect(user).toHaveURL(/\/tasks$/);
	await logout(user);
	await passwordStep(user, email);
	await submitCode(user, codes[0]!);
	await expect(user.getByRole('alert')).toContainText('Code incorrect ou déjà utilisé');
	await submitCode(user, codes[1]!);
	await expect(user).toHaveURL(/\/tasks$/);
	await user.goto('/account');
	await expect(user.getByText('Codes de secours encore utilisables : 8 sur 10.')).toBeVisible();

	// New recovery codes (password asked) replace the old ones.
	const regen = user.getByRole('group', { name: 'Nouveaux codes de secours' });
	await regen.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
	await user.getByRole('button', { name: 'Générer de nouveaux codes de secours' }).click();
	await expect(user.getByText('Le mot de passe actuel est incorrect.')).toBeVisible();
	await user
		.getByRole('group', { name: 'Nouveaux codes de secours' })
		.getByLabel('Mot de passe actuel')
		.fill(PASSWORD);
	await user.getByRole('button', { name: 'Générer de nouveaux codes de secours' }).click();
	await expect(user.getByRole('status')).toContainText('Nouveaux codes de secours générés');
	const fresh = (await user.locator('ul.codes li').allTextContents()).map((c) => c.trim());
	expect(fresh).toHaveLength(10);
	expect(fresh.filter((c) => codes.includes(c))).toEqual([]);

	// Disabling asks for the password and a code; an old recovery code no longer counts.
	const disable = () => user.getByRole('group', { name: 'Désactiver la double authentification' });
	await disable().getByLabel('Mot de passe actuel').fill(PASSWORD);
	await disable().getByLabel("Code de l'application ou code de secours").fill(codes[2]!);
	await user.getByRole('button', { name: 'Désactiver la double authentification' }).click();
	await expect(disable().getByText('Code incorrect ou déjà utilisé')).toBeVisible();
	await disable().getByLabel('Mot de passe actuel').fill(PASSWORD);
	await disable().getByLabel("Code de l'application ou code de secours").fill(fresh[0]!);
	await user.getByRole('button', { name: 'Désactiver la double authentification' }).click();
	await expect(user.getByRole('status')).toContainText('Double authentification désactivée');

	// Back to the password alone.
	await logout(user);
	await login(user, email, PASSWORD);
});

test('an admin resets the two-factor of someone who lost their phone and codes', async ({
	page
}) => {
	// Many sign-ins (argon2) and accessibility scans: slow on a loaded machine.
	test.slow();
	const email = `${unique('totp-lost')}@demo.local`;
	await createUser(page, email);
	await logout(page);
	await login(page, email, PASSWORD);
	await page.goto('/account');
	await page
		.getByRole('button', { name: 'Activer la double authentification', exact: true })
		.click();
	const secretText = (await page.getByTestId('totp-secret').textContent()) ?? '';
	const key = decodeBase32IgnorePadding(secretText.replace(/\s+/g, ''));
	const enrol = page.getByRole('group', { name: 'Activation de la double authentification' });
	await enrol.getByLabel('Code à six chiffres').fill(totp(key));
	await enrol.getByLabel('Mot de passe actuel').fill(PASSWORD);
	await page.getByRole('button', { name: 'Confirmer et activer' }).click();
	await expect(page.getByRole('status')).toContainText('Double authentification activée');
	await logout(page);

	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page
		.getByRole('button', { name: `Réinitialiser la double authentification — Double Facteur` })
		.first()
		.click();
	await expect(page.getByRole('status')).toContainText('Double authentification réinitialisée');
	await logout(page);
	// The password alone lets in again; the account page offers to enrol anew.
	await login(page, email, PASSWORD);
	await page.goto('/account');
	await expect(page.getByText("La double authentification n'est pas activée")).toBeVisible();
});

test('Login twice: the code page is the only way past a password accepted for a two-factor account; "start again" ends that session', async ({
	page
}) => {
	test.slow();
	const email = `${unique('totp-once')}@demo.local`;
	await createUser(page, email);
	await logout(page);
	await login(page, email, PASSWORD);
	await page.goto('/account');
	await confirmEnrolment(page, await startEnrolment(page));
	await logout(page);

	await passwordStep(page, email);
	const res = await page.request.get('/about', { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toMatch(/^\/login\?redirectTo=/);
	await page.getByRole('button', { name: 'Recommencer la connexion' }).click();
	await expect(page).toHaveURL(/\/login\?logged_out/);
	// The session is gone: the code page sends back to the password.
	await page.goto('/login/two-factor');
	await expect(page).toHaveURL(/\/login(\?|$)/);
	await expect(page.getByLabel('Mot de passe')).toBeVisible();
});

test('enabling 2FA or changing the password ends the other sessions', async ({ page, browser }) => {
	test.slow();
	const email = `${unique('totp-sessions')}@demo.local`;
	await createUser(page, email);
	await logout(page);
	await login(page, email, PASSWORD);
	const other = await browser.newPage();
	await login(other, email, PASSWORD);

	await page.goto('/account');
	await confirmEnrolment(page, await startEnrolment(page));
	// This device stays signed in; the other one is signed out.
	await page.goto('/assessments');
	await expect(page).toHaveURL(/\/assessments$/);
	await other.goto('/assessments');
	await expect(other).toHaveURL(/\/login\?redirectTo=%2Fassessments/);

	// The same for a new password, here with two-factor on (the current session keeps it).
	const third = await browser.newPage();
	await third.goto('/login');
	await third.getByLabel('Adresse électronique').fill(email);
	await third.getByLabel('Mot de passe').fill(PASSWORD);
	await third.getByRole('button', { name: 'Se connecter' }).click();
	await expect(third).toHaveURL(/\/login\/two-factor/);
	await page.goto('/account');
	const change = page.locator('form[action="?/password"]');
	await change.getByLabel('Mot de passe actuel').fill(PASSWORD);
	await change.getByLabel(/^Nouveau mot de passe/).fill('une toute nouvelle phrase 2026');
	await change
		.getByLabel('Confirmez le nouveau mot de passe')
		.fill('une toute nouvelle phrase 2026');
	await change.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toContainText('Mot de passe modifié');
	await page.goto('/assessments');
	await expect(page).toHaveURL(/\/assessments$/);
	await third.goto('/login/two-factor');
	await expect(third).toHaveURL(/\/login(\?|$)/);
	await other.close();
	await third.close();
});

test("Organisation 'require two-factor' is not enforced at sign-in: a non-enrolled director logs in with the password only and reads/exports everything; a non-enrolled admin resets passwords and creates admins", async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	// A hospital of its own, administered by a test admin (not the demo admin, whom
	// the requirement would confine too): the demo organisation is never changed.
	const adminEmail = `${unique('totp-admin')}@other.local`;
	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page.getByLabel('Adresse électronique').fill(adminEmail);
	await page.getByLabel('Nom et prénom').fill('Admin Exigeant');
	await page.getByLabel('Rôle', { exact: true }).selectOption('admin');
	await page.getByLabel('Mot de passe initial').fill(PASSWORD);
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(page.getByRole('status')).toHaveText('Compte créé.');
	await logout(page);

	const admin = page;
	await login(admin, adminEmail, PASSWORD);
	await admin.goto('/admin');
	const orgName = unique('Hôpital exigeant');
	await admin.getByLabel("Nom de l'établissement ou du groupement").fill(orgName);
	await admin.getByRole('button', { name: 'Créer un établissement' }).click();
	await expect(admin.getByRole('status')).toHaveText('Établissement créé.');
	const directorEmail = `${unique('totp-director')}@other.local`;
	await admin.getByLabel('Adresse électronique').fill(directorEmail);
	await admin.getByLabel('Nom et prénom').fill('Directrice Exigée');
	await admin.getByLabel('Établissement', { exact: true }).selectOption({ label: orgName });
	await admin.getByLabel('Rôle', { exact: true }).selectOption('director');
	await admin.getByLabel('Mot de passe initial').fill(PASSWORD);
	await admin.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(admin.getByRole('status')).toHaveText('Compte créé.');

	await admin.goto('/admin/organisation');
	await admin.getByLabel('Établissement', { exact: true }).selectOption({ label: orgName });
	await admin.getByRole('button', { name: 'Afficher ses paramètres' }).click();
	await admin.getByRole('checkbox', { name: /Exiger la double authentification/ }).check();
	await admin.getByRole('button', { name: 'Enregistrer les paramètres' }).click();

	// From now on the admin, not enrolled, is confined to the enrolment.
	const orgId = orgIdByName(orgName);
	await admin.goto('/admin');
	await expect(admin).toHaveURL(/\/account(#twofactor)?$/);
	await expect(admin.locator('#twofactor-required')).toBeVisible();
	for (const [path, form] of [
		[
			'/admin?/createUser',
			{
				email: `${unique('totp-new-admin')}@other.local`,
				name: 'Nouvel admin',
				orgId,
				role: 'admin',
				password: 'un admin de plus en 2026'
			}
		],
		['/admin?/resetPassword', { userId: 'any', orgId, password: 'un mot de passe imposé 2026' }],
		['/account?/password', { current: PASSWORD, password: 'x'.repeat(20), confirm: 'x'.repeat(20) }]
	] as const) {
		const res = await postForm(admin, path, form);
		expect(res.status(), path).toBe(303);
		expect(res.headers()['location'], path).toBe('/account#twofactor');
	}

	// The director signs in with the password and is sent to enrol; nothing else opens.
	const director = await browser.newPage();
	await director.goto('/login');
	await director.getByLabel('Adresse électronique').fill(directorEmail);
	await director.getByLabel('Mot de passe').fill(PASSWORD);
	await director.getByRole('button', { name: 'Se connecter' }).click();
	await expect(director).toHaveURL(/\/account(#twofactor)?$/);
	for (const path of ['/assessments', '/about', '/assessments/any/export/bundle']) {
		const res = await director.request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(303);
		expect(res.headers()['location'], path).toBe('/account#twofactor');
	}
	// Enrolment, then everything the role allows.
	await confirmEnrolment(director, await startEnrolment(director));
	await director.goto('/assessments');
	await expect(director).toHaveURL(/\/assessments$/);
	// The language switch and logout stay open while confined.
	const lang = await postForm(admin, '/locale', { locale: 'fr', redirectTo: '/account' });
	expect(lang.status()).toBe(303);
	await logout(admin);
	await director.close();
});
