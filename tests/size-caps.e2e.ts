/**
 * Content size caps (issue 12): a step over 2 MB is refused with a message that names the
 * cap and the size, what was typed comes back, and nothing is saved.
 */
import { expect, test } from '@playwright/test';
import { signIn } from './matrix-helpers';
import { largeRisksForm, newAssessment, stepVersion } from './large-risks';

test('a risks step over 2 MB is refused with its size and the cap, and nothing is saved', async ({
	playwright,
	baseURL
}) => {
	test.setTimeout(300_000);
	const dpo = await signIn(playwright, baseURL!, 'dpo@demo.local');
	const id = await newAssessment(dpo, 'Étape trop volumineuse');
	const version = await stepVersion(dpo, id, 'risks');
	// 200 risks × a 10,000-character description (each field within its own cap): ~2.4 MB.
	const description = 'Description très détaillée. '.repeat(357).slice(0, 10_000);
	const refused = await dpo.api.post(`/assessments/${id}/risks?/save`, {
		form: largeRisksForm(version, description),
		maxRedirects: 0,
		timeout: 120_000
	});
	expect(refused.status()).toBe(413);
	const html = await refused.text();
	expect(html).toMatch(/Étape non enregistrée : son contenu pèse 2,\d Mo, au-delà des 2 Mo permis/);
	// What was typed comes back in the form.
	expect(html).toContain('Risque volumineux 200');
	expect(await stepVersion(dpo, id, 'risks')).toBe(version);
	await dpo.api.dispose();
});
