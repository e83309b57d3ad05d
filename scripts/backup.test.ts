import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/lib/server/seed';
import { tempDatabase } from '../src/lib/server/testing/temp-db';

function run(script: string, arg: string, databaseUrl: string) {
	return spawnSync('npx', ['tsx', `scripts/${script}.ts`, arg], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8'
	});
}
const count = (path: string, table: string) => {
	const db = new Database(path, { readonly: true });
	const n = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	db.close();
	return n;
};

describe('npm run backup / restore', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let dir: string;
	beforeEach(async () => {
		ctx = tempDatabase();
		dir = join(ctx.path, '..');
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
	});
	afterEach(() => ctx.dispose());

	it('backs up the live database (connection still open) and verifies the copy', () => {
		const out = join(dir, 'backup-1.db');
		const result = run('backup', out, ctx.path);
		expect(result.stdout).toContain('integrity_check: ok');
		expect(result.stdout).toMatch(/audit chain: OK, 28 entries/);
		expect(result.status).toBe(0);
		expect(count(out, 'users')).toBe(7);
		// A backup is never overwritten.
		expect(run('backup', out, ctx.path).status).toBe(2);
	});

	it('restores a verified backup and keeps the replaced database', () => {
		const out = join(dir, 'backup-2.db');
		expect(run('backup', out, ctx.path).status).toBe(0);
		ctx.db.$client
			.prepare("INSERT INTO organisations (id, name) VALUES ('later', 'Ajout après la sauvegarde')")
			.run();
		ctx.db.$client.close();
		const result = run('restore', out, ctx.path);
		expect(result.status).toBe(0);
		expect(count(ctx.path, 'organisations')).toBe(1);
		expect(result.stdout).toMatch(/current database kept as .*before-restore-/);
	});

	it('refuses to restore a tampered backup and changes nothing', () => {
		const out = join(dir, 'backup-3.db');
		expect(run('backup', out, ctx.path).status).toBe(0);
		execFileSync('sqlite3', [
			out,
			"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_label = 'x' WHERE seq = 2;"
		]);
		ctx.db.$client.close();
		const result = run('restore', out, ctx.path);
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/BROKEN at sequence number 2/);
		expect(existsSync(ctx.path)).toBe(true);
		expect(count(ctx.path, 'users')).toBe(7);
	});
});
