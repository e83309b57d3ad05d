import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile } from './db-check';
import { openDatabase } from '../src/lib/server/db';

// 50 runs in `npm test`; the benchmark runs more with CRASH_RUNS.
const RUNS = Number(process.env.CRASH_RUNS || 50);

/** Starts the writer, kills it with SIGKILL at a random moment, returns the acknowledged ids. */
function crashOnce(path: string, prefix: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const child = spawn('node', ['--import', 'tsx', 'scripts/crash-writer.ts', path, prefix], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const acked: string[] = [];
		let buffer = '';
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.stdout.on('data', (chunk: Buffer) => {
			buffer += chunk.toString();
			const lines = buffer.split('\n');
			buffer = lines.pop() ?? '';
			for (const line of lines) {
				if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 150);
				else if (line.startsWith('ack ')) acked.push(line.slice(4));
			}
		});
		child.on('exit', (_code, signal) => {
			if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`));
			else resolve(acked);
		});
	});
}

describe('crash safety', () => {
	it(`keeps every acknowledged write across ${RUNS} SIGKILLs, with an intact file and audit chain`, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'workbench-crash-'));
		const path = join(dir, 'crash.db');
		openDatabase(path).$client.close();
		const acknowledged: string[] = [];
		try {
			for (let run = 0; run < RUNS; run++) {
				acknowledged.push(...(await crashOnce(path, `r${run}`)));
				const check = checkDatabaseFile(path);
				expect(check.ok, check.lines.join('; ')).toBe(true);
			}
			const db = new Database(path, { readonly: true });
			const present = new Set(
				(db.prepare('SELECT id FROM organisations').all() as Array<{ id: string }>).map((r) => r.id)
			);
			db.close();
			const lost = acknowledged.filter((id) => !present.has(id));
			expect(lost).toEqual([]);
			expect(acknowledged.length).toBeGreaterThan(RUNS);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 600_000);
});
