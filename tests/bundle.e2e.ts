import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
	historyRow,
	loginAs,
	openDemoAssessment,
	seriousViolations,
	signInOutsider
} from './helpers';
import { flipStoredByte, readZip, reseal, writeZip } from '../src/lib/server/export/zip-edit';

/** `npm run verify-bundle -- <file> [args]`, as a user would run it. */
function verifier(file: string, ...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'scripts/verify-bundle.ts', file, ...args], {
		encoding: 'utf8',
		timeout: 180_000
	});
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

async function download(page: Page, id: string, dir: string): Promise<string> {
	const response = await page.request.get(`/assessments/${id}/export/bundle`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/zip');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="aipd-[a-z0-9-]+-v\d+-\d{4}-\d{2}-\d{2}\.zip"$/
	);
	const file = join(dir, `bundle-${id}.zip`);
	writeFileSync(file, await response.body());
	return file;
}

/**
 * The whole journey for one assessment, reached by `assessmentOf` as `role`: any further
 * assessment (another decided one, a reopened version) is one more call.
 */
function bundleJourney(
	label: string,
	role: string,
	assessmentOf: (page: Page) => Promise<string>,
	expected: { decided: boolean }
) {
	test.describe(`evidence bundle of ${label}`, () => {
		// Each test builds on the bundle the first one downloaded.
		test.describe.configure({ mode: 'serial' });
		let dir: string;
		let id: string;
		let genuine: string;

		test.beforeAll(() => {
			dir = mkdtempSync(join(tmpdir(), 'bundle-e2e-'));
		});
		test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

		test('downloads a bundle that the offline verifier and openssl accept', async ({ page }) => {
			await loginAs(page, role);
			id = await assessmentOf(page);
			genuine = await download(page, id, dir);

			const plain = verifier(genuine);
			expect(plain.output).toContain(`OK ${genuine}`);
			expect(plain.status).toBe(0);

			// Pinned to the fingerprint the about page publishes.
			await page.goto('/about');
			const fingerprint = (await page.getByTestId('key-fingerprint').textContent()) ?? '';
			expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
			const pinned = verifier(genuine, '--fingerprint', fingerprint);
			expect(pinned.output).toContain('signing key: the pinned installation key');
			expect(pinned.status).toBe(0);

			const files = await readZip(genuine);
			const out = join(dir, 'openssl');
			mkdirSync(out, { recursive: true });
			for (const name of ['manifest.json', 'manifest.sig', 'public-key.pem']) {
				writeFileSync(join(out, name), files.get(name)!);
			}
			const openssl = spawnSync(
				'openssl',
				['pkeyutl', '-verify', '-pubin', '-inkey', 'public-key.pem', '-rawin'].concat([
					'-in',
					'manifest.json',
					'-sigfile',
					'manifest.sig'
				]),
				{ cwd: out, encoding: 'utf8' }
			);
			expect(openssl.stdout).toContain('Signature Verified Successfully');
			expect(openssl.status).toBe(0);
			const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
				assessmentId: string;
			};
			expect(manifest.assessmentId).toBe(id);
			const record = JSON.parse(files.get('assessment.json')!.toString()) as {
				frozen: boolean;
				decision: { outcome: string; current: boolean } | null;
			};
			if (expected.decided) {
				expect(record.frozen).toBe(true);
				expect(record.decision?.current).toBe(true);
			}
		});

		test('names report.pdf when one of its bytes is flipped', async () => {
			const flipped = join(dir, 'flipped.zip');
			copyFileSync(genuine, flipped);
			await flipStoredByte(flipped, 'report.pdf', 200);
			const run = verifier(flipped);
			expect(run.status).toBe(1);
			expect(run.output).toMatch(
				/FAIL report\.pdf: sha256 expected [0-9a-f]{64}, found [0-9a-f]{64}/
			);
		});

		test('refuses a manifest rebuilt consistently but signed without the key', async () => {
			const files = await readZip(genuine);
			files.set('report.pdf', Buffer.from('%PDF-1.4\n% another report\n%%EOF\n'));
			const forged = reseal(files);
			files.set('manifest.sig', sign(null, forged, generateKeyPairSync('ed25519').privateKey));
			const path = join(dir, 'forged.zip');
			await writeZip(path, files);
			const run = verifier(path);
			expect(run.status).toBe(1);
			expect(run.output).toContain(
				'FAIL manifest.sig: signature of manifest.json does not verify with public-key.pem'
			);
		});

		test('records the export in the assessment history', async ({ page }) => {
			await loginAs(page, role);
			// The decision record pages the whole trail (the overview lists only 20, which other
			// test files exporting the same assessment can push this one out of), each action in
			// words: the French record prints no internal code (the summary is translated too).
			const row = await historyRow(page, id, (p) =>
				p
					.getByRole('row')
					.filter({ hasText: 'Export d’un document' })
					.filter({ hasText: 'Export : dossier de preuve signé (ZIP), version ' })
			);
			await expect(row).toBeVisible();
		});

		test("is not given to another hospital's user", async ({ browser }) => {
			const outsider = await signInOutsider(browser, 'dpo');
			for (const path of ['bundle', 'assessment.json']) {
				const response = await outsider.request.get(`/assessments/${id}/export/${path}`);
				expect(response.status()).toBe(404);
			}
			await outsider.close();
		});
	});
}

/** The demo's second assessment, decided by the demo roles (src/lib/server/seed-decided.ts). */
const DECIDED_TITLE =
	'Exemple décidé — rendez-vous en ligne des consultations externes de pédiatrie';

async function openDecidedAssessment(page: Page): Promise<string> {
	await page.goto('/assessments');
	await page.getByRole('link', { name: DECIDED_TITLE }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DECIDED_TITLE);
	return new URL(page.url()).pathname.split('/')[2]!;
}

bundleJourney('the demo assessment', 'dpo', openDemoAssessment, { decided: false });
bundleJourney('the decided demo assessment', 'auditor', openDecidedAssessment, { decided: true });

test('assessment.json is the versioned record; an unknown version is 404, a malformed one 400', async ({
	page
}) => {
	await loginAs(page, 'auditor');
	const id = await openDemoAssessment(page);
	const response = await page.request.get(`/assessments/${id}/export/assessment.json`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
	const json = (await response.json()) as { schema: string; assessment: { id: string } };
	expect(json.schema).toBe('dpia-workbench/assessment@1');
	expect(json.assessment.id).toBe(id);
	expect((await page.request.get(`/assessments/${id}/export/bundle?version=99`)).status()).toBe(
		404
	);
	expect((await page.request.get(`/assessments/${id}/export/bundle?version=abc`)).status()).toBe(
		400
	);
});

test('the about page publishes the signing key to any signed-in user, accessibly', async ({
	page,
	browser
}) => {
	await loginAs(page, 'contributor');
	await page.goto('/about');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('À propos et vérification');
	await expect(page.getByTestId('public-key')).toContainText('-----BEGIN PUBLIC KEY-----');
	expect(await seriousViolations(page)).toEqual([]);
	const anonymous = await browser.newPage();
	await anonymous.goto('/about');
	await expect(anonymous).toHaveURL(/\/login\?redirectTo=%2Fabout/);
	await anonymous.close();
});
