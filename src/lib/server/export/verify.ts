import {
	createHash,
	createPublicKey,
	verify as verifySignature,
	type KeyObject
} from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { canonicalHash } from '$lib/domain/canonical';
import { assessmentJsonSchema, type AssessmentJson } from './assessment-json';
import {
	attachmentPath,
	BUNDLE_FORMAT,
	FILES,
	UNLISTED,
	type Manifest,
	type ManifestFile
} from './bundle-format';
import { groupFingerprint, normaliseFingerprint, publicKeyFingerprint } from './signing-key';
import { AuditLogCheck } from './verify-audit';
import { checkBundleStates } from './verify-states';
import { checkTimestamp } from './verify-timestamp';

/**
 * The offline verifier of evidence bundles (docs/evidence-bundle.md): no database, no
 * network, only the ZIP. Every check runs even after a failure, so the report lists all
 * that is wrong, each naming the file, the expected and the found value.
 */
export interface VerifyOptions {
	/** PEM of the installation's public key: the bundled key must be this one. */
	pinnedKeyPem?: string;
	/** SHA-256 of the installation's public key (DER), hex, spaces or colons allowed. */
	pinnedFingerprint?: string;
	/** PEM of the CA that issued the TSA's certificate, to verify manifest.tsr. */
	tsaCaPem?: string;
}

export interface VerifyReport {
	ok: boolean;
	failures: string[];
	/** What was checked, for the reader of an OK. */
	notes: string[];
}

const SMALL_LIMIT = 10 * 1024 * 1024;
const ASSESSMENT_LIMIT = 200 * 1024 * 1024;

async function readEntries(zip: ZipFile, failures: string[]): Promise<Map<string, Entry>> {
	const entries = new Map<string, Entry>();
	for await (const entry of zip.eachEntry()) {
		// Directory entries hold no data; a re-zipped bundle may have gained some.
		if (entry.fileName.endsWith('/') && entry.uncompressedSize === 0) continue;
		if (entries.has(entry.fileName)) failures.push(`${entry.fileName}: present twice in the ZIP`);
		entries.set(entry.fileName, entry);
	}
	return entries;
}

/** Streams an entry, hashing it and handing each chunk to `onChunk`. */
async function digestEntry(
	zip: ZipFile,
	entry: Entry,
	onChunk?: (chunk: Buffer) => void
): Promise<{ size: number; sha256: string }> {
	const stream = await zip.openReadStreamPromise(entry);
	const hash = createHash('sha256');
	let size = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		hash.update(chunk);
		size += chunk.length;
		onChunk?.(chunk);
	}
	return { size, sha256: hash.digest('hex') };
}

async function readSmall(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
	if (entry.uncompressedSize > limit) throw new Error(`larger than ${limit} bytes`);
	const chunks: Buffer[] = [];
	await digestEntry(zip, entry, (c) => chunks.push(c));
	return Buffer.concat(chunks);
}

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

function manifestProblems(m: Partial<Manifest>): string | undefined {
	if (m.format !== BUNDLE_FORMAT) return `format is ${String(m.format)}, expected ${BUNDLE_FORMAT}`;
	if (!Array.isArray(m.files)) return 'no files list';
	for (const f of m.files as Partial<ManifestFile>[]) {
		if (typeof f?.path !== 'string' || !Number.isSafeInteger(f.size) || !isHash(f.sha256)) {
			return `malformed file entry ${JSON.stringify(f)}`;
		}
	}
	return undefined;
}

function checkSignature(
	manifestBytes: Buffer,
	signature: Buffer,
	pem: string,
	options: VerifyOptions,
	failures: string[],
	notes: string[]
): string | undefined {
	let key: KeyObject;
	try {
		key = createPublicKey(pem);
	} catch {
		failures.push(`${FILES.publicKey}: not a public key`);
		return undefined;
	}
	if (key.asymmetricKeyType !== 'ed25519') {
		failures.push(`${FILES.publicKey}: not an Ed25519 key (${String(key.asymmetricKeyType)})`);
		return undefined;
	}
	const fingerprint = publicKeyFingerprint(key);
	if (verifySignature(null, manifestBytes, key, signature)) {
		notes.push(`signature of ${FILES.manifest}: valid (Ed25519, ${FILES.publicKey})`);
	} else {
		failures.push(
			`${FILES.signature}: signature of ${FILES.manifest} does not verify with ${FILES.publicKey}`
		);
	}
	notes.push(`signing key fingerprint: ${groupFingerprint(fingerprint)}`);
	const pinned = options.pinnedKeyPem
		? publicKeyFingerprint(options.pinnedKeyPem)
		: options.pinnedFingerprint !== undefined
			? normaliseFingerprint(options.pinnedFingerprint)
			: undefined;
	if (options.pinnedKeyPem || options.pinnedFingerprint !== undefined) {
		if (pinned === undefined) failures.push('the pinned fingerprint is not 64 hex characters');
		else if (pinned !== fingerprint) {
			failures.push(
				`${FILES.publicKey}: not the installation key (fingerprint expected ${pinned}, found ${fingerprint})`
			);
		} else notes.push('signing key: the pinned installation key');
	} else {
		notes.push('signing key not pinned: compare the fingerprint with the installation’s');
	}
	return fingerprint;
}

