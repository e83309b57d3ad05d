import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.WORKBENCH_DEMO_PASSWORD || 'Demo-Workbench-2026!';
export const DEMO_TITLE =
	'Prise de rendez-vous en ligne — services pilotes gynécologie-obstétrique et pédiatrie';

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('Adresse électronique').fill(email);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/tasks$/);
}

export async function loginAs(page: Page, role: string) {
	await login(page, `${role}@demo.local`);
}

/** Opens the demo assessment from the list and returns its id. */
export async function openDemoAssessment(page: Page): Promise<string> {
	await page.goto('/assessments');
	await page.getByRole('link', { name: DEMO_TITLE }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_TITLE);
	const id = new URL(page.url()).pathname.split('/')[2];
	if (!id) throw new Error('no assessment id in ' + page.url());
	return id;
}

/** Posts a form as the page's signed-in user, with this origin (SvelteKit's CSRF check wants it). */
export async function postForm(page: Page, path: string, form: Record<string, string>) {
	const origin = new URL(page.url()).origin;
	// Accept: text/html, as a browser's form post (otherwise SvelteKit answers in JSON with 200).
	return page.request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

/** Unique suffix so that reruns and parallel files never collide. */
export function unique(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the current page (RGAA). */
export async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The demo admin creates another hospital and an account there; returns a page
 * signed in as that outsider.
 */
export async function signInOutsider(browser: Browser, role: string): Promise<Page> {
	const admin = await browser.newPage();
	await loginAs(admin, 'admin');
	await admin.goto('/admin');
	const orgName = unique('Hôpital voisin');
	await admin.getByLabel("Nom de l'établissement ou du groupement").fill(orgName);
	await admin.getByRole('button', { name: 'Créer un établissement' }).click();
	await expect(admin.getByRole('status')).toHaveText('Établissement créé.');
	const email = `${unique(`${role}-voisin`)}@other.local`;
	const password = 'un autre hopital en 2026';
	await admin.getByLabel('Adresse électronique').fill(email);
	await admin.getByLabel('Nom et prénom').fill('Compte Voisin');
	await admin.getByLabel('Établissement', { exact: true }).selectOption({ label: orgName });
	await admin.getByLabel('Rôle', { exact: true }).selectOption(role);
	await admin.getByLabel('Mot de passe initial').fill(password);
	await admin.getByRole('button', { name: 'Créer le compte' }).click();
	await expect(admin.getByRole('status')).toHaveText('Compte créé.');
	await admin.close();
	const outsider = await browser.newPage();
	await login(outsider, email, password);
	return outsider;
}

/** Creates an assessment from the booking template (signed-in page) and returns its id. */
export async function newBookingAssessment(page: Page, titlePrefix: string): Promise<string> {
	await page.goto('/assessments/new');
	await page.getByLabel('Titre').fill(unique(titlePrefix));
	await page.getByRole('button', { name: "Créer l'analyse" }).click();
	await expect(page).toHaveURL(/\/assessments\/[^/]+$/);
	const id = new URL(page.url()).pathname.split('/')[2];
	if (!id) throw new Error('no assessment id in ' + page.url());
	return id;
}

/**
 * On a contributor's signed-in page: creates a blank assessment titled `title` and asks the
 * DPO to review its context step. Returns the overview's path.
 */
export async function askReviewOfNewAssessment(contributor: Page, title: string): Promise<string> {
	await contributor.goto('/assessments/new');
	await contributor.getByLabel('Titre').fill(title);
	await contributor.getByRole('button', { name: "Créer l'analyse" }).click();
	await expect(contributor).toHaveURL(/\/assessments\/[^/]+$/);
	const overview = new URL(contributor.url()).pathname;
	await contributor.goto(`${overview}/context`);
	await contributor.getByRole('button', { name: 'Demander la relecture du DPO' }).click();
	await expect(
		contributor.getByRole('status').filter({ hasText: 'Relecture demandée.' })
	).toBeVisible();
	return overview;
}

/** Clicks "Enregistrer l'étape" and returns the POST's status once the page has settled. */
export async function saveStep(page: Page): Promise<number> {
	const response = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: "Enregistrer l'étape" }).click();
	const status = (await response).status();
	await page.waitForLoadState('networkidle');
	return status;
}

/** One signed-in page per role, in its own browser context (sessions side by side). */
export async function signedInAs(browser: Browser, role: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await loginAs(page, role);
	return page;
}

/** Presses a workflow button on the overview and waits for the new state. */
export async function act(page: Page, id: string, button: string) {
	await page.goto(`/assessments/${id}`);
	await page.getByRole('button', { name: button }).click();
	await expect(page.getByText(/^État :/)).toBeVisible();
}

/**
 * A row of an assessment's audit trail, looked for on its decision record: 50 entries a
 * page, newest first, so other test files writing to the same assessment meanwhile can
 * push it to an older page. Follows the "older entries" link until it is found.
 */
export async function historyRow(
	page: Page,
	id: string,
	row: (page: Page) => Locator
): Promise<Locator> {
	await page.goto(`/assessments/${id}/record`);
	for (let n = 0; n < 20 && (await row(page).count()) === 0; n++) {
		const older = page
			.getByRole('navigation', { name: 'Pages du journal d’audit' })
			.getByRole('link', { name: 'Entrées plus anciennes' });
		const href = (await older.count()) ? await older.getAttribute('href') : null;
		if (href === null) break;
		await page.goto(new URL(href, page.url()).href);
	}
	return row(page).first();
}
