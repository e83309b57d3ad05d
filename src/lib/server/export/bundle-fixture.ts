import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { saveAttachment } from '../attachments';
import { assessments } from '../db/schema';
import { loadRecord } from '../record';
import { demoEmail, seedDemo } from '../seed';
import { tempDatabase } from '../testing/temp-db';
import { findByEmail } from '../users';
import * as audit from '../audit';
import { buildBundle, type RenderReport } from './bundle';
import { signingKey } from './signing-key';

/**
 * For the bundle and verifier tests: a real database and data directory with the demo
 * assessment and two attachments. The report producer is injected: the bundle format, not
 * the PDF, is under test, so fixed bytes stand in for the report.
 */
export const FAKE_REPORT: RenderReport = async (record, locale) =>
	Buffer.from(`%PDF-1.4\n% test report ${record.assessment.id} ${locale}\n%%EOF\n`, 'latin1');

export const CSV_BYTES = Buffer.from(
	'\uFEFFagenda;créneaux\nGynécologie;12\nPédiatrie;8\n',
	'utf8'
);

/** A valid 1×1 PNG: stored, not deflated, in the bundle. */
export const PNG_BYTES = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

export async function bundleFixture() {
	const previous = process.env.WORKBENCH_DATA_DIR;
	const dir = mkdtempSync(join(tmpdir(), 'workbench-bundle-'));
	process.env.WORKBENCH_DATA_DIR = dir;
	const ctx = tempDatabase();
	await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
	const assessment = ctx.db.select().from(assessments).get()!;
	const user = findByEmail(ctx.db, demoEmail('dpo'))!;
	const actor = { userId: user.id, label: user.email, role: 'dpo', orgId: assessment.orgId };
	await saveAttachment(ctx.db, actor, assessment, 'context', {
		name: 'Planning des secrétaires (été).csv',
		bytes: CSV_BYTES
	});
	await saveAttachment(ctx.db, actor, assessment, null, { name: 'capture.png', bytes: PNG_BYTES });
	const key = signingKey(dir);
	let n = 0;

	/** Builds the bundle of the working version into a file, auditing it as the route does. */
	async function build(options: { render?: RenderReport; version?: number } = {}) {
		const record = loadRecord(ctx.db, assessment.id, options.version)!;
		const path = join(dir, `bundle-${++n}.zip`);
		const stream = await buildBundle({
			db: ctx.db,
			record,
			locale: 'fr',
			renderReport: options.render ?? FAKE_REPORT,
			key,
			onReady: () =>
				audit.record(ctx.db, actor, {
					action: 'assessment.export',
					entity: 'assessment',
					entityId: assessment.id,
					assessmentId: assessment.id,
					summary: 'evidence bundle (ZIP) exported'
				})
		});
		await pipeline(stream, createWriteStream(path));
		return path;
	}

	return {
		db: ctx.db,
		dir,
		assessment,
		actor,
		key,
		build,
		dispose() {
			ctx.dispose();
			rmSync(dir, { recursive: true, force: true });
			if (previous === undefined) delete process.env.WORKBENCH_DATA_DIR;
			else process.env.WORKBENCH_DATA_DIR = previous;
		}
	};
}
