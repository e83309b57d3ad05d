import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, loginAs, postForm, unique } from './helpers';
import { readDb } from './matrix-helpers';

const ROLES = ['admin', 'dpo', 'director', 'security', 'contributor', 'representative', 'auditor'];

test('each demo role signs in and out', async ({ page }) => {
	for (const role of ROLES) {
		await loginAs(page, role);
		await expect(page.getByText(/Connecté\(e\)/)).toBeVisible();
		await page.getByRole('button', { name: 'Se déconnecter' }).click();
		await expect(page).toHaveURL(/\/login\?logged_out/);
		await expect(page.getByRole('status')).toContainText('Vous êtes déconnecté(e).');
		// The session is gone server-side: a protected page sends back to login.
		await page.goto('/assessments');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fassessments/);
	}
});

test('a wrong password gets one neutral message and keeps the e-mail typed', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Adresse électronique').fill('director@demo.local');
	await page.getByLabel('Mot de passe').fill('not the password at all');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Adresse ou mot de passe incorrect, ou compte désactivé.'
	);
	await expect(page.getByLabel('Adresse électronique')).toHaveValue('director@demo.local');
});

test('login throttling kicks in after 5 failures, and other accounts are unaffected', async ({
	page,
	browser
}) => {
	// A dedicated account, so that throttling it does not disturb the other tests.
	const email = `${unique('throttle')}@demo.local`;
	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Nom et prénom').fill('Compte Limité');
	await page.getByLabel('Rôle', { exact: true }).selectOption('contributor');
	await page.getByLabel('Mot de passe initial').fill('limite des tentatives 2026');
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(page.getByRole('status')).toHaveText('Compte créé.');

	const other = await browser.newPage();
	for (let i = 1; i <= 5; i++) {
		await other.goto('/login');
		await other.getByLabel('Adresse électronique').fill(email);
		await other.getByLabel('Mot de passe').fill(`wrong password number ${i}`);
		await other.getByRole('button', { name: 'Se connecter' }).click();
		await expect(other.getByRole('alert')).toContainText('incorrect');
	}
	// The 1 s delay after the 5th failure can pass before the next click on a loaded
	// machine: two more counted failures bring it to 4 s (a refused try is not counted).
	const origin = new URL(other.url()).origin;
	for (let counted = 5; counted < 7;) {
		const res = await other.request.post('/login', {
			form: { email, password: `wrong password number ${counted + 1}` },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		if ((await res.text()).includes('Trop de tentatives')) await other.waitForTimeout(1000);
		else counted++;
	}
	// Then even the right password is refused while the delay runs.
	await other.getByLabel('Mot de passe').fill('limite des tentatives 2026');
	await other.getByRole('button', { name: 'Se connecter' }).click();
	await expect(other.getByRole('alert')).toContainText('Trop de tentatives échouées');
	// Another account still signs in at once.
	await login(other, 'security@demo.local', DEMO_PASSWORD);
	await other.close();
});

test('an expired or forged session cookie leads to the login page', async ({ page, context }) => {
	await context.addCookies([
		{ name: 'session', value: 'forgedtokenvalue', domain: 'localhost', path: '/' }
	]);
	await page.goto('/assessments');
	await expect(page).toHaveURL(/\/login\?redirectTo=.*&expired/);
	await expect(page.getByRole('status')).toContainText('Votre session a expiré');
});

test('the interface switches to English and back', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByLabel('Langue').selectOption('en');
	await page.getByRole('button', { name: 'Changer' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByLabel('Language').selectOption('fr');
	await page.getByRole('button', { name: 'Change' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('The current-password check on the account page is neither throttled nor audited (25 guesses in 0.5 s)', async ({
	page
}) => {
	test.slow();
	const email = `${unique('guess')}@demo.local`;
	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Nom et prénom').fill('Compte Deviné');
	await page.getByLabel('Rôle', { exact: true }).selectOption('contributor');
	await page.getByLabel('Mot de passe initial').fill('le vrai mot de passe 2026');
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(page.getByRole('status')).toHaveText('Compte créé.');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await login(page, email, 'le vrai mot de passe 2026');
	await page.goto('/account');

	// Someone at an unlocked screen guesses the current password: each guess doubles the
	// wait after the 5th, so a refusal comes at the latest a few guesses later.
	const statuses: number[] = [];
	for (let i = 0; i < 12 && !statuses.includes(429); i++) {
		const res = await postForm(page, '/account?/password', {
			current: `guess number ${i}`,
			password: 'une nouvelle phrase de passe',
			confirm: 'une nouvelle phrase de passe'
		});
		statuses.push(res.status());
	}
	expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
	expect(statuses).toContain(429);
	const failures = readDb(
		(db) =>
			db
				.prepare(
					"select count(*) as n from audit_log where action = 'account.stepup_failed' and actor_id = (select id from users where email = ?)"
				)
				.get(email) as { n: number }
	).n;
	expect(failures).toBe(statuses.filter((s) => s === 400).length);
	// Throttled under its own key: signing in is not locked.
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await login(page, email, 'le vrai mot de passe 2026');
});
