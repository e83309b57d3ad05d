/**
 * The heavy requests of the responsiveness benchmark, each checked for the answer it must
 * give (a figure measured on a failed export would say nothing), and the 200-risk
 * assessment they work on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { largeRisksForm } from '../tests/large-risks';
import type { HeavyOutcome } from './probes';

export interface Target {
	url: string;
	origin: string;
	/** Session of the member making the heavy requests (a DPO: exports, import and /audit). */
	token: string;
}

const headers = (t: Target, extra: Record<string, string> = {}) => ({
	cookie: `session=${t.token}`,
	origin: t.origin,
	...extra
});
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

/** tests/large-risks.ts's 200 risks with long texts, saved through the risks step's form. */
export async function saveLargeRisks(t: Target, id: string) {
	const page = await (
		await fetch(`${t.url}/assessments/${id}/risks`, { headers: headers(t) })
	).text();
	const version = /name="version" value="(\d+)"/.exec(page)?.[1];
	if (!version) throw new Error('no version on the risks page');
	const saved = await fetch(`${t.url}/assessments/${id}/risks?/save`, {
		method: 'POST',
		headers: headers(t, FORM),
		body: new URLSearchParams(largeRisksForm(version)).toString()
	});
	await saved.arrayBuffer();
	if (saved.status !== 200) throw new Error(`saving the 200 risks answered ${saved.status}`);
}

/** GET one of the assessment's exports; the body must start with the format's magic bytes. */
export const download =
	(t: Target, id: string, file: string, magic: string, kind: string) =>
	async (): Promise<HeavyOutcome> => {
		const res = await fetch(`${t.url}/assessments/${id}/export/${file}`, { headers: headers(t) });
		const body = Buffer.from(await res.arrayBuffer());
		const ok = res.status === 200 && body.subarray(0, magic.length).toString('latin1') === magic;
		const mb = (body.length / 1048576).toFixed(1);
		return { status: res.status, detail: `${mb} MB ${ok ? kind : '(unexpected body)'}`, ok };
	};

/**
 * POSTs a prebuilt body from a child process and gives its answer. Sending 10 MB from the
 * prober's own process stalled the prober (its probes then took 40–100 ms while the
 * server, profiled, sat idle): a figure of the bench's making, not the server's.
 */
async function postFromChild(url: string, head: Record<string, string>, body: Buffer) {
	const dir = mkdtempSync(join(tmpdir(), 'bench-post-'));
	const file = join(dir, 'body');
	writeFileSync(file, body);
	const script = `
		const { readFileSync } = await import('node:fs');
		const [url, head, file] = process.argv.slice(1);
		const res = await fetch(url, { method: 'POST', headers: JSON.parse(head), body: readFileSync(file) });
		process.stdout.write(JSON.stringify({ status: res.status, text: await res.text() }));`;
	try {
		const out = await new Promise<string>((resolve, reject) => {
			const child = spawn(
				process.execPath,
				['--input-type=module', '-e', script, url, JSON.stringify(head), file],
				{ stdio: ['ignore', 'pipe', 'inherit'] }
			);
			let text = '';
			child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
			child.once('error', reject);
			child.once('exit', (code) =>
				code === 0 ? resolve(text) : reject(new Error(`the sender exited with ${code}`))
			);
		});
		return JSON.parse(out) as { status: number; text: string };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** tests/cnil-pia.e2e.ts's hostile file: `<a "` × 2 M, 10 MB in one answer; must be a 400. */
export const hostileImport = async (t: Target, orgId: string) => {
	// The 10 MB body is built and serialised before the scenario starts: JSON-escaping 2 M
	// quotes blocks this process for a while, and its probes would count that stall as
	// the server's.
	const file = JSON.parse(
		readFileSync('tests/fixtures/cnil-pia/2018-02-21-pia-example.json', 'utf8')
	);
	file.answers[0].data.text = '<a "'.repeat(2_000_000);
	const form = new FormData();
	form.append('orgId', orgId);
	const json = new Blob([JSON.stringify(file)], { type: 'application/json' });
	form.append('file', json, 'hostile.json');
	const multipart = new Response(form);
	const type = multipart.headers.get('content-type')!;
	const body = Buffer.from(await multipart.arrayBuffer());
	return async (): Promise<HeavyOutcome> => {
		const res = await postFromChild(
			`${t.url}/assessments/import`,
			headers(t, { accept: 'text/html', 'content-type': type }),
			body
		);
		const refused = res.text.includes('dépasse 100000 caractères');
		return {
			status: res.status,
			detail: `${(json.size / 1048576).toFixed(1)} MB, ${refused ? 'refused: a text over 100,000 characters' : '(unexpected answer)'}`,
			ok: res.status === 400 && refused
		};
	};
};

/**
 * POST /audit?/verify (no known head). The action records its verdict in the chain
 * ("intact: N entries, …"): read back from the database, it must cover every entry.
 */
export const verifyAudit =
	(t: Target, dbPath: string, entries: number) => async (): Promise<HeavyOutcome> => {
		const res = await fetch(`${t.url}/audit?/verify`, {
			method: 'POST',
			headers: headers(t, FORM),
			body: 'head='
		});
		await res.arrayBuffer();
		const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
		const row = sqlite
			.prepare(`SELECT summary FROM audit_log WHERE action = 'audit.verify' ORDER BY seq DESC`)
			.get() as { summary: string } | undefined;
		sqlite.close();
		const verdict = row?.summary.split(', head')[0] ?? 'no verdict recorded';
		const count = Number(/^intact: (\d+) entries/.exec(verdict)?.[1] ?? 0);
		return { status: res.status, detail: verdict, ok: res.status === 200 && count >= entries };
	};
