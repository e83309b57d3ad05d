/**
 * `npm run bench:export`: times the evidence bundle of the demo assessment and of a large
 * synthetic one (200 risks, 500 measures, 20 attachments totalling 50 MB, 100,000 audit
 * entries), built in a fresh temporary data directory through the application's modules.
 *
 * The bundles are built in a child process started after the data exist, so its resident
 * memory is what a server pays for an export, not what building 100,000 entries cost.
 * Prints the figures and appends them to bench/export-results.md.
 * Targets (issue 6): demo < 1 s; large < 10 s with RSS < 300 MB.
 */
import { fork } from 'node:child_process';
import {
	appendFileSync,
	createWriteStream,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { databasePath, openDatabase, type Db } from '../src/lib/server/db';
import { prepareExportData } from './export-data';
import { buildBundle } from '../src/lib/server/export/bundle';
import { GENERATOR } from '../src/lib/server/export/generator';
import { reportOptionsFor } from '../src/lib/server/export/report-export';
import { renderReportPdf } from '../src/lib/server/export/documents';
import { signingKey } from '../src/lib/server/export/signing-key';
import { verifyBundle } from '../src/lib/server/export/verify';
import { loadRecord } from '../src/lib/server/record';

const RESULTS = fileURLToPath(new URL('./export-results.md', import.meta.url));

interface Figures {
	label: string;
	/** How the report was made: the real PDF (first or later in the process) or a stub. */
	run: 'cold' | 'warm' | 'stub report';
	reportSeconds: number;
	bundleSeconds: number;
	bytes: number;
	rssBeforeMb: number;
	rssPeakMb: number;
	verifySeconds: number;
	verified: boolean;
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

const STUB_REPORT = async () => Buffer.from('%PDF-1.4\n% stub\n%%EOF\n');

/** Builds one bundle to a file, sampling RSS, then verifies it. */
async function exportOne(
	db: Db,
	dir: string,
	id: string,
	label: string,
	run: Figures['run']
): Promise<Figures> {
	const key = signingKey(dir);
	const rssBefore = process.memoryUsage.rss();
	let peak = rssBefore;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
	const started = performance.now();
	let reportSeconds = 0;
	const record = loadRecord(db, id)!;
	const file = join(dir, `${label}.zip`);
	const stream = await buildBundle({
		db,
		record,
		locale: 'fr',
		key,
		renderReport: async (r, locale) => {
			const t = performance.now();
			const pdf =
				run === 'stub report'
					? await STUB_REPORT()
					: await renderReportPdf(r, locale, reportOptionsFor(db, r.assessment.orgId));
			reportSeconds = (performance.now() - t) / 1000;
			return pdf;
		}
	});
	await pipeline(stream, createWriteStream(file));
	const bundleSeconds = (performance.now() - started) / 1000;
	peak = Math.max(peak, process.memoryUsage.rss());
	clearInterval(sampler);
	const v = performance.now();
	const report = await verifyBundle(file, { pinnedFingerprint: key.fingerprint });
	const verifySeconds = (performance.now() - v) / 1000;
	if (!report.ok) console.error(report.failures.join('\n'));
	return {
		label,
		run,
		reportSeconds,
		bundleSeconds,
		bytes: statSync(file).size,
		rssBeforeMb: mb(rssBefore),
		rssPeakMb: mb(peak),
		verifySeconds,
		verified: report.ok
	};
}

/**
 * In the child, in order: the demo twice (the first export of a process pays for loading
 * the PDF library and its fonts), then the large one with its real report, then with a
 * stub report to show what the bundle itself costs.
 */
async function exportAll(dir: string, demoId: string, largeId: string): Promise<Figures[]> {
	process.env.WORKBENCH_DATA_DIR = dir;
	const db = openDatabase(databasePath(), { migrate: false });
	const figures = [
		await exportOne(db, dir, demoId, 'demo', 'cold'),
		await exportOne(db, dir, demoId, 'demo', 'warm'),
		await exportOne(db, dir, largeId, 'large', 'warm'),
		await exportOne(db, dir, largeId, 'large', 'stub report')
	];
	db.$client.close();
	return figures;
}

function runChild(dir: string, demoId: string, largeId: string): Promise<Figures[]> {
	return new Promise((resolve, reject) => {
		const child = fork(fileURLToPath(import.meta.url), ['--export', dir, demoId, largeId], {
			execArgv: ['--import', 'tsx']
		});
		child.once('message', (m) => resolve(m as Figures[]));
		child.once('error', reject);
		child.once('exit', (code) => code !== 0 && reject(new Error(`export child exited ${code}`)));
	});
}

function print(f: Figures) {
	const target = f.label === 'demo' ? '< 1 s' : '< 10 s, RSS < 300 MB';
	console.log(
		`${f.label} (${f.run}): bundle ${f.bundleSeconds.toFixed(2)} s (report PDF ${f.reportSeconds.toFixed(2)} s), ` +
			`${(f.bytes / 1048576).toFixed(1)} MB, RSS ${f.rssBeforeMb} → peak ${f.rssPeakMb} MB; ` +
			`verify-bundle ${f.verifySeconds.toFixed(2)} s ${f.verified ? 'OK' : 'FAILED'} (target ${target})`
	);
}

async function main() {
	// BENCH_DIR=<dir> keeps the prepared data for another run (preparing takes a minute).
	const reuse = process.env.BENCH_DIR;
	const dir = reuse ?? mkdtempSync(join(tmpdir(), 'bench-export-'));
	const idsFile = join(dir, 'bench-ids.json');
	try {
		let ids: { demoId: string; largeId: string };
		if (reuse && existsSync(idsFile)) {
			ids = JSON.parse(readFileSync(idsFile, 'utf8')) as typeof ids;
			console.log(`reusing ${dir}`);
		} else {
			const t = performance.now();
			console.log(`preparing in ${dir} …`);
			ids = await prepareExportData(dir);
			writeFileSync(idsFile, JSON.stringify(ids));
			console.log(`prepared in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		}
		const figures = await runChild(dir, ids.demoId, ids.largeId);
		figures.forEach(print);
		// The load average says how much the figures owe to other processes on the machine.
		const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, Node ${process.versions.node}, load ${loadavg()[0]!.toFixed(1)}`;
		const row = (f: Figures) =>
			`| ${new Date().toISOString().slice(0, 16)}Z | ${GENERATOR.version} | ${f.label} | ${f.run} | ${f.bundleSeconds.toFixed(2)} | ${f.reportSeconds.toFixed(2)} | ${(f.bytes / 1048576).toFixed(1)} | ${f.rssBeforeMb} | ${f.rssPeakMb} | ${f.verifySeconds.toFixed(2)} | ${f.verified ? 'OK' : 'FAILED'} | ${machine} |\n`;
		appendFileSync(RESULTS, figures.map(row).join(''));
		// Re-aligned, so that `npm run lint` (prettier --check) still passes after a run.
		const config = await prettier.resolveConfig(RESULTS);
		const table = readFileSync(RESULTS, 'utf8');
		writeFileSync(RESULTS, await prettier.format(table, { ...config, filepath: RESULTS }));
		console.log(`appended to ${RESULTS}`);
	} finally {
		if (!reuse) rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[2] === '--export') {
	const [, , , dir, demoId, largeId] = process.argv;
	const figures = await exportAll(dir!, demoId!, largeId!);
	process.send!(figures, () => process.exit(0));
} else {
	await main();
}
