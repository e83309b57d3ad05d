/**
 * Audit verification rate: a fresh database with a valid chain of `entries` entries, then
 * (1) verify(), the one-thread pass the app's modules use (backup check, db-check),
 * (2) the split over worker threads that `npm run audit:verify` uses, in this process,
 * (3) `npm run audit:verify` end to end (process start, tsx, open, verify, exit).
 * CPU time is given beside wall time: on a shared machine it is the steadier figure.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { ChainVerification } from '../src/lib/domain/audit-chain';
import * as schema from '../src/lib/server/db/schema';
import type { Db } from '../src/lib/server/db';
import { verify } from '../src/lib/server/audit';
import { defaultThreads, verifyInParallel } from '../scripts/audit-verify-parallel';
import { generateAuditDatabase } from './audit-data';

export interface Timing {
	wall: number;
	cpu: number;
}

export interface AuditBench {
	entries: number;
	generateSeconds: number;
	threads: number;
	oneThread: Timing[];
	threaded: Timing[];
	/** `npm run audit:verify` (tsx scripts/audit-verify.ts), wall time of each run. */
	cli: number[];
	cliOutput: string;
	floor: Floor;
}

/**
 * What no verifier on this machine can beat, measured in the same run: reading every row
 * (one thread, raw arrays, nothing built) plus hashing the bytes that verification hashes
 * (every content field and both hashes, i.e. about the row's size, twice over for the
 * link) at the SHA-256 rate of one thread, both divided by the threads used.
 */
export interface Floor {
	scanSeconds: number;
	hashedBytes: number;
	sha256BytesPerSecond: number;
	seconds: number;
}

function measureFloor(sqlite: Database.Database, threads: number): Floor {
	let start = performance.now();
	let bytes = 0;
	const rows = sqlite.prepare(`SELECT * FROM audit_log ORDER BY seq`).raw();
	for (const r of rows.iterate() as Iterable<unknown[]>) {
		for (const v of r) if (typeof v === 'string') bytes += v.length;
	}
	const scanSeconds = (performance.now() - start) / 1000;
	// Entry text once, then previous chain hash + entry hash (128 bytes) per entry.
	const entries = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
	const hashedBytes = bytes + 128 * entries;
	const block = randomBytes(64 * 1024 * 1024);
	start = performance.now();
	createHash('sha256').update(block).digest();
	const sha256BytesPerSecond = block.length / ((performance.now() - start) / 1000);
	return {
		scanSeconds,
		hashedBytes,
		sha256BytesPerSecond,
		seconds: (scanSeconds + hashedBytes / sha256BytesPerSecond) / threads
	};
}

async function timed(run: () => ChainVerification | Promise<ChainVerification>) {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const result = await run();
	const used = process.cpuUsage(cpu);
	const timing = { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
	return { result, timing };
}

export async function runAuditBench(entries: number, runs = 3): Promise<AuditBench> {
	const t = performance.now();
	const { path, head } = generateAuditDatabase(entries);
	const generateSeconds = (performance.now() - t) / 1000;
	const check = (result: ChainVerification, how: string) => {
		if (!result.ok || result.head !== head || result.count !== entries) {
			throw new Error(`${how} disagrees with the generated chain: ${JSON.stringify(result)}`);
		}
	};
	try {
		const sqlite = new Database(path, { readonly: true, fileMustExist: true });
		const db = drizzle(sqlite, { schema }) as Db;
		const oneThread: Timing[] = [];
		const threaded: Timing[] = [];
		const threads = defaultThreads();
		for (let i = 0; i < runs; i++) {
			const one = await timed(() => verify(db));
			check(one.result, 'verify()');
			oneThread.push(one.timing);
			const split = await timed(async () => (await verifyInParallel(path, threads)).result);
			check(split.result, 'verifyInParallel()');
			threaded.push(split.timing);
		}
		const floor = measureFloor(sqlite, threads);
		sqlite.close();
		const cli: number[] = [];
		let cliOutput = '';
		for (let i = 0; i < runs; i++) {
			const start = performance.now();
			const run = spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], {
				env: { ...process.env, DATABASE_URL: path },
				encoding: 'utf8'
			});
			cli.push((performance.now() - start) / 1000);
			cliOutput = run.stdout.trim();
			if (run.status !== 0 || !cliOutput.includes(head)) {
				throw new Error(`audit:verify failed on a valid chain: ${run.stdout}${run.stderr}`);
			}
		}
		return { entries, generateSeconds, threads, oneThread, threaded, cli, cliOutput, floor };
	} finally {
		rmSync(dirname(path), { recursive: true, force: true });
	}
}
