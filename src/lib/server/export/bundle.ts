import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ZipFile } from 'yazl';
// Before any ZIP is written: yazl's CRC-32 computed by zlib (see zip-crc.ts).
import './zip-crc';
import { openAttachment } from '../attachments';
import type { Db } from '../db';
import type { AssessmentRecord } from '../record';
import { assessmentJsonBytes } from './assessment-json';
import {
	attachmentPath,
	BUNDLE_FORMAT,
	FILES,
	type ChainHead,
	type Manifest,
	type ManifestFile
} from './bundle-format';
import { GENERATOR } from './generator';
import { signBytes, type SigningKey } from './signing-key';
import { timestampManifest } from './timestamp';
import { verifyReadme } from './verify-readme';

export type { Locale } from '$lib/domain/knowledge/localized';
import type { Locale } from '$lib/domain/knowledge/localized';
export type RenderReport = (record: AssessmentRecord, locale: Locale) => Promise<Buffer>;

export interface BundleOptions {
	db: Db;
	record: AssessmentRecord;
	locale: Locale;
	/** Produces report.pdf (the route passes renderReportPdf). */
	renderReport: RenderReport;
	key: SigningKey;
	/**
	 * Called once everything that can fail early has been checked (attachments on disk,
	 * report rendered) and before the chain head is read: the route audits the export
	 * here, so a failed export is not recorded and a recorded one is in its own bundle.
	 */
	onReady?: () => void;
	now?: Date;
}

// Already-compressed formats are stored: deflating them again costs CPU for nothing.
const COMPRESSIBLE_MIME = new Set(['text/csv']);
const AUDIT_PAGE = 2000;
// The log is hex hashes and repeated keys: level 1 deflates 100,000 entries in 60% of the
// time of the default level for a file under 1% larger.
const FAST_DEFLATE = 1;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Re-yields `source`, hashing and counting on the way: a file is read once, never held
 * whole in memory, and its manifest entry is known when the ZIP has consumed it.
 */
function hashing(
	source: () => AsyncIterable<Buffer> | Iterable<Buffer>,
	done: (digest: { size: number; sha256: string }) => void
): Readable {
	async function* run() {
		const hash = createHash('sha256');
		let size = 0;
		for await (const chunk of source()) {
			hash.update(chunk);
			size += chunk.length;
			yield chunk;
		}
		done({ size, sha256: hash.digest('hex') });
	}
	return Readable.from(run(), { objectMode: false });
}

/**
 * One page of audit-log.jsonl, written by SQLite: each row as a JSON object with the keys
 * in this order (what JSON.stringify gave of the row before, so the file is unchanged),
 * joined into one UTF-8 buffer. Building 100,000 row objects and their JSON in JavaScript
 * took a quarter of the request thread's time on a large bundle. SQLite escapes strings
 * as JSON.stringify does; a value JSON cannot hold (a blob: the file was altered by hand)
 * fails the query, and with it the download, rather than writing a log that cannot verify.
 */
const AUDIT_PAGE_SQL = `SELECT count(*) AS n, max(seq) AS last,
	CAST(string_agg(json_object('seq', seq, 'at', at, 'actorId', actor_id,
		'actorLabel', actor_label, 'role', role, 'orgId', org_id, 'action', action,
		'entity', entity, 'entityId', entity_id, 'assessmentId', assessment_id,
		'version', version, 'summary', summary, 'stateHash', state_hash,
		'entryHash', entry_hash, 'chainHash', chain_hash) || char(10), '' ORDER BY seq) AS BLOB) AS lines
	FROM (SELECT * FROM audit_log WHERE assessment_id = ? AND seq > ? AND seq <= ?
	      ORDER BY seq LIMIT ?)`;

function chainHead(db: Db): ChainHead {
	const row = db.$client
		.prepare('SELECT seq, chain_hash AS chainHash FROM audit_log ORDER BY seq DESC LIMIT 1')
		.get() as ChainHead | undefined;
	if (!row) throw new Error('audit log is empty');
	return row;
}

/**
 * audit-log.jsonl, page by page: a statement iterator would keep the shared connection
 * busy for the whole download, so each page is a short query of its own.
 */
function* auditLines(
	db: Db,
	assessmentId: string,
	head: ChainHead,
	count: (n: number) => void
): Generator<Buffer> {
	const page = db.$client.prepare(AUDIT_PAGE_SQL);
	let after = 0;
	let n = 0;
	for (;;) {
		const {
			n: rows,
			last,
			lines
		} = page.get(assessmentId, after, head.seq, AUDIT_PAGE) as {
			n: number;
			last: number | null;
			lines: Buffer | null;
		};
		if (rows === 0 || last === null || lines === null) break;
		n += rows;
		after = last;
		yield lines;
	}
	count(n);
	yield Buffer.from(JSON.stringify({ chainHead: head }) + '\n', 'utf8');
}

