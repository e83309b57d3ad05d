import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/lib/server/seed';
import { tempDatabase } from '../src/lib/server/testing/temp-db';

/** The demo's 9 entries as 9 one-entry segments, all verified by 3 worker threads. */
function runVerify(path: string) {
	return spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
		env: {
			...process.env,
			DATABASE_URL: path,
			AUDIT_VERIFY_THREADS: '3',
			AUDIT_VERIFY_MIN_PER_SEGMENT: '1',
			AUDIT_VERIFY_MAIN_THREAD: '0'
		},
		encoding: 'utf8'
	});
}

describe('npm run audit:verify on worker threads', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeEach(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		ctx.db.$client.close();
	});
	afterEach(() => ctx.dispose());

	it('passes on the demo database with the head of the last segment', () => {
		const result = runVerify(ctx.path);
		expect(result.stderr).not.toMatch(/could not verify/);
		expect(result.stdout).toMatch(
			/audit:verify OK: 28 entries, chain head [0-9a-f]{64} \(.* s, 3 threads\)/
		);
		expect(result.status).toBe(0);
	});

	it('reports the first bad entry when two segments each hold one', () => {
		execFileSync('sqlite3', [
			ctx.path,
			`DROP TRIGGER audit_log_no_update;
			 UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 8;
			 UPDATE audit_log SET chain_hash = '${'1'.repeat(64)}' WHERE seq = 5;`
		]);
		const result = runVerify(ctx.path);
		expect(result.stderr).toMatch(/FAILED at sequence number 5 \(chain-hash\); 4 entries/);
		expect(result.status).toBe(1);
	});

	it('fails where the row ending a segment was deleted', () => {
		execFileSync('sqlite3', [
			ctx.path,
			'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 6;'
		]);
		const result = runVerify(ctx.path);
		expect(result.stderr).toMatch(/FAILED at sequence number 6 \(sequence\); 5 entries/);
		expect(result.status).toBe(1);
	});
});
