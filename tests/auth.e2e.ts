import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, loginAs, unique } from './helpers';

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
	await page.getByLabel('Langue').selectOption('en');
	await page.getByRole('button', { name: 'Changer' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByLabel('Language').selectOption('fr');
	await page.getByRole('button', { name: 'Change' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
});
