import { expect, test, type Page } from '@playwright/test';
import {
	DEMO_PASSWORD,
	newBookingAssessment,
	postForm,
	saveStep,
	seriousViolations,
	act,
	signedInAs
} from './helpers';
import { assessmentCollectingOpinions, evaluateSteps } from './evaluate-steps';
import { readDb } from './matrix-helpers';
import { resolve } from 'node:path';

const CNIL_SAMPLE = resolve(process.cwd(), 'tests/fixtures/cnil-pia/2018-02-21-pia-example.json');

/** Signs the one opinion form on the page (verdict, text, password). */
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

async function seenHash(page: Page, id: string): Promise<string> {
	await page.goto(`/assessments/${id}/opinions`);
	return (await page.locator('dd code.hash').first().textContent())!.trim();
}

test.describe.configure({ mode: 'serial' });

test('DPO, security officer and representative sign, then the director decides; the version freezes', async ({
	browser
}) => {
	// Seven step evaluations before the opinions: slow on a loaded machine.
	test.setTimeout(600_000);
	const contributor = await signedInAs(browser, 'contributor');
	const dpo = await signedInAs(browser, 'dpo');
	const id = await assessmentCollectingOpinions(contributor, dpo, 'Signatures');
	await signOpinion(
		dpo,
		id,
		/Avis du délégué/,
		'Avis du DPO : favorable sous réserve du libellé neutre.'
	);
	// How the signer proved it was them goes with the signature (and into its audit state).
	expect(
		readDb((db) =>
			db
				.prepare("select auth_method from signatures where assessment_id = ? and kind = 'dpo'")
				.get(id)
		)
	).toEqual({ auth_method: 'password' });

	const security = await signedInAs(browser, 'security');
	await signOpinion(
		security,
		id,
		/Avis du responsable de la sécurité/,
		'Deux constats ouverts, mineurs.'
	);

	const representative = await signedInAs(browser, 'representative');
	await signOpinion(
		representative,
		id,
		/Avis des personnes concernées/,
		'Les usagers sont favorables.'
	);

	await act(dpo, id, 'Demander la décision du directeur');
	await expect(dpo.getByText('3 avis à jour sur 3')).toBeVisible();

	const director = await signedInAs(browser, 'director');
	await director.goto(`/assessments/${id}/decision`);
	expect(await seriousViolations(director)).toEqual([]);
	// The template draft cannot be approved (decision gate, tests/decision-gate.e2e.ts): the
	// director rejects it, answering each reservation of the opinions.
	await director.getByLabel('Refusé', { exact: true }).check();
	await director.getByLabel('Scénario retenu').selectOption({ index: 1 });
	for (const select of await director.getByLabel('Réponse', { exact: true }).all()) {
		await select.selectOption('reason');
	}
	for (const text of await director.getByLabel('Réponse écrite').all()) {
		await text.fill('Libellé neutre des SMS exigé avant toute nouvelle version.');
	}
	// A review in ten days: the list and the overview say it is due soon (art. 35(11)).
	const review = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
	await director.getByLabel("Date de réexamen de l'analyse").fill(review);
	await director.getByLabel('Motivation de la décision').fill('Mise en service refusée en l’état.');
	await director.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await director.getByRole('button', { name: 'Signer la décision' }).click();
	await expect(director.getByRole('status').filter({ hasText: 'Décision signée' })).toBeVisible();

	// The decision record tells the whole story, with each signer and the content hash.
	await director.goto(`/assessments/${id}/record`);
	const record = director.locator('main');
	await expect(record).toContainText('Version 1, décidée et figée.');
	for (const name of [
		'Dominique Delorme (DPO)',
		'Sophie Sécurité (RSSI)',
		'Rémi Représentant',
		'Bernard Directeur'
	]) {
		await expect(record).toContainText(name);
	}
	await expect(record).toContainText('Mise en service refusée en l’état.');
	expect(await seriousViolations(director)).toEqual([]);
	await director.goto(`/assessments/${id}`);
	await expect(director.getByText(`Réexamen de l'analyse prévu le ${review}`)).toContainText(
		'dans moins de 30 jours'
	);
	await director.goto(`/assessments?review=${review}`);
	const row = director
		.getByRole('row')
		.filter({ has: director.locator(`a[href="/assessments/${id}"]`) });
	await expect(row).toContainText(`${review} dans moins de 30 jours`);
	expect(await seriousViolations(director)).toEqual([]);

	// Frozen: the step refuses a save, the overview offers no edit, a direct post is refused.
	await contributor.goto(`/assessments/${id}/screening`);
	await expect(contributor.getByRole('button', { name: "Enregistrer l'étape" })).toHaveCount(0);
	const save = await postForm(contributor, `/assessments/${id}/screening?/save`, {
		version: '1',
		'b:cnilListItem': ''
	});
	expect(save.status()).toBe(409);
	const edit = await postForm(contributor, `/assessments/${id}?/update`, {
		title: 'x',
		description: '',
		version: '99'
	});
	expect(edit.status()).toBe(409);

	// A vulnerability the RSSI reports on the decided version brings the review forward
	// (art. 35(11)); the version stays frozen. Without its severity it is refused by name.
	await security.goto(`/assessments/${id}`);
	const report = security.getByRole('form', { name: 'Signaler un changement' });
	await report.getByLabel('Nature du changement').selectOption({ label: 'Vulnérabilité' });
	const flaw = 'Agenda de l’éditeur lisible sans authentification';
	await report.getByLabel('Description').fill(flaw);
	await report.getByRole('button', { name: 'Signaler' }).click();
	await expect(
		security.getByText('Indiquez la gravité de la vulnérabilité (1 à 4).')
	).toBeVisible();
	await expect(report.getByLabel('Description')).toHaveValue(flaw);
	await report.getByLabel('Gravité de la vulnérabilité').selectOption('4');
	await report.getByRole('button', { name: 'Signaler' }).click();
	await expect(
		security.getByRole('status').filter({ hasText: 'Changement signalé.' })
	).toBeVisible();
	await expect(
		security.getByText('Un changement appelle le réexamen de cette analyse avant la date prévue.')
	).toBeVisible();
	await expect(security.locator('.badge.review-changed')).toHaveText('changement signalé');
	await expect(security.getByRole('listitem').filter({ hasText: flaw })).toContainText(
		'avance le réexamen'
	);
	expect(await seriousViolations(security)).toEqual([]);
	// The list says it too: a reported change comes before a date close.
	await security.goto(`/assessments?review=${review}`);
	await expect(
		security.getByRole('row').filter({ has: security.locator(`a[href="/assessments/${id}"]`) })
	).toContainText(`${review} changement signalé`);

	// The analysis revised in the CNIL's PIA tool: the DPO imports the update. Without a
	// file, refused by name; with the CNIL example, compared with the decided risks.
	await dpo.goto(`/assessments/${id}`);
	const update = dpo.getByRole('form', {
		name: 'Importer une mise à jour faite dans l’outil PIA de la CNIL'
	});
	await update.getByRole('button', { name: 'Importer la mise à jour' }).click();
	await expect(
		dpo.getByRole('alert').filter({ hasText: 'Choisissez un fichier à importer.' })
	).toBeVisible();
	await update.getByLabel('Fichier de l’outil PIA (.json)').setInputFiles(CNIL_SAMPLE);
	await update.getByRole('button', { name: 'Importer la mise à jour' }).click();
	await expect(
		dpo.getByRole('status').filter({ hasText: 'Mise à jour enregistrée' })
	).toBeVisible();
	const imported = dpo
		.getByRole('listitem')
		.filter({ hasText: 'Mise à jour importée de l’outil PIA de la CNIL' });
	await expect(imported).toContainText('fichier « 2018-02-21-pia-example.json »');
	// The example scores its feared events differently and has measures of its own.
	await expect(
		imported.getByRole('listitem').filter({ hasText: 'niveau résiduel passé de gravité' }).first()
	).toBeVisible();
	await expect(
		imported.getByRole('listitem').filter({ hasText: 'Mesure nouvelle pour' }).first()
	).toBeVisible();
	expect(await seriousViolations(dpo)).toEqual([]);
	// It waits on the DPO's to-do page, linked to the overview's list of changes.
	await dpo.goto('/tasks');
	await dpo
		.locator(`a[href="/assessments/${id}#review-heading"]`)
		.filter({ hasText: 'Réexaminer l’analyse : un changement a été signalé' })
		.click();
	await expect(dpo.getByRole('heading', { name: 'Changements depuis la décision' })).toBeVisible();

	// Reopening starts version 2, which takes the report up in its review checklist; the
	// versions page shows version 1 frozen and a diff.
	await act(dpo, id, 'Rouvrir en nouvelle version');
	await expect(dpo.getByText(/version 2 de l'analyse/)).toBeVisible();
	const since = dpo.getByRole('region', { name: 'Ce qui a changé depuis la version décidée 1' });
	await expect(since.getByRole('listitem').filter({ hasText: flaw })).toContainText('gravité 4');
	await expect(since).toContainText('Mise à jour importée de l’outil PIA de la CNIL');
	await dpo.goto(`/assessments/${id}/versions`);
	await expect(dpo.getByRole('table', { name: "Versions de l'analyse" })).toContainText('Refusé');
	expect(await seriousViolations(dpo)).toEqual([]);
	// A change in version 2 is told with the step's and the field's names, not the paths.
	await contributor.goto(`/assessments/${id}/screening`);
	await contributor
		.getByLabel(/Justification/)
		.first()
		.fill('Revue après la décision.');
	expect(await saveStep(contributor)).toBe(200);
	await dpo.goto(`/assessments/${id}/versions?from=1&to=2`);
	const diff = dpo.getByRole('table', { name: /modification/i });
	await expect(diff).toContainText('Faut-il une AIPD ? › Justification');
	await expect(diff).toContainText('Revue après la décision.');
	await expect(diff).not.toContainText('steps.');
	await expect(diff).not.toContainText('in_progress');
});

test('an edit after the DPO signed makes the opinion stale and blocks the decision until renewed', async ({
	browser
}) => {
	test.setTimeout(600_000);
	const dpo = await signedInAs(browser, 'dpo');
	const id = await newBookingAssessment(dpo, 'Avis caduc');
	await evaluateSteps(dpo, id);
	await act(dpo, id, 'Soumettre à la relecture du DPO');
	await act(dpo, id, 'Ouvrir le recueil des avis');
	await signOpinion(dpo, id, /Avis du délégué/, 'Favorable.');
	const security = await signedInAs(browser, 'security');
	await signOpinion(security, id, /Avis du responsable de la sécurité/, 'Favorable.');
	await dpo.goto(`/assessments/${id}/opinions`);
	const waiver = dpo.getByRole('region', { name: /Justification du DPO/ });
	await waiver
		.getByRole('textbox')
		.first()
		.fill('Comité des usagers dissous, en cours de renouvellement.');
	await waiver.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await waiver.getByRole('button', { name: 'Signer' }).click();
	await expect(dpo.getByRole('status').filter({ hasText: 'Signature enregistrée.' })).toBeVisible();

	// The contributor changes the screening after the signatures.
	const contributor = await signedInAs(browser, 'contributor');
	await contributor.goto(`/assessments/${id}/screening`);
	await contributor
		.getByLabel(/Justification/)
		.first()
		.fill('Précision ajoutée après les avis.');
	expect(await saveStep(contributor)).toBe(200);

	await dpo.goto(`/assessments/${id}/opinions`);
	const table = dpo.getByRole('table', { name: 'Avis requis avant la décision' });
	await expect(table.getByRole('row', { name: /Avis du délégué/ })).toContainText('Caduc');
	await dpo.goto(`/assessments/${id}`);
	await expect(
		dpo.getByRole('button', { name: 'Demander la décision du directeur' })
	).toBeDisabled();
	await expect(dpo.getByText(/Au moins un avis est caduc/)).toBeVisible();
	const version = await dpo.locator('input[name="version"]').first().inputValue();
	const refused = await postForm(dpo, `/assessments/${id}?/transition`, {
		action: 'request_decision',
		version
	});
	expect(refused.status()).toBe(409);
	expect(await refused.text()).toContain('Au moins un avis est caduc');

	// Renewed (after the edited step is evaluated again), the decision can be requested.
	await evaluateSteps(dpo, id, ['screening']);
	await signOpinion(dpo, id, /Avis du délégué/, 'Favorable, relu après la précision.');
	await signOpinion(security, id, /Avis du responsable de la sécurité/, 'Favorable, relu.');
	await dpo.goto(`/assessments/${id}/opinions`);
	await waiver.getByRole('textbox').first().fill('Comité des usagers en cours de renouvellement.');
	await waiver.getByLabel('Votre mot de passe').fill(DEMO_PASSWORD);
	await waiver.getByRole('button', { name: 'Signer' }).click();
	await act(dpo, id, 'Demander la décision du directeur');
	await expect(dpo.getByText(/État : En attente de décision/)).toBeVisible();
});

test('forged, repeated, wrong-role and unauthenticated signatures are refused, nothing written', async ({
	browser
}) => {
	const dpo = await signedInAs(browser, 'dpo');
	const id = await newBookingAssessment(dpo, 'Signatures refusées');
	await act(dpo, id, 'Soumettre à la relecture du DPO');

	// The director cannot decide before the opinions: the page says why, a post gets 409.
	const director = await signedInAs(browser, 'director');
	await director.goto(`/assessments/${id}/decision`);
	await expect(director.getByText("L'avis du DPO manque")).toBeVisible();
	const early = await postForm(director, `/assessments/${id}/decision?/decide`, {
		outcome: 'approve',
		body: 'trop tôt',
		reviewDate: '2099-01-01',
		password: DEMO_PASSWORD,
		seenHash: await seenHash(director, id)
	});
	expect(early.status()).toBe(409);

	await act(dpo, id, 'Ouvrir le recueil des avis');
	const hash = await seenHash(dpo, id);
	const base = { kind: 'dpo', verdict: 'favourable', body: 'Avis', seenHash: hash };

	const wrongPassword = await postForm(dpo, `/assessments/${id}/opinions?/sign`, {
		...base,
		password: 'pas le bon mot de passe'
	});
	expect(wrongPassword.status()).toBe(400);
	expect(await wrongPassword.text()).toContain('Mot de passe incorrect.');

	const forged = await postForm(dpo, `/assessments/${id}/opinions?/sign`, {
		...base,
		password: DEMO_PASSWORD,
		signedBy: 'director'
	});
	expect(forged.status()).toBe(400);
	expect(await forged.text()).toContain('champ non prévu');

	const representative = await signedInAs(browser, 'representative');
	const asDpo = await postForm(representative, `/assessments/${id}/opinions?/sign`, {
		...base,
		password: DEMO_PASSWORD
	});
	expect(asDpo.status()).toBe(403);

	await dpo.goto(`/assessments/${id}/opinions`);
	await expect(dpo.getByText('Aucune signature pour cette version.')).toBeVisible();

	expect(
		(
			await postForm(dpo, `/assessments/${id}/opinions?/sign`, { ...base, password: DEMO_PASSWORD })
		).status()
	).toBe(200);
	const twice = await postForm(dpo, `/assessments/${id}/opinions?/sign`, {
		...base,
		password: DEMO_PASSWORD
	});
	expect(twice.status()).toBe(409);
	expect(await twice.text()).toContain('déjà signé');

	const auditor = await signedInAs(browser, 'auditor');
	const fromAuditor = await postForm(auditor, `/assessments/${id}/decision?/decide`, {
		outcome: 'approve',
		seenHash: hash
	});
	expect(fromAuditor.status()).toBe(403);
	await dpo.goto(`/assessments/${id}/opinions`);
	expect(await seriousViolations(dpo)).toEqual([]);
});
