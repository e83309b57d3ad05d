import { expect, test, type Page } from '@playwright/test';
import {
	act,
	signedInAs,
	DEMO_PASSWORD,
	postForm,
	saveStep,
	seriousViolations,
	unique
} from './helpers';
import { evaluateSteps } from './evaluate-steps';

/** Signs the one opinion form on the page, favourable (no reservation for the director to answer). */
async function signFavourable(page: Page, id: string, heading: RegExp) {
	await page.goto(`/assessments/${id}/opinions`);
	const form = page.getByRole('region', { name: heading });
	const verdict = form.getByLabel('Favorable', { exact: true });
	if (await verdict.count()) await verdict.check();
	await form.getByRole('textbox').first().fill('Favorable.');
	await form.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Signer' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Signature enregistrée.' })
	).toBeVisible();
}

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('the DPO marks a condition of a signed decision as met, saying how; it leaves the to-do page', async ({
	browser
}) => {
	// Seven step evaluations, three opinions and a decision: slow on a loaded machine.
	test.setTimeout(600_000);
	// An analysis of its own, decided "with conditions" falling due within the to-do page's
	// window (the demo's fall due in two months, and other tests read the demo): a blank one,
	// which the decision gate lets through once its two empty steps are answered.
	const title = unique('Conditions suivies');
	const contract = unique('Signer l’avenant de sous-traitance');
	const phone = unique('Garder le rendez-vous par téléphone');
	const contributor = await signedInAs(browser, 'contributor');
	await contributor.goto('/assessments/new');
	await contributor.getByLabel('Titre').fill(title);
	await contributor.getByLabel('Analyse vierge').check();
	await contributor.getByRole('button', { name: "Créer l'analyse" }).click();
	await expect(contributor).toHaveURL(/\/assessments\/[^/]+$/);
	const id = new URL(contributor.url()).pathname.split('/')[2]!;
	await contributor.goto(`/assessments/${id}/screening`);
	await contributor
		.getByRole('group', { name: 'Liste CNIL des traitements soumis à AIPD' })
		.getByRole('checkbox')
		.check();
	expect(await saveStep(contributor)).toBe(200);
	await act(contributor, id, 'Soumettre à la relecture du DPO');

	const dpo = await signedInAs(browser, 'dpo');
	await evaluateSteps(dpo, id);
	await act(dpo, id, 'Ouvrir le recueil des avis');
	await signFavourable(dpo, id, /Avis du délégué/);
	await signFavourable(
		await signedInAs(browser, 'security'),
		id,
		/Avis du responsable de la sécurité/
	);
	await signFavourable(
		await signedInAs(browser, 'representative'),
		id,
		/Avis des personnes concernées/
	);
	await act(dpo, id, 'Demander la décision du directeur');

	const director = await signedInAs(browser, 'director');
	await director.goto(`/assessments/${id}/decision`);
	await director.getByLabel('Validé sous conditions', { exact: true }).check();
	for (const select of await director.getByLabel('Suite donnée', { exact: true }).all())
		await select.selectOption('not_applicable');
	for (const text of await director.getByLabel('Mesure ou motif', { exact: true }).all())
		await text.fill('Analyse d’essai, sans traitement réel.');
	const due = day(10);
	for (const [i, text] of [contract, phone].entries()) {
		await director.locator(`#cond-${i}-text`).fill(text);
		await director.locator(`#cond-${i}-owner`).fill('Direction des achats');
		await director.locator(`#cond-${i}-dueDate`).fill(due);
	}
	await director.getByLabel("Date de réexamen de l'analyse").fill(day(365));
	await director
		.getByLabel('Motivation de la décision')
		.fill('Validé sous les conditions listées.');
	await director.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await director.getByRole('button', { name: 'Signer la décision' }).click();
	await expect(director.getByRole('status').filter({ hasText: 'Décision signée' })).toBeVisible();

	// Both conditions wait on the DPO's to-do page.
	const task = (text: string) =>
		dpo.getByRole('row').filter({ hasText: title }).filter({ hasText: text });
	await dpo.goto('/tasks');
	await expect(task(contract)).toHaveCount(1);
	await expect(task(phone)).toHaveCount(1);

	// The decision page has a follow-up column: a form per condition not met.
	await dpo.goto(`/assessments/${id}/decision`);
	const conditions = dpo.getByRole('table', { name: 'Conditions', exact: true });
	await expect(conditions.getByRole('columnheader', { name: 'Suivi' })).toBeVisible();
	const row = conditions.getByRole('row').filter({ hasText: contract });
	const note = row.getByLabel('Comment la condition a été remplie');
	const mark = row.getByRole('button', { name: 'Marquer comme remplie' });

	// Without a note: refused, the reason beside this row, nothing marked.
	await mark.click();
	await expect(row.getByRole('alert')).toHaveText(
		'Indiquez comment la condition a été remplie : cette note est obligatoire.'
	);
	await expect(note).toHaveAttribute('aria-invalid', 'true');
	await expect(
		conditions.getByRole('row').filter({ hasText: phone }).getByRole('alert')
	).toHaveCount(0);
	expect(await seriousViolations(dpo)).toEqual([]);

	const how = 'Avenant signé le 12 mars, clause 4 : aucun accès depuis les États-Unis.';
	await note.fill(how);
	await mark.click();
	await expect(row).toContainText(/Remplie le .+ par Dominique Delorme \(DPO\)/);
	await expect(row).toContainText(how);
	await expect(row.getByRole('button', { name: 'Marquer comme remplie' })).toHaveCount(0);
	// The other condition still offers its form.
	await expect(
		conditions
			.getByRole('row')
			.filter({ hasText: phone })
			.getByRole('button', { name: 'Marquer comme remplie' })
	).toBeVisible();
	expect(await seriousViolations(dpo)).toEqual([]);

	// Without JavaScript too: a refused post keeps the typed note and says why; a forged or
	// missing position is a 400, an unknown one a 404, a second marking a 409, never a 500.
	const path = `/assessments/${id}/decision?/conditionMet`;
	const long = 'Note trop longue. '.repeat(30);
	const tooLong = await postForm(dpo, path, { position: '1', note: long });
	expect(tooLong.status()).toBe(400);
	const html = await tooLong.text();
	expect(html).toContain('La note dépasse 500 caractères : raccourcissez-la.');
	expect(html).toContain(long.trim());
	for (const position of ['', 'abc', '-1', '1.5', '1e2', '0x1'])
		expect((await postForm(dpo, path, { position, note: 'x' })).status(), position).toBe(400);
	expect((await postForm(dpo, path, { note: 'x' })).status()).toBe(400);
	expect((await postForm(dpo, path, { position: '7', note: 'x' })).status()).toBe(404);
	expect((await postForm(dpo, path, { position: '0', note: 'Encore.' })).status()).toBe(409);
	// An auditor reads the follow-up but may not mark anything.
	const auditor = await signedInAs(browser, 'auditor');
	expect((await postForm(auditor, path, { position: '1', note: 'x' })).status()).toBe(403);
	await auditor.goto(`/assessments/${id}/decision`);
	await expect(auditor.getByRole('row').filter({ hasText: contract })).toContainText(
		/Remplie le .+ par Dominique Delorme/
	);
	await expect(auditor.getByRole('row').filter({ hasText: phone })).toContainText(
		'Pas encore remplie'
	);
	await expect(auditor.getByRole('button', { name: 'Marquer comme remplie' })).toHaveCount(0);

	// The met condition leaves the to-do page; the other one stays.
	await dpo.goto('/tasks');
	await expect(task(phone)).toHaveCount(1);
	await expect(task(contract)).toHaveCount(0);

	// The history says it in words.
	await dpo.goto(`/assessments/${id}`);
	await expect(dpo.locator('main')).toContainText(`Condition remplie : ${contract}`);
});
