import { expect, test } from '@playwright/test';
import { loginAs, newBookingAssessment, seriousViolations } from './helpers';

test('the overview lists everything that blocks the decision at once, for every role, each linked to its page', async ({
	page,
	browser
}) => {
	const contributor = await browser.newPage();
	await loginAs(contributor, 'contributor');
	const overview = `/assessments/${await newBookingAssessment(contributor, 'Points bloquants')}`;
	await contributor.close();

	// The director, who cannot act yet, sees all three missing opinions, not only the first.
	await loginAs(page, 'director');
	await page.goto(overview);
	await expect(
		page.getByRole('heading', { name: 'Ce qui bloque encore la décision' })
	).toBeVisible();
	const request = page.getByRole('region', {
		name: /^Avant « Demander la décision du directeur » : \d+ point\(s\)$/
	});
	for (const who of [
		'Avis du délégué à la protection des données',
		"Avis du responsable de la sécurité des systèmes d'information",
		'Avis des personnes concernées (représentant des patients)'
	])
		await expect(
			request.getByRole('listitem').filter({ hasText: `${who} : avis non signé.` })
		).toHaveCount(1);
	await expect(
		page.getByRole('region', { name: /^Avant « Décider » : \d+ point\(s\)$/ })
	).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	await request
		.getByRole('listitem')
		.filter({ hasText: 'Avis du délégué à la protection des données : avis non signé.' })
		.getByRole('link', { name: 'Y aller' })
		.click();
	await expect(page).toHaveURL(new RegExp(`${overview}/opinions$`));

	// The security officer (own session: /login sends a signed-in user on) reaches the
	// findings from the overview.
	const security = await browser.newPage();
	await loginAs(security, 'security');
	await security.goto(overview);
	await security.getByRole('link', { name: 'Constats de sécurité' }).click();
	await expect(security).toHaveURL(new RegExp(`${overview}/findings$`));
	await security.close();
});