function checkAssessment(
	bytes: Buffer,
	manifest: Manifest,
	files: Map<string, ManifestFile>,
	failures: string[],
	notes: string[]
): { json: AssessmentJson; content: unknown } | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(bytes.toString('utf8'));
	} catch {
		failures.push(`${FILES.assessment}: not JSON`);
		return undefined;
	}
	const result = assessmentJsonSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		failures.push(
			`${FILES.assessment}: does not match its schema (${issue?.path.join('.')}: ${issue?.message})`
		);
		return undefined;
	}
	const a: AssessmentJson = result.data;
	const recomputed = canonicalHash((parsed as { content: unknown }).content);
	if (recomputed !== a.contentHash) {
		failures.push(
			`${FILES.assessment}: contentHash expected ${a.contentHash}, found ${recomputed} (canonical SHA-256 of content)`
		);
	} else notes.push(`content hash: ${recomputed} (recomputed)`);
	if (a.contentHash !== manifest.contentHash) {
		failures.push(`${FILES.manifest}: contentHash differs from ${FILES.assessment}'s`);
	}
	if (a.assessment.id !== manifest.assessmentId || a.versionNumber !== manifest.versionNumber) {
		failures.push(`${FILES.manifest}: assessment or version differs from ${FILES.assessment}'s`);
	}
	// The content (signed by the opinions and the decision) binds each attachment's bytes.
	for (const att of a.content.attachments) {
		const path = attachmentPath(att.id, att.name);
		const f = files.get(path);
		if (!f) failures.push(`${path}: attachment of the content missing from the manifest`);
		else if (f.sha256 !== att.sha256 || f.size !== att.size) {
			failures.push(`${path}: sha256 expected ${att.sha256} (content), found ${f.sha256}`);
		}
	}
	return { json: a, content: (parsed as { content: unknown }).content };
}

/** Verifies the bundle at `path`. Never throws for a bad bundle: the report says why. */
export async function verifyBundle(
	path: string,
	options: VerifyOptions = {}
): Promise<VerifyReport> {
	const failures: string[] = [];
	const notes: string[] = [];
	const report = () => ({ ok: failures.length === 0, failures, notes });
	let zip: ZipFile;
	try {
		zip = await yauzl.openPromise(path, {
			lazyEntries: true,
			autoClose: false,
			strictFileNames: true
		});
	} catch (e) {
		failures.push(`${path}: not a ZIP file, or truncated (${(e as Error).message})`);
		return report();
	}
	try {
		const entries = await readEntries(zip, failures);
		const small = async (name: string, limit = SMALL_LIMIT) => {
			const entry = entries.get(name);
			if (!entry) {
				failures.push(`${name}: missing`);
				return undefined;
			}
			try {
				return await readSmall(zip, entry, limit);
			} catch (e) {
				failures.push(`${name}: cannot be read (${(e as Error).message})`);
				return undefined;
			}
		};
		const manifestBytes = await small(FILES.manifest);
		const signature = await small(FILES.signature);
		const pem = await small(FILES.publicKey);
		if (!manifestBytes) return report();
		if (signature && pem) {
			const fp = checkSignature(
				manifestBytes,
				signature,
				pem.toString('utf8'),
				options,
				failures,
				notes
			);
			const declared = tryParse(manifestBytes)?.signature?.publicKeyFingerprint;
			if (fp && declared !== fp) {
				failures.push(
					`${FILES.manifest}: key fingerprint expected ${fp}, found ${String(declared)}`
				);
			}
		}
		const manifest = tryParse(manifestBytes);
		const problem = manifest ? manifestProblems(manifest) : 'not JSON';
		if (!manifest || problem) {
			failures.push(`${FILES.manifest}: ${problem}`);
			return report();
		}
		await checkFiles(zip, entries, manifest, failures, notes);
		if (entries.has(FILES.timestamp)) {
			const reply = await small(FILES.timestamp);
			if (reply) await checkTimestamp(manifestBytes, reply, options.tsaCaPem, failures, notes);
		}
	} catch (e) {
		failures.push(`${path}: cannot be read as a ZIP (${(e as Error).message})`);
	} finally {
		zip.close();
	}
	return report();
}

