import { createHash, verify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHash } from '$lib/domain/canonical';
import { entryHash } from '$lib/domain/audit-chain';
import { attachmentsDir } from '../attachments';
import { attachments } from '../db/schema';
import { loadRecord } from '../record';
import { buildBundle } from './bundle';
import { bundleFixture, CSV_BYTES, FAKE_REPORT, PNG_BYTES } from './bundle-fixture';
import type { Manifest } from './bundle-format';
import { readZip } from './zip-edit';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const json = <T>(b: Buffer | undefined) => JSON.parse(b!.toString('utf8')) as T;

describe('evidence bundle', () => {
	let fx: Awaited<ReturnType<typeof bundleFixture>>;
	let path: string;
	let files: Map<string, Buffer>;
	let manifest: Manifest;

	beforeAll(async () => {
		fx = await bundleFixture();
		path = await fx.build();
		files = await readZip(path);
		manifest = json<Manifest>(files.get('manifest.json'));
	});
	afterAll(() => fx.dispose());

	it('holds the report, the record, the log, the attachments and the signed manifest', () => {
		const names = [...files.keys()];
		expect(names.slice(0, 3)).toEqual(['report.pdf', 'assessment.json', 'audit-log.jsonl']);
		expect(names.slice(-3)).toEqual(['manifest.json', 'manifest.sig', 'public-key.pem']);
		expect(names).toContain('VERIFY.md');
		expect(names).toContain('SHA256SUMS');
		const attached = names.filter((n) => n.startsWith('attachments/'));
		expect(attached).toHaveLength(2);
		expect(attached.find((n) => n.endsWith('-Planning_des_secretaires_ete_.csv'))).toBeDefined();
		expect(files.get(attached.find((n) => n.endsWith('capture.png'))!)).toEqual(PNG_BYTES);
		expect(files.get(attached.find((n) => n.endsWith('.csv'))!)).toEqual(CSV_BYTES);
	});

	it('lists every other file in the manifest with its size and SHA-256', () => {
		const listed = manifest.files.map((f) => f.path).sort();
		const expected = [...files.keys()]
			.filter((n) => !['manifest.json', 'manifest.sig', 'public-key.pem'].includes(n))
			.sort();
		expect(listed).toEqual(expected);
		for (const f of manifest.files) {
			expect(f.size).toBe(files.get(f.path)!.length);
			expect(f.sha256).toBe(sha256(files.get(f.path)!));
		}
		expect(manifest).toMatchObject({
			format: 'dpia-workbench/evidence-bundle@1',
			assessmentId: fx.assessment.id,
			versionNumber: 1,
			generator: { name: 'dpia-workbench' },
			signature: { algorithm: 'Ed25519', publicKeyFingerprint: fx.key.fingerprint }
		});
		const sums = files.get('SHA256SUMS')!.toString('utf8');
		expect(sums).toContain(`${sha256(files.get('report.pdf')!)}  report.pdf\n`);
	});

	it('signs the exact manifest bytes with the installation key (openssl accepts it)', () => {
		const sig = files.get('manifest.sig')!;
		expect(sig).toHaveLength(64);
		expect(files.get('public-key.pem')!.toString()).toBe(fx.key.publicKeyPem);
		expect(verify(null, files.get('manifest.json')!, fx.key.publicKeyPem, sig)).toBe(true);
		const dir = join(fx.dir, 'openssl');
		mkdirSync(dir);
		for (const n of ['manifest.json', 'manifest.sig', 'public-key.pem']) {
			writeFileSync(join(dir, n), files.get(n)!);
		}
		const out = execFileSync(
			'openssl',
			[
				'pkeyutl',
				'-verify',
				'-pubin',
				'-inkey',
				'public-key.pem',
				'-rawin',
				'-in',
				'manifest.json',
				'-sigfile',
				'manifest.sig'
			],
			{ cwd: dir, encoding: 'utf8' }
		);
		expect(out).toContain('Signature Verified Successfully');
	});

	it('writes the complete record whose content hash is the canonical hash', () => {
		const a = json<{ content: unknown; contentHash: string; schema: string }>(
			files.get('assessment.json')
		);
		expect(a.schema).toBe('dpia-workbench/assessment@1');
		expect(canonicalHash(a.content)).toBe(a.contentHash);
		expect(a.contentHash).toBe(loadRecord(fx.db, fx.assessment.id)!.contentHash);
		expect(manifest.contentHash).toBe(a.contentHash);
	});

	it("writes this assessment's audit entries oldest first, ending with the chain head", () => {
		const lines = files.get('audit-log.jsonl')!.toString('utf8').trimEnd().split('\n');
		const head = JSON.parse(lines.pop()!) as { chainHead: { seq: number; chainHash: string } };
		const entries = lines.map(
			(l) =>
				JSON.parse(l) as Parameters<typeof entryHash>[0] & {
					entryHash: string;
					chainHash: string;
				}
		);
		const inDb = fx.db.$client
			.prepare('SELECT seq FROM audit_log WHERE assessment_id = ? ORDER BY seq')
			.all(fx.assessment.id) as { seq: number }[];
		expect(entries.map((e) => e.seq)).toEqual(inDb.map((r) => r.seq));
		// SQLite writes the lines: byte for byte what JSON.stringify gives of each row.
		const rows = fx.db.$client
			.prepare(
				`SELECT seq, at, actor_id AS actorId, actor_label AS actorLabel, role, org_id AS orgId,
				        action, entity, entity_id AS entityId, assessment_id AS assessmentId, version,
				        summary, state_hash AS stateHash, entry_hash AS entryHash, chain_hash AS chainHash
				   FROM audit_log WHERE assessment_id = ? ORDER BY seq`
			)
			.all(fx.assessment.id);
		expect(lines).toEqual(rows.map((r) => JSON.stringify(r)));
		for (const e of entries) expect(entryHash(e)).toBe(e.entryHash);
		// The export is audited before the head is read: the bundle holds its own entry.
		const last = entries.at(-1)!;
		expect(last).toMatchObject({ action: 'assessment.export', seq: head.chainHead.seq });
		expect(last.chainHash).toBe(head.chainHead.chainHash);
		expect(manifest.auditLog).toEqual({ entries: entries.length, chainHead: head.chainHead });
	});

	it('stores report.pdf uncompressed, so its bytes stay addressable', async () => {
		const bytes = files.get('report.pdf')!;
		expect(bytes.toString('latin1')).toContain(fx.assessment.id);
		const raw = await import('node:fs').then((fs) => fs.readFileSync(path));
		expect(raw.includes(bytes)).toBe(true);
	});

	it('stops cleanly when the download is cut short', async () => {
		const record = loadRecord(fx.db, fx.assessment.id)!;
		const stream = await buildBundle({
			db: fx.db,
			record,
			locale: 'fr',
			renderReport: FAKE_REPORT,
			key: fx.key
		});
		const closed = new Promise((resolve) => stream.once('close', resolve));
		for await (const chunk of stream) {
			expect((chunk as Buffer).subarray(0, 2).toString()).toBe('PK');
			break; // destroys the stream, as a client hanging up does
		}
		await closed;
		expect(stream.destroyed).toBe(true);
	});

	it('fails the download when an attachment on disk no longer matches its hash', async () => {
		const row = fx.db.select().from(attachments).all()[0]!;
		const file = join(attachmentsDir(), row.storedName);
		const size = statSync(file).size;
		const record = loadRecord(fx.db, fx.assessment.id)!;
		// Same size, other bytes: only the hash can tell.
		writeFileSync(file, Buffer.alloc(size, 0x41));
		const stream = await buildBundle({
			db: fx.db,
			record,
			locale: 'en',
			renderReport: FAKE_REPORT,
			key: fx.key
		});
		await expect(pipeline(stream, createWriteStream(join(fx.dir, 'broken.zip')))).rejects.toThrow(
			/differs from its recorded hash/
		);
		appendFileSync(file, 'x');
		await expect(
			buildBundle({ db: fx.db, record, locale: 'en', renderReport: FAKE_REPORT, key: fx.key })
		).rejects.toThrow(/wrong size/);
	});
});
