import { expect, test, type Page } from '@playwright/test';
import { act, signedInAs, DEMO_PASSWORD, newBookingAssessment, postForm } from './helpers';
import { evaluateSteps } from './evaluate-steps';

async function signOpinion(page: Page, id: string, heading: RegExp, text: string) {
	await page.goto(`/assessments/${id}/opinions`);
	const form = page.getByRole('region', { name: heading });
	const verdict = form.getByLabel('Favorable avec réserves');
	if (await verdict.count()) await verdict.check();
	await form.getByRole('textbox').first().fill(text);
	await form.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Signer' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Signature enregistrée.' })
	).toBeVisible();
}

test('the director cannot approve the template draft: every blocker is listed with its page; referring to the CNIL works and its art. 36 file downloads', async ({
	browser
}) => {
	// Seven step evaluations, three opinions and two decisions: slow on a loaded machine.
	test.setTimeout(480_000);
	const dpo = await signedInAs(browser, 'dpo');
	const id = await newBookingAssessment(dpo, 'Garde-fou');
	await evaluateSteps(dpo, id);
	await act(dpo, id, 'Soumettre à la relecture du DPO');
	await act(dpo, id, 'Ouvrir le recueil des avis');
	await signOpinion(dpo, id, /Avis du délégué/, 'Réserve : rappels SMS au libellé neutre.');
	const security = await signedInAs(browser, 'security');
	await signOpinion(security, id, /Avis du responsable de la sécurité/, 'Favorable.');
	const representative = await signedInAs(browser, 'representative');
	await signOpinion(representative, id, /Avis des personnes concernées/, 'Garder le téléphone.');
	await act(dpo, id, 'Demander la décision du directeur');

	const director = await signedInAs(browser, 'director');
	await director.goto(`/assessments/${id}/decision`);
	// Before signing, the page shows the compliance checklist and the art. 36 proposal.
	await expect(
		director.getByRole('group', { name: 'Conformité aux principes fondamentaux' })
	).toContainText('À corriger');
	await expect(director.locator('#art36-heading')).toBeVisible();

	await director.getByLabel('Validé', { exact: true }).check();
	await director.getByLabel('Scénario retenu').selectOption({ index: 1 });
	await director.getByLabel("Date de réexamen de l'analyse").fill('2099-12-31');
	await director.getByLabel('Motivation de la décision').fill('Approbation tentée.');
	await director.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await director.getByRole('button', { name: 'Signer la décision' }).click();
	const refusal = director.locator('#decision-blockers');
	await expect(refusal).toBeVisible();
	// All reasons at once, each with a link to the page where it is fixed.
	await expect(refusal).toContainText('Principe à mettre en conformité');
	await expect(refusal).toContainText('Risque au-dessus du niveau 1 sans aucune mesure');
	await expect(refusal).toContainText('Réserve d’un avis sans réponse du directeur');
	await expect(refusal.locator(`a[href="/assessments/${id}/principles"]`).first()).toBeVisible();
	await expect(refusal.locator(`a[href="/assessments/${id}/risks"]`).first()).toBeVisible();
	// What was typed is kept; nothing was decided.
	await expect(director.getByLabel('Motivation de la décision')).toHaveValue('Approbation tentée.');
	await director.goto(`/assessments/${id}`);
	await expect(director.getByText(/État : En attente de décision/)).toBeVisible();

	// A forged post gets 409 too, never a 500.
	const forged = await postForm(director, `/assessments/${id}/decision?/decide`, {
		outcome: 'approve',
		seenHash: 'a'.repeat(64),
		body: 'x',
		reviewDate: '2099-12-31',
		'compliance.information.answer': 'planned',
		'compliance.information.text': '',
		password: DEMO_PASSWORD
	});
	expect(forged.status()).toBeLessThan(500);
	expect(forged.status()).toBeGreaterThanOrEqual(400);

	// Referring to the CNIL: answer the reservations, then sign.
	await director.goto(`/assessments/${id}/decision`);
	await director.getByLabel('Consultation préalable de la CNIL (article 36)').check();
	for (const select of await director.getByLabel('Réponse', { exact: true }).all())
		await select.selectOption('reason');
	for (const text of await director.getByLabel('Réponse écrite').all())
		await text.fill('Soumis à la CNIL avec le dossier de consultation.');
	await director.getByLabel("Date de réexamen de l'analyse").fill('2099-12-31');
	await director.getByLabel('Motivation de la décision').fill('Saisine de la CNIL (art. 36).');
	await director.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await director.getByRole('button', { name: 'Signer la décision' }).click();
	await expect(director.getByRole('status').filter({ hasText: 'Décision signée' })).toBeVisible();

	// The deadline is tracked on the overview; the art. 36(3) file downloads as PDF and Word.
	await director.goto(`/assessments/${id}`);
	await expect(director.locator('#cnil-referral')).toContainText('6 semaines');
	for (const [ext, magic, type] of [
		['pdf', '%PDF', 'application/pdf'],
		['docx', 'PK', 'officedocument']
	] as const) {
		const res = await director.request.get(`/assessments/${id}/export/art36.${ext}`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain(type);
		expect(res.headers()['content-disposition']).toContain('consultation-cnil-art36');
		expect((await res.body()).subarray(0, magic.length).toString('latin1')).toBe(magic);
	}
});