function tryParse(bytes: Buffer): Manifest | undefined {
	try {
		const value: unknown = JSON.parse(bytes.toString('utf8'));
		return typeof value === 'object' && value !== null ? (value as Manifest) : undefined;
	} catch {
		return undefined;
	}
}

async function checkFiles(
	zip: ZipFile,
	entries: Map<string, Entry>,
	manifest: Manifest,
	failures: string[],
	notes: string[]
) {
	const listed = new Map<string, ManifestFile>();
	for (const f of manifest.files) {
		if (listed.has(f.path) || UNLISTED.includes(f.path)) {
			failures.push(`${FILES.manifest}: ${f.path} listed twice or not allowed`);
		}
		listed.set(f.path, f);
		if (!entries.has(f.path)) failures.push(`${f.path}: missing (listed in ${FILES.manifest})`);
	}
	for (const name of entries.keys()) {
		if (!listed.has(name) && !UNLISTED.includes(name)) {
			failures.push(`${name}: extra file, not in ${FILES.manifest}`);
		}
	}
	let assessment: ReturnType<typeof checkAssessment>;
	const assessmentEntry = entries.get(FILES.assessment);
	if (assessmentEntry && listed.has(FILES.assessment)) {
		const bytes = await readSmall(zip, assessmentEntry, ASSESSMENT_LIMIT).catch(() => undefined);
		if (bytes) assessment = checkAssessment(bytes, manifest, listed, failures, notes);
		else failures.push(`${FILES.assessment}: cannot be read`);
	}
	let checked = 0;
	for (const f of listed.values()) {
		const entry = entries.get(f.path);
		if (!entry) continue;
		const audit =
			f.path === FILES.auditLog
				? new AuditLogCheck(assessment?.json.assessment.id, assessment?.json.versionNumber)
				: undefined;
		const sums = f.path === FILES.checksums ? ([] as Buffer[]) : undefined;
		const lines = audit ? lineSplitter((l) => audit.line(l)) : undefined;
		let digest: { size: number; sha256: string };
		try {
			digest = await digestEntry(zip, entry, (c) => {
				lines?.push(c);
				sums?.push(c);
			});
		} catch (e) {
			failures.push(`${f.path}: cannot be read (${(e as Error).message})`);
			continue;
		}
		if (digest.sha256 !== f.sha256) {
			failures.push(`${f.path}: sha256 expected ${f.sha256}, found ${digest.sha256}`);
		} else if (digest.size !== f.size) {
			failures.push(`${f.path}: size expected ${f.size}, found ${digest.size}`);
		} else checked++;
		if (audit && lines) {
			lines.end();
			audit.finish(manifest.auditLog?.chainHead, manifest.auditLog?.entries);
			failures.push(...audit.failures);
			notes.push(
				`audit log: ${audit.entries} entries, each entry hash recomputed; ${audit.links} chain links checked` +
					(audit.anchored ? `; last entry is the chain head (seq ${audit.head?.seq})` : '')
			);
			if (assessment) {
				checkBundleStates(assessment.json, assessment.content, audit.claims, failures, notes);
			}
		}
		if (sums) checkChecksums(Buffer.concat(sums).toString('utf8'), manifest, failures);
	}
	notes.push(`${checked} of ${listed.size} files match ${FILES.manifest} (size and SHA-256)`);
}

function checkChecksums(text: string, manifest: Manifest, failures: string[]) {
	const expected = manifest.files
		.filter((f) => f.path !== FILES.checksums)
		.map((f) => `${f.sha256}  ${f.path}\n`)
		.join('');
	if (text !== expected) failures.push(`${FILES.checksums}: does not list the manifest's files`);
}

/** Splits a UTF-8 byte stream into lines (without the `\n`); the last line needs no `\n`. */
function lineSplitter(onLine: (line: string) => void) {
	const decoder = new StringDecoder('utf8');
	let rest = '';
	return {
		push(chunk: Buffer) {
			const text = rest + decoder.write(chunk);
			const parts = text.split('\n');
			rest = parts.pop() ?? '';
			for (const p of parts) onLine(p);
		},
		end() {
			const last = rest + decoder.end();
			if (last !== '') onLine(last);
		}
	};
}
