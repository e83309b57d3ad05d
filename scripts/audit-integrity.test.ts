/**
 * Issue 12, point 4: a decision forged in the database (triggers dropped, a row rewritten)
 * must be reported by every verifier, and a deleted tail of the chain must be caught
 * against a head recorded earlier. Tampering is done with the sqlite3 CLI on a copy, as an
 * attacker with file access would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/seed';
import { loadRecord } from '../src/lib/server/record';
import * as audit from '../src/lib/server/audit';
import { verifyInWorker } from '../src/lib/server/audit-verify-job';
import { buildBundle } from '../src/lib/server/export/bundle';
import { FAKE_REPORT } from '../src/lib/server/export/bundle-fixture';
import { signingKey } from '../src/lib/server/export/signing-key';
import { verifyBundle } from '../src/lib/server/export/verify';

let dir: string;
let original: string;
let previousDataDir: string | undefined;

function runVerify(path: string, ...args: string[]) {
	return spawnSync('npx', ['tsx', 'scripts/audit-verify.ts', ...args], {
		env: { ...process.env, DATABASE_URL: path },
		encoding: 'utf8'
	});
}

/** A copy of the seeded database, rewritten by the sqlite3 CLI. */
function tamperedCopy(from: string, name: string, sql: string): string {
	const path = join(dir, `${name}.db`);
	copyFileSync(from, path);
	if (spawnSync('sqlite3', ['-version']).status !== 0) {
		throw new Error('sqlite3 CLI missing: apt-get install sqlite3');
	}
	execFileSync('sqlite3', [path, sql]);
	return path;
}

function query<T>(path: string, sql: string): T {
	const db = openDatabase(path, { migrate: false });
	try {
		return db.$client.prepare(sql).get() as T;
	} finally {
		db.$client.close();
	}
}

/** What the export route does: a fresh bundle of the decided version, from that database. */
async function exportBundle(path: string, assessmentId: string): Promise<string> {
	const db = openDatabase(path, { migrate: false });
	try {
		const record = loadRecord(db, assessmentId)!;
		const stream = await buildBundle({
			db,
			record,
			locale: 'fr',
			renderReport: FAKE_REPORT,
			key: signingKey(dir),
			onReady: () =>
				audit.record(db, audit.SYSTEM_ACTOR, {
					action: 'assessment.export',
					entity: 'assessment',
					entityId: assessmentId,
					assessmentId,
					summary: 'evidence bundle (ZIP) exported'
				})
		});
		const file = `${path}.zip`;
		await pipeline(stream, createWriteStream(file));
		return file;
	} finally {
		db.$client.close();
	}
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'audit-integrity-'));
	previousDataDir = process.env.WORKBENCH_DATA_DIR;
	process.env.WORKBENCH_DATA_DIR = dir;
	original = join(dir, 'original.db');
	const db = openDatabase(original);
	await seedDemo(db, 'Une-phrase-de-passe-demo');
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	db.$client.close();
}, 120_000);

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	if (previousDataDir === undefined) delete process.env.WORKBENCH_DATA_DIR;
	else process.env.WORKBENCH_DATA_DIR = previousDataDir;
});

