import { expect, test } from '@playwright/test';
import { login, loginAs, unique } from './helpers';

test('the admin creates an account, changes its role, resets its password and disables it (sessions end)', async ({
	page,
	browser
}) => {
	const email = `${unique('compte')}@demo.local`;
	await loginAs(page, 'admin');
	await page.goto('/admin');
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Nom et prénom').fill('Nouvelle Personne');
	await page.getByLabel('Rôle', { exact: true }).selectOption('contributor');
	// A common password is refused, and the rest of the form is kept.
	await page.getByLabel('Mot de passe initial').fill('qwerty123456');
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(page.getByText('Ce mot de passe est trop courant')).toBeVisible();
	await expect(page.getByLabel('Adresse électronique')).toHaveValue(email);
	await page.getByLabel('Mot de passe initial').fill('premier mot de passe 2026');
	await page.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(page.getByRole('status')).toHaveText('Compte créé.');

	const row = page.getByRole('row').filter({ hasText: email });
	await row.getByLabel('Rôle de Nouvelle Personne').selectOption('security');
	await row.getByRole('button', { name: 'Changer le rôle' }).click();
	await expect(page.getByRole('status')).toHaveText('Rôle modifié.');

	const user = await browser.newPage();
	await login(user, email, 'premier mot de passe 2026');
	await page
		.getByRole('row')
		.filter({ hasText: email })
		.getByLabel('Nouveau mot de passe pour Nouvelle Personne')
		.fill('second mot de passe 2026');
	await page
		.getByRole('row')
		.filter({ hasText: email })
		.getByRole('button', { name: 'Définir le mot de passe' })
		.click();
	await expect(page.getByRole('status')).toContainText('Mot de passe défini');
	// The password reset ended the user's session.
	await user.goto('/assessments');
	await expect(user).toHaveURL(/\/login/);
	await login(user, email, 'second mot de passe 2026');
	await user.goto('/account');
	await expect(user.getByText('Responsable de la sécurité (RSSI)')).toBeVisible();

	await page
		.getByRole('row')
		.filter({ hasText: email })
		.getByRole('button', { name: /Désactiver/ })
		.click();
	await expect(page.getByRole('status')).toContainText('Compte désactivé');
	await user.goto('/assessments');
	await expect(user).toHaveURL(/\/login/);
	await user.goto('/login');
	await user.getByLabel('Adresse électronique').fill(email);
	await user.getByLabel('Mot de passe').fill('second mot de passe 2026');
	await user.getByRole('button', { name: 'Se connecter' }).click();
	await expect(user.getByRole('alert')).toContainText('compte désactivé');
	await user.close();
});

test('a non-admin cannot reach the admin page or post to it', async ({ page }) => {
	await loginAs(page, 'dpo');
	const res = await page.goto('/admin');
	expect(res?.status()).toBe(403);
	const post = await page.request.post('/admin?/createOrg', {
		form: { orgName: 'Pirate' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(post.status()).toBe(403);
});

test('the DPO archives an assessment: it leaves the default list and becomes read-only', async ({
	page
}) => {
	await loginAs(page, 'dpo');
	await page.goto('/assessments/new');
	await page.getByLabel('Analyse vierge').check();
	const title = unique('À archiver');
	await page.getByLabel('Titre').fill(title);
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	await page.getByRole('button', { name: "Archiver l'analyse" }).click();
	await expect(page.getByRole('status')).toContainText('Cette analyse est archivée');
	await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
	await page.goto('/assessments');
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);
	await page.getByLabel('Statut').selectOption('archived');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});
