/**
 * The server's log (issue 7, point 6): one JSON object per line, even when what a client
 * sent holds newlines, and never a password or a session token. scripts/e2e-server.sh
 * keeps the server's stdout and stderr in tmp/e2e-data/server.{out,err}.log.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unique } from './helpers';
import { anonymous, E2E_DB, signIn } from './matrix-helpers';

const LOGS = ['server.out.log', 'server.err.log'].map((f) => join(dirname(E2E_DB), f));
const FORGED = '{"at":"2026-01-01T00:00:00.000Z","level":"error","event":"forged"}';

function readLogs(): string {
	return LOGS.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : '')).join('\n');
}

/**
 * Events: every line but the leading block the server prints at start for whoever launched
 * it (its URL and the demo accounts), which is plain text by design.
 */
function events(): string[] {
	const [out, err] = LOGS.map((f) => readFileSync(f, 'utf8').split('\n'));
	const banner =
		/^(DPIA workbench: |Evidence bundles signed by key |E-mail notifications: |Directory sign-in |Demo seeded\. |Demo accounts:| {2}|Listening on )/;
	// The banner is the start-up block; JSON events (e.g. the signing key's creation) may
	// come before or between its lines and are kept.
	let end = 0;
	out!.slice(0, 30).forEach((line, i) => {
		if (banner.test(line)) end = i + 1;
	});
	const head = out!.slice(0, end).filter((line) => !banner.test(line));
	return [...head, ...out!.slice(end), ...err!].filter((l) => l !== '');
}

test('the log holds one JSON object per line and no password or session token', async ({
	playwright,
	baseURL
}) => {
	const base = baseURL!;
	const passwordMarker = unique('MOTDEPASSE').replace(/-/g, '');
	const password = `${passwordMarker}\n${FORGED}\r\n`;
	const pathMarker = unique('CHEMIN').replace(/-/g, '');
	const typeMarker = unique('TYPE').replace(/-/g, '');
	const forgedToken = `jeton${Date.now().toString(36)}faux`;

	const anon = await anonymous(playwright, base);
	// A failed sign-in whose password spans lines, as a form and as a multipart form.
	const email = `${unique('personne')}@demo.local\n${FORGED}`;
	const failed = await anon.api.post('/login', { form: { email, password }, maxRedirects: 0 });
	expect(failed.status()).toBe(400);
	const multipart = await anon.api.post('/login', {
		multipart: { email, password },
		maxRedirects: 0
	});
	expect(multipart.status()).toBe(400);
	// A session cookie that matches no session.
	const forged = await anon.api.get('/assessments', {
		headers: { cookie: `session=${forgedToken}` },
		maxRedirects: 0
	});
	expect(forged.headers()['location']).toMatch(/^\/login\?.*expired/);
	// Requests the error handler logs: an undecodable path carrying a newline and a forged
	// log line, and a JSON body (with the password) posted to a form action.
	const undecodable = await anon.api.get(
		`/assessments/%ZZ${pathMarker}%0A${encodeURIComponent(FORGED)}/context`,
		{ maxRedirects: 0 }
	);
	expect(undecodable.status()).toBe(400);

	const dpo = await signIn(playwright, base, 'dpo@demo.local');
	const sessionToken = dpo.cookie.split('=')[1]!;
	expect(sessionToken.length).toBeGreaterThan(10);
	const json = await dpo.api.post('/account?/password', {
		headers: { 'content-type': `application/json; x=${typeMarker}` },
		data: JSON.stringify({ current: password, password, confirm: password }),
		maxRedirects: 0
	});
	expect(json.status()).toBe(415);
	await dpo.api.dispose();
	await anon.api.dispose();

	// The provoked events reached the log (so the checks below are about them).
	await expect.poll(() => readLogs().includes(pathMarker), { timeout: 10_000 }).toBe(true);
	await expect.poll(() => readLogs().includes(typeMarker), { timeout: 10_000 }).toBe(true);
	const log = readLogs();

	expect(log).not.toContain(passwordMarker);
	expect(log).not.toContain(forgedToken);
	expect(log).not.toContain(sessionToken);
	const lines = events();
	const parsed = lines.map((line) => {
		try {
			return JSON.parse(line) as Record<string, unknown>;
		} catch {
			return { unparsable: line };
		}
	});
	expect(parsed.filter((p) => 'unparsable' in p)).toEqual([]);
	for (const p of parsed) {
		expect(typeof p.at, JSON.stringify(p)).toBe('string');
		expect(['info', 'warn', 'error']).toContain(p.level);
	}
	// The newline and the forged entry stayed inside the one line of the real event.
	expect(parsed.filter((p) => p.event === 'forged')).toEqual([]);
	const decodeError = parsed.find((p) => String(p.path ?? '').includes(pathMarker));
	expect(decodeError?.path).toContain('%0A');
});
