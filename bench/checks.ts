/** What must hold after the load: the database intact, the chain intact, no lost update. */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as schema from '../src/lib/server/db/schema';
import type { Db } from '../src/lib/server/db';
import { verify } from '../src/lib/server/audit';

export interface AfterLoad {
	integrity: string;
	auditOk: boolean;
	auditEntries: number;
	/** Sum over assessments of (final screening version - seeded version). */
	versionIncrements: number;
}

const open = (dataDir: string) =>
	new Database(join(dataDir, 'workbench.db'), { readonly: true, fileMustExist: true });

/** The screening step's version per assessment (readable while the app runs: WAL). */
export function screeningVersions(dataDir: string): Record<string, number> {
	const sqlite = open(dataDir);
	try {
		const rows = sqlite
			.prepare(`SELECT assessment_id AS id, version FROM assessment_steps WHERE step = 'screening'`)
			.all() as { id: string; version: number }[];
		return Object.fromEntries(rows.map((r) => [r.id, r.version]));
	} finally {
		sqlite.close();
	}
}

/** Run once the app has stopped; `before` is screeningVersions() when the measure began. */
export function checkAfterLoad(dataDir: string, before: Record<string, number>): AfterLoad {
	const now = screeningVersions(dataDir);
	const versionIncrements = Object.entries(now).reduce(
		(n, [id, v]) => n + v - (before[id] ?? v),
		0
	);
	const sqlite = open(dataDir);
	try {
		const integrity = sqlite.pragma('integrity_check', { simple: true }) as string;
		const chain = verify(drizzle(sqlite, { schema }) as Db);
		return { integrity, auditOk: chain.ok, auditEntries: chain.count, versionIncrements };
	} finally {
		sqlite.close();
	}
}

const TICKS_PER_SECOND =
	Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function processCpuSeconds(pid: number): number | null {
	try {
		// Fields after the command name, which is in parentheses and may hold spaces.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
	} catch {
		return null;
	}
}
