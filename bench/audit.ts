/**
 * Audit verification rate: a fresh database with a valid chain of `entries` entries, then
 * (1) verify() timed in this process, as the app's own modules call it, and
 * (2) `npm run audit:verify` timed end to end (process start, open, verify, exit).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/lib/server/db/schema';
import type { Db } from '../src/lib/server/db';
import { verify } from '../src/lib/server/audit';
import { generateAuditDatabase } from './audit-data';

export interface AuditBench {
	entries: number;
	generateSeconds: number;
	/** verify() in process, each run. */
	inProcessSeconds: number[];
	/** `npm run audit:verify` (tsx scripts/audit-verify.ts), each run. */
	cliSeconds: number[];
	cliOutput: string;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export function runAuditBench(entries: number, runs = 3): AuditBench {
	let t = performance.now();
	const { path, head } = generateAuditDatabase(entries);
	const generateSeconds = seconds(t);
	try {
		const sqlite = new Database(path, { readonly: true, fileMustExist: true });
		const db = drizzle(sqlite, { schema }) as Db;
		const inProcessSeconds: number[] = [];
		for (let i = 0; i < runs; i++) {
			t = performance.now();
			const result = verify(db);
			inProcessSeconds.push(seconds(t));
			if (!result.ok || result.head !== head || result.count !== entries) {
				throw new Error(`verify() disagrees with the generated chain: ${JSON.stringify(result)}`);
			}
		}
		sqlite.close();
		const cliSeconds: number[] = [];
		let cliOutput = '';
		for (let i = 0; i < runs; i++) {
			t = performance.now();
			const cli = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
				env: { ...process.env, DATABASE_URL: path },
				encoding: 'utf8'
			});
			cliSeconds.push(seconds(t));
			cliOutput = cli.stdout.trim();
			if (cli.status !== 0 || !cliOutput.includes(head)) {
				throw new Error(`audit:verify failed on a valid chain: ${cli.stdout}${cli.stderr}`);
			}
		}
		return { entries, generateSeconds, inProcessSeconds, cliSeconds, cliOutput };
	} finally {
		rmSync(dirname(path), { recursive: true, force: true });
	}
}
