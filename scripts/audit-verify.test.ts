import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/lib/server/seed';
import { tempDatabase } from '../src/lib/server/testing/temp-db';

function runVerify(path: string) {
	return spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
		env: { ...process.env, DATABASE_URL: path },
		encoding: 'utf8'
	});
}

/** What an attacker with file access would do: drop the trigger, then rewrite a row. */
function tamper(path: string, sql: string) {
	const hasCli = spawnSync('sqlite3', ['-version']).status === 0;
	if (hasCli) execFileSync('sqlite3', [path, sql]);
	else throw new Error('sqlite3 CLI missing: apt-get install sqlite3');
}

describe('npm run audit:verify', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeEach(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		ctx.db.$client.close();
	});
	afterEach(() => ctx.dispose());

	it('passes on the demo database', () => {
		const result = runVerify(ctx.path);
		expect(result.stdout).toMatch(/audit:verify OK: 28 entries/);
		expect(result.status).toBe(0);
	});

	it('fails at the right sequence number after a row is altered with the sqlite3 CLI', () => {
		tamper(
			ctx.path,
			"DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 4;"
		);
		const result = runVerify(ctx.path);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/FAILED at sequence number 4/);
	});

	it('fails where a row was deleted', () => {
		tamper(ctx.path, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 6;');
		const result = runVerify(ctx.path);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/FAILED at sequence number 6/);
	});
});
