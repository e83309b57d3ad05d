/**
 * The export benchmarks' data: a fresh data directory with the demo and a large synthetic
 * assessment (200 risks, 500 measures, 20 attachments totalling 50 MB, 100,000 audit
 * entries), written through the application's modules. Used by `npm run bench:export`
 * (bundles built in a child process) and by `npm run bench` (the bundle downloaded from the
 * built app, whose memory and CPU are measured).
 */
import { randomBytes } from 'node:crypto';
import { risksSchema, suggestedRisks, type Risk } from '../src/lib/domain/method/risks';
import * as assessmentsModule from '../src/lib/server/assessments';
import { saveAttachment } from '../src/lib/server/attachments';
import { append, type Actor } from '../src/lib/server/audit';
import { databasePath, openDatabase, writeTransaction, type Db } from '../src/lib/server/db';
import { demoEmail, DEMO_ORG, seedDemo } from '../src/lib/server/seed';
import { getStep, saveContent } from '../src/lib/server/steps';
import { findByEmail } from '../src/lib/server/users';

const RISKS = 200;
const MEASURES = 500;
const ATTACHMENTS = 20;
const ATTACHMENT_BYTES = Math.floor((50 * 1024 * 1024) / ATTACHMENTS);
const AUDIT_ENTRIES = 100_000;
/** A PDF the upload check accepts, padded with incompressible bytes (as scans are). */
function paddedPdf(size: number, n: number): Buffer {
	const head = Buffer.from(
		`%PDF-1.4\n% bench attachment ${n}\n1 0 obj\n<< /Length ${size} >>\nstream\n`
	);
	const tail = Buffer.from('\nendstream\nendobj\n%%EOF\n');
	return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

function largeRisks(): Risk[] {
	const catalogue = suggestedRisks('fr').risks;
	return Array.from({ length: RISKS }, (_, i) => {
		const base = catalogue[i % catalogue.length]!;
		// 100 risks with 3 measures and 100 with 2: 500 in all.
		const count = i < MEASURES - 2 * RISKS ? 3 : 2;
		return {
			...base,
			id: `risk-${i}`,
			title: `${base.title} (${i + 1})`,
			measures: Array.from({ length: count }, (_, j) => ({
				id: `m-${i}-${j}`,
				title: `Mesure ${j + 1} du risque ${i + 1} : chiffrement, journalisation et revue des habilitations`,
				kind: (['legal', 'organisational', 'technical'] as const)[j % 3]!,
				state: j === 0 ? ('existing' as const) : ('planned' as const),
				owner: j === 0 ? '' : 'RSSI',
				dueDate: j === 0 ? '' : '2027-06-30',
				status: 'todo' as const
			}))
		};
	});
}

export async function prepareExportData(dir: string): Promise<{ demoId: string; largeId: string }> {
	process.env.WORKBENCH_DATA_DIR = dir;
	const db = openDatabase(databasePath());
	await seedDemo(db, 'Bench-Export-Passphrase-2026');
	const user = findByEmail(db, demoEmail('dpo'))!;
	const orgId = orgIdOf(db);
	const actor = { userId: user.id, label: user.email, role: 'dpo', orgId };
	const demoId = (db.$client.prepare('SELECT id FROM assessments').get() as { id: string }).id;

	const large = assessmentsModule.create(
		db,
		actor,
		{ orgId, title: 'Synthèse volumineuse (banc d’essai)', description: '', template: 'booking' },
		'fr'
	);
	const data = risksSchema.parse({ risks: largeRisks() });
	saveContent(db, actor, large, 'risks', data, getStep(db, large.id, 'risks')!.version);
	for (let i = 0; i < ATTACHMENTS; i++) {
		await saveAttachment(db, actor, large, 'risks', {
			name: `Rapport d'audit ${i + 1}.pdf`,
			bytes: paddedPdf(ATTACHMENT_BYTES, i)
		});
	}
	const existing = (
		db.$client
			.prepare('SELECT count(*) AS n FROM audit_log WHERE assessment_id = ?')
			.get(large.id) as {
			n: number;
		}
	).n;
	fillAudit(db, actor, large.id, orgId, AUDIT_ENTRIES - existing);
	db.$client.close();
	return { demoId, largeId: large.id };
}

function orgIdOf(db: Db): string {
	const row = db.$client.prepare('SELECT id FROM organisations WHERE name = ?').get(DEMO_ORG);
	return (row as { id: string }).id;
}

/** Real sealed entries, through the audit module, in batches of 10,000 per transaction. */
function fillAudit(db: Db, actor: Actor, assessmentId: string, orgId: string, count: number) {
	const at = new Date('2026-01-01T08:00:00Z');
	for (let done = 0; done < count;) {
		const batch = Math.min(10_000, count - done);
		writeTransaction(db, (tx) => {
			for (let i = 0; i < batch; i++) {
				append(
					tx,
					actor,
					{
						action: 'step.save',
						entity: 'assessment_step',
						entityId: `${assessmentId}/risks`,
						assessmentId,
						orgId,
						summary: `risks saved (synthetic entry ${done + i + 1})`,
						state: { n: done + i }
					},
					new Date(at.getTime() + (done + i) * 1000)
				);
			}
		});
		done += batch;
	}
}