// Each test spawns tsx several times: minutes on a loaded 2-core machine, seconds otherwise.
describe('state of signatures and frozen versions', { timeout: 300_000 }, () => {
	it('the genuine demo passes audit:verify, the /audit page and verify-bundle', async () => {
		const run = runVerify(original);
		expect(run.stdout).toMatch(
			/audit:verify OK: \d+ entries.*; [1-9]\d* signatures and decisions match/
		);
		expect(run.status).toBe(0);
		const report = await verifyInWorker(original);
		expect(report.states).toMatchObject({ ok: true });
		expect(report.chain.ok).toBe(true);
		const { id } = query<{ id: string }>(
			original,
			"SELECT id FROM assessments WHERE status = 'decided'"
		);
		const copy = join(dir, 'genuine.db');
		copyFileSync(original, copy);
		const bundle = await verifyBundle(await exportBundle(copy, id));
		expect(bundle.failures).toEqual([]);
		expect(bundle.notes.join('\n')).toMatch(/signatures and frozen version: \d+ state hash/);
	});

	it('a forged signature verdict is reported by audit:verify, the /audit page and verify-bundle', async () => {
		const path = tamperedCopy(
			original,
			'forged-verdict',
			"DROP TRIGGER signatures_no_update; UPDATE signatures SET verdict = 'reject' WHERE kind = 'decision';"
		);
		const sig = query<{ id: string; assessmentId: string }>(
			path,
			"SELECT id, assessment_id AS assessmentId FROM signatures WHERE kind = 'decision'"
		);
		const { seq } = query<{ seq: number }>(
			path,
			`SELECT seq FROM audit_log WHERE action = 'decision.sign' AND entity_id = '${sig.id}'`
		);

		// The chain itself is intact: only the state check sees the forgery.
		const run = runVerify(path);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(
			`audit:verify FAILED: state of signatures ${sig.id} (audit seq ${seq}): changed`
		);
		expect(run.stderr).not.toMatch(/FAILED at sequence number/);

		const page = await verifyInWorker(path);
		expect(page.chain.ok).toBe(true);
		expect(page.states).toMatchObject({
			ok: false,
			first: { table: 'signatures', id: sig.id, seq, reason: 'changed' }
		});

		const bundle = await verifyBundle(await exportBundle(path, sig.assessmentId));
		expect(bundle.ok).toBe(false);
		expect(bundle.failures).toContain(
			`assessment.json: the state of signatures ${sig.id} (audit seq ${seq}): changed differs from what audit-log.jsonl recorded`
		);
	});

	it('an edited assessment_versions.content is reported', async () => {
		const path = tamperedCopy(
			original,
			'edited-version',
			`DROP TRIGGER assessment_versions_no_update;
			 UPDATE assessment_versions SET content = json_set(content, '$.title', 'Autre titre');`
		);
		const v = query<{ a: string; n: number }>(
			path,
			'SELECT assessment_id AS a, number AS n FROM assessment_versions'
		);
		const { seq } = query<{ seq: number }>(
			path,
			`SELECT seq FROM audit_log WHERE action = 'decision.sign' AND assessment_id = '${v.a}'`
		);
		const run = runVerify(path);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(
			`state of assessment_versions ${v.a}/${v.n} (audit seq ${seq}): mismatch`
		);
		const page = await verifyInWorker(path);
		expect(page.states).toMatchObject({
			ok: false,
			first: { table: 'assessment_versions', id: `${v.a}/${v.n}`, seq }
		});
	});

	it('a signature inserted behind the application is reported as unaudited', () => {
		const path = tamperedCopy(
			original,
			'inserted',
			`INSERT INTO signatures SELECT 'forged-1', assessment_id, version_number, kind, extra_key,
			   verdict, body, details, signer_id, signer_name, signer_role, signed_at, content_hash, auth_method
			 FROM signatures WHERE kind = 'dpo' LIMIT 1;`
		);
		const run = runVerify(path);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('state of signatures forged-1 (no audit entry): unaudited');
	});
});

describe('truncation against an earlier head', { timeout: 300_000 }, () => {
	it('deleting the chain’s tail is detected against an earlier head', async () => {
		// Later activity (exports, logins…) at the end of the chain, then its head recorded.
		const live = join(dir, 'live.db');
		copyFileSync(original, live);
		const db = openDatabase(live, { migrate: false });
		for (const n of [1, 2, 3]) {
			audit.record(db, audit.SYSTEM_ACTOR, {
				action: 'auth.login',
				entity: 'user',
				summary: `login ${n}`
			});
		}
		db.$client.pragma('wal_checkpoint(TRUNCATE)');
		db.$client.close();
		const head = spawnSync('npx', ['tsx', 'scripts/audit-head.ts'], {
			env: { ...process.env, DATABASE_URL: live },
			encoding: 'utf8'
		});
		expect(head.status).toBe(0);
		const recorded = JSON.parse(head.stdout) as { seq: number; chainHash: string };
		const headFile = join(dir, 'head.json');
		writeFileSync(headFile, head.stdout);

		const path = tamperedCopy(
			live,
			'truncated',
			`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= ${recorded.seq - 1};`
		);
		// On its own, the shorter chain verifies.
		expect(runVerify(path).status).toBe(0);

		for (const spec of [headFile, `${recorded.seq}:${recorded.chainHash}`]) {
			const run = runVerify(path, '--head', spec);
			expect(run.status).toBe(1);
			expect(run.stderr).toContain(
				`known head ${recorded.seq}:${recorded.chainHash} is no longer in the chain`
			);
		}
		const page = await verifyInWorker(path, recorded);
		expect(page.known).toEqual({ head: recorded, problem: 'missing' });
		expect(page.current?.seq).toBe(recorded.seq - 2);

		// The intact database still holds that head.
		expect(runVerify(live, '--head', headFile).status).toBe(0);
		expect(runVerify(live, '--head', 'nonsense').status).toBe(2);
	});
});
