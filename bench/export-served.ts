/**
 * The large evidence export as a server pays for it (issue 13: ≤ 300 MB peak RSS, ≤ 5 s
 * CPU): the built app serves a data directory holding the large synthetic assessment
 * (bench/export-data.ts) and a DPO downloads its bundle once. The server's resident memory
 * and CPU time are read from /proc, so they include the worker thread that lays out the
 * report and everything the request thread streams.
 *
 * The demo's bundle is downloaded first (not measured): the first export of a process
 * loads the export chunks and starts the render worker, which loads the PDF fonts and
 * stays warm for the next export. The peak is then the kernel's own high-water mark
 * (VmHWM), reset just before the download by writing 5 to /proc/<pid>/clear_refs; where
 * that is refused, the highest of VmRSS readings taken every 10 ms. The same is measured
 * again on a second server that keeps no worker warm (`cold`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../src/lib/server/auth/session';
import { databasePath, openDatabase } from '../src/lib/server/db';
import { demoEmail } from '../src/lib/server/seed';
import { findByEmail } from '../src/lib/server/users';
import { processCpuSeconds } from './checks';
import { prepareExportData } from './export-data';
import { startApp } from './workload';

/** The figures with the render worker kept warm, and `cold` with a fresh one. */
export interface ServedExport extends ServedRun {
	prepareSeconds: number;
	cold: ServedRun;
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
	const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
		readFileSync(`/proc/${pid}/status`, 'utf8')
	);
	if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Number(m[1]);
};

/** Downloads one bundle; it must be a ZIP answered 200. Returns its size in bytes. */
async function download(url: string, token: string): Promise<number> {
	const res = await fetch(url, { headers: { cookie: `session=${token}` } });
	let bytes = 0;
	let magic = '';
	for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
		if (bytes === 0) magic = Buffer.from(chunk.subarray(0, 2)).toString('latin1');
		bytes += chunk.byteLength;
	}
	if (res.status !== 200 || magic !== 'PK') {
		throw new Error(`${url} answered ${res.status} with ${bytes} bytes (${magic})`);
	}
	return bytes;
}

/** The large download's figures on one server. */
export interface ServedRun {
	rssBeforeMb: number;
	peakRssMb: number;
	/** How the peak was read: the kernel's high-water mark, or sampling VmRSS. */
	peakFrom: 'VmHWM' | 'sampled VmRSS';
	cpuSeconds: number;
	wallSeconds: number;
	zipMb: number;
}

/**
 * Starts the app on `dir` (with `env` added), downloads the demo's bundle, then measures
 * the large one's.
 */
async function measure(
	dir: string,
	ids: { demoId: string; largeId: string },
	token: string,
	beforeMeasure: () => Promise<void>,
	nodeArgs: string[],
	env: Record<string, string>
): Promise<ServedRun> {
	const app = await startApp(dir, nodeArgs, env);
	try {
		const bundle = (id: string) => `${app.url}/assessments/${id}/export/bundle`;
		await beforeMeasure();
		await download(bundle(ids.demoId), token);
		const rssBeforeMb = statusKb(app.pid, 'VmRSS') / 1024;
		let hwmReset = true;
		try {
			writeFileSync(`/proc/${app.pid}/clear_refs`, '5');
		} catch {
			hwmReset = false;
		}
		let sampled = statusKb(app.pid, 'VmRSS');
		const sampler = setInterval(() => {
			sampled = Math.max(sampled, statusKb(app.pid, 'VmRSS'));
		}, 10);
		const cpuBefore = processCpuSeconds(app.pid)!;
		const started = performance.now();
		const bytes = await download(bundle(ids.largeId), token);
		const wallSeconds = (performance.now() - started) / 1000;
		clearInterval(sampler);
		const cpuSeconds = processCpuSeconds(app.pid)! - cpuBefore;
		const peakKb = hwmReset ? statusKb(app.pid, 'VmHWM') : sampled;
		return {
			rssBeforeMb,
			peakRssMb: Math.max(peakKb, sampled) / 1024,
			peakFrom: hwmReset ? 'VmHWM' : 'sampled VmRSS',
			cpuSeconds,
			wallSeconds,
			zipMb: bytes / (1024 * 1024)
		};
	} finally {
		await app.stop();
	}
}

/**
 * `beforeMeasure` runs once the data are written and each app started (e.g. to let the
 * machine settle); `nodeArgs` are the app's (e.g. --cpu-prof). The first server keeps its
 * render worker warm from the demo's export to the large one (the default); the second,
 * started with `WORKBENCH_RENDER_IDLE_MS=0`, lays the large report out in a fresh worker,
 * as any export more than five minutes after the last one does.
 */
export async function runServedExport(
	beforeMeasure: () => Promise<void> = async () => {},
	nodeArgs: string[] = []
): Promise<ServedExport> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-export-served-'));
	try {
		const t = performance.now();
		const ids = await prepareExportData(dir);
		const prepareSeconds = (performance.now() - t) / 1000;
		const db = openDatabase(databasePath(), { migrate: false });
		const dpo = findByEmail(db, demoEmail('dpo'))!;
		const token = createSession(db, dpo.id, undefined, { twoFactorVerified: true }).token;
		db.$client.close();
		const warm = await measure(dir, ids, token, beforeMeasure, nodeArgs, {});
		const cold = await measure(dir, ids, token, beforeMeasure, nodeArgs, {
			WORKBENCH_RENDER_IDLE_MS: '0'
		});
		return { prepareSeconds, ...warm, cold };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