function checksums(files: ManifestFile[]): Buffer {
	return Buffer.from(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
}

/**
 * The evidence bundle of `record` as a ZIP stream (format: docs/evidence-bundle.md).
 * Attachments and the audit log are streamed and hashed on the way; the manifest, which
 * needs every hash, is written last and signed. Resolves once the stream can be sent;
 * a fault after that (a file changed on disk) destroys the stream, so the download fails
 * rather than delivering a bundle that does not verify.
 */
export async function buildBundle(options: BundleOptions): Promise<Readable> {
	const { db, record, locale, key } = options;
	const now = options.now ?? new Date();
	const assessmentId = record.assessment.id;

	const attachments = record.content.attachments.map((a) => {
		const opened = openAttachment(db, assessmentId, a.id);
		if (!opened) throw new Error(`attachment ${a.id} of ${assessmentId} not found`);
		return { meta: a, path: attachmentPath(a.id, a.name), open: opened.stream };
	});
	const report = await options.renderReport(record, locale);
	options.onReady?.();
	const head = chainHead(db);
	// The steps below are synchronous, tens of milliseconds each for a 200-risk record
	// (the export's audit commit, the report's CRC-32, assessment.json): other requests are
	// let in between them rather than held for all of them (bench:responsive).
	await yieldToEventLoop();

	const zip = new ZipFile();
	const output = zip.outputStream as Readable;
	const fail = (e: unknown) => output.destroy(e instanceof Error ? e : new Error(String(e)));
	zip.on('error', fail);
	const entryOptions = { mtime: now, mode: 0o100644 };

	const files: ManifestFile[] = [];
	const pending: Promise<void>[] = [];
	// A download cut short must not leave attachment files open.
	const sources = new Set<Readable>();
	output.once('close', () => sources.forEach((s) => s.destroy()));
	const addBuffer = (path: string, bytes: Buffer, compress: boolean) => {
		zip.addBuffer(bytes, path, { ...entryOptions, compress });
		files.push({ path, size: bytes.length, sha256: sha256(bytes) });
	};
	const addStream = (
		path: string,
		source: () => AsyncIterable<Buffer> | Iterable<Buffer>,
		opts: { compress?: boolean; compressionLevel?: number; size?: number },
		check?: (digest: ManifestFile) => void
	) => {
		const slot: ManifestFile = { path, size: 0, sha256: '' };
		files.push(slot);
		pending.push(
			new Promise<void>((resolve, reject) => {
				zip.addReadStreamLazy(path, { ...entryOptions, ...opts }, (cb) => {
					const stream = hashing(source, (digest) => {
						Object.assign(slot, digest);
						try {
							check?.(slot);
							resolve();
						} catch (e) {
							reject(e as Error);
						}
					});
					sources.add(stream);
					stream.once('close', () => sources.delete(stream));
					stream.on('error', (e) => {
						reject(e);
					});
					cb(null, stream);
				});
			})
		);
	};

	// Stored, not deflated: a PDF is compressed inside already, and its bytes stay
	// addressable in the ZIP (the end-to-end test flips one in place).
	addBuffer(FILES.report, report, false);
	await yieldToEventLoop();
	const assessmentJson = assessmentJsonBytes(record);
	await yieldToEventLoop();
	addBuffer(FILES.assessment, assessmentJson, true);
	let entries = 0;
	addStream(FILES.auditLog, () => auditLines(db, assessmentId, head, (n) => (entries = n)), {
		compressionLevel: FAST_DEFLATE
	});
	for (const a of attachments) {
		addStream(
			a.path,
			() => a.open() as AsyncIterable<Buffer>,
			{ compress: COMPRESSIBLE_MIME.has(a.meta.mime), size: a.meta.size },
			(digest) => {
				if (digest.sha256 !== a.meta.sha256) {
					throw new Error(`attachment ${a.meta.id}: file on disk differs from its recorded hash`);
				}
			}
		);
	}
	const base = {
		format: BUNDLE_FORMAT,
		assessmentId,
		versionNumber: record.versionNumber,
		contentHash: record.contentHash,
		generatedAt: now.toISOString(),
		generator: { ...GENERATOR },
		locale,
		signature: { algorithm: 'Ed25519', publicKeyFingerprint: key.fingerprint }
	} satisfies Omit<Manifest, 'files' | 'auditLog'>;
	addBuffer(FILES.readme, Buffer.from(verifyReadme(base), 'utf8'), true);

	Promise.all(pending)
		.then(async () => {
			addBuffer(FILES.checksums, checksums(files), true);
			const manifest: Manifest = {
				...base,
				auditLog: { entries, chainHead: head },
				files
			};
			const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
			zip.addBuffer(bytes, FILES.manifest, { ...entryOptions, compress: true });
			zip.addBuffer(signBytes(key, bytes), FILES.signature, { ...entryOptions, compress: false });
			zip.addBuffer(Buffer.from(key.publicKeyPem, 'utf8'), FILES.publicKey, {
				...entryOptions,
				compress: false
			});
			const stamp = await timestampManifest(bytes);
			if (stamp) zip.addBuffer(stamp, FILES.timestamp, { ...entryOptions, compress: false });
			zip.end();
		})
		.catch(fail);
	return output;
}
