/** What must hold after the load: the database intact, the chain intact, no lost update. */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
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
