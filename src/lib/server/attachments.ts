import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, statSync, type ReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { StepKey } from '$lib/domain/method/steps';
import { assessments, attachments, users, type Assessment, type Attachment } from './db/schema';
import { dataDir, type Db } from './db';
import { prepared } from './db/prepared';
import { mutate, type Actor } from './audit';
import { newId } from './ids';
import { isFrozen } from './steps';

/** 20 MB: a vendor's contract or a scanned certificate fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * The accepted types. The type is what the content is (magic bytes), and the name's
 * extension must agree with it: a `.pdf` that is really an HTML page is refused.
 */
export const ATTACHMENT_TYPES = {
	pdf: { mime: 'application/pdf', label: 'PDF', extensions: ['pdf'] },
	png: { mime: 'image/png', label: 'PNG', extensions: ['png'] },
	jpeg: { mime: 'image/jpeg', label: 'JPEG', extensions: ['jpg', 'jpeg'] },
	docx: {
		mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		label: 'DOCX',
		extensions: ['docx']
	},
	xlsx: {
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		label: 'XLSX',
		extensions: ['xlsx']
	},
	odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'ODT', extensions: ['odt'] },
	csv: { mime: 'text/csv', label: 'CSV', extensions: ['csv'] }
} as const;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;

/** For the file input's `accept` attribute (a hint for the browser; the server decides). */
export const ACCEPT_ATTRIBUTE = Object.values(ATTACHMENT_TYPES)
	.flatMap((t) => t.extensions.map((e) => `.${e}`))
	.join(',');

/** file-type's extension → accepted kind (anything else is refused). */
const DETECTED: Record<string, AttachmentKind> = {
	pdf: 'pdf',
	png: 'png',
	jpg: 'jpeg',
	docx: 'docx',
	xlsx: 'xlsx',
	odt: 'odt'
};

/**
 * Why an upload was refused, as data the page turns into a sentence. `detected` is a
 * format label ("PNG", "ZIP", "EXE"…) or one of 'html', 'text', 'binary', 'unknown'.
 */
export type AttachmentErrorCode =
	'no_file' | 'empty' | 'too_large' | 'bad_extension' | 'mismatch' | 'not_utf8' | 'frozen';

export interface AttachmentErrorInfo {
	code: AttachmentErrorCode;
	name?: string;
	size?: number;
	expected?: string;
	detected?: string;
}

export class AttachmentError extends Error {
	constructor(readonly info: AttachmentErrorInfo) {
		super(`attachment refused: ${info.code}`);
	}
}

export function attachmentsDir(): string {
	return join(dataDir(), 'attachments');
}

const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name as shown and offered back on download: no directory part, no control or
 * bidirectional-override characters (which can disguise "gpj.exe" as "exe.jpg"), at most
 * 200 characters with the extension kept.
 */
export function cleanFileName(name: string): string {
	const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
	// Code points, not UTF-16 units: a cut never leaves half a surrogate pair.
	const clean = Array.from(base.replace(UNSAFE_NAME_CHARACTERS, '').trim());
	if (clean.length <= 200) return clean.join('');
	const dot = clean.lastIndexOf('.');
	const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : [];
	return [...clean.slice(0, 200 - ext.length), ...ext].join('');
}

function kindOfName(name: string): AttachmentKind | undefined {
	const dot = name.lastIndexOf('.');
	if (dot < 0) return undefined;
	const ext = name.slice(dot + 1).toLowerCase();
	return (Object.keys(ATTACHMENT_TYPES) as AttachmentKind[]).find((k) =>
		(ATTACHMENT_TYPES[k].extensions as readonly string[]).includes(ext)
	);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
	try {
		return utf8.decode(bytes);
	} catch {
		return undefined;
	}
}

/** A page or a script rather than data: what a browser could be tricked into running. */
function looksLikeHtml(text: string): boolean {
	const start = text
		.replace(/^\uFEFF/, '')
		.slice(0, 1024)
		.trimStart()
		.toLowerCase();
	return ['<html', '<!doctype', '<script', '<head', '<body', '<iframe', '<svg', '<?xml'].some(
		(tag) => start.includes(tag)
	);
}

/** What the content looks like, for the refusal message. */
function describe(bytes: Uint8Array, fileTypeExt: string | undefined): string {
	if (fileTypeExt) {
		const kind = DETECTED[fileTypeExt];
		return kind ? ATTACHMENT_TYPES[kind].label : fileTypeExt.toUpperCase();
	}
	const text = decodeUtf8(bytes);
	if (text === undefined || text.includes('\u0000')) return 'binary';
	return looksLikeHtml(text) ? 'html' : 'text';
}

/**
 * Checks an upload from its content and returns its kind, or throws AttachmentError
 * with the precise reason. Nothing is written.
 */
export async function inspect(name: string, bytes: Uint8Array): Promise<AttachmentKind> {
	if (bytes.length === 0) throw new AttachmentError({ code: 'empty', name });
	if (bytes.length > MAX_ATTACHMENT_BYTES) {
		throw new AttachmentError({ code: 'too_large', name, size: bytes.length });
	}
	const claimed = kindOfName(name);
	if (!claimed) throw new AttachmentError({ code: 'bad_extension', name });
	const expected = ATTACHMENT_TYPES[claimed].label;
	const detected = await fileTypeFromBuffer(bytes);
	if (claimed === 'csv') {
		// CSV has no magic bytes: it is UTF-8 text without NUL that is not a page or a script.
		// Magic numbers only describe a refusal: on text they misfire ("BMI;poids" reads as
		// a BMP image, "FORMATION;…" as AIFF sound).
		const text = decodeUtf8(bytes);
		if (text === undefined || text.includes('\u0000')) {
			if (!detected && text === undefined) throw new AttachmentError({ code: 'not_utf8', name });
			const found = describe(bytes, detected?.ext);
			throw new AttachmentError({ code: 'mismatch', name, expected, detected: found });
		}
		if (looksLikeHtml(text)) {
			throw new AttachmentError({ code: 'mismatch', name, expected, detected: 'html' });
		}
		// A PDF may be pure ASCII; its signature is unambiguous.
		if (text.replace(/^\uFEFF/, '').startsWith('%PDF-')) {
			throw new AttachmentError({ code: 'mismatch', name, expected, detected: 'PDF' });
		}
		return 'csv';
	}
	if (detected && DETECTED[detected.ext] === claimed) return claimed;
	throw new AttachmentError({
		code: 'mismatch',
		name,
		expected,
		detected: describe(bytes, detected?.ext)
	});
}

/** The assessment as it is now, read inside the transaction: decided or archived means frozen. */
function assertNotFrozen(db: Db, assessmentId: string) {
	const current = db
		.select({ status: assessments.status, archivedAt: assessments.archivedAt })
		.from(assessments)
		.where(eq(assessments.id, assessmentId))
		.get();
	if (!current || isFrozen(current)) throw new AttachmentError({ code: 'frozen' });
}

async function writeDurably(path: string, bytes: Uint8Array) {
	const handle = await open(path, 'wx', 0o600);
	try {
		await handle.writeFile(bytes);
		await handle.sync();
	} finally {
		await handle.close();
	}
}

export interface NewAttachment {
	name: string;
	bytes: Uint8Array;
}

/**
 * Stores an attachment: checked from its content, written under a generated name
 * (temporary name, fsync, rename), then recorded with its SHA-256 and audited in one
 * transaction. If anything fails, the file is removed: nothing is half-saved.
 */
export async function saveAttachment(
	db: Db,
	actor: Actor & { userId: string },
	assessment: Pick<Assessment, 'id' | 'orgId'>,
	step: StepKey | null,
	file: NewAttachment
): Promise<Attachment> {
	const name = cleanFileName(file.name);
	const kind = await inspect(name, file.bytes);
	assertNotFrozen(db, assessment.id);
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	const id = newId();
	const storedName = newId();
	const dir = attachmentsDir();
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const finalPath = join(dir, storedName);
	const tempPath = join(dir, `.${storedName}.part`);
	try {
		await writeDurably(tempPath, file.bytes);
		await rename(tempPath, finalPath);
		return mutate(db, actor, (tx) => {
			assertNotFrozen(tx, assessment.id);
			const row = tx
				.insert(attachments)
				.values({
					id,
					assessmentId: assessment.id,
					step,
					originalName: name,
					storedName,
					mime: ATTACHMENT_TYPES[kind].mime,
					size: file.bytes.length,
					sha256,
					uploadedBy: actor.userId
				})
				.returning()
				.get();
			return {
				result: row,
				event: {
					action: 'attachment.upload',
					entity: 'attachment',
					entityId: row.id,
					assessmentId: assessment.id,
					orgId: assessment.orgId,
					summary: `${step ?? 'assessment'}: ${name} (${ATTACHMENT_TYPES[kind].label}, ${row.size} bytes, sha256 ${sha256})`,
					state: row
				}
			};
		});
	} catch (e) {
		await rm(tempPath, { force: true });
		await rm(finalPath, { force: true });
		throw e;
	}
}

export interface AttachmentListItem {
	id: string;
	name: string;
	mime: string;
	label: string;
	size: number;
	sha256: string;
	uploadedBy: string;
	createdAt: string;
}

export function labelOfMime(mime: string): string {
	return Object.values(ATTACHMENT_TYPES).find((t) => t.mime === mime)?.label ?? mime;
}

/** The attachments of one step, oldest first. */
export function listAttachments(db: Db, assessmentId: string, step: StepKey): AttachmentListItem[] {
	return attachmentsOfStep(db)
		.all({ assessmentId, step })
		.map((r) => ({ ...r, label: labelOfMime(r.mime) }));
}

/** Every step page lists its attachments: built once (db/prepared.ts). */
const attachmentsOfStep = prepared((db) =>
	db
		.select({
			id: attachments.id,
			name: attachments.originalName,
			mime: attachments.mime,
			size: attachments.size,
			sha256: attachments.sha256,
			uploadedBy: users.name,
			createdAt: attachments.createdAt
		})
		.from(attachments)
		.innerJoin(users, eq(users.id, attachments.uploadedBy))
		.where(
			and(
				eq(attachments.assessmentId, sql.placeholder('assessmentId')),
				eq(attachments.step, sql.placeholder('step'))
			)
		)
		.orderBy(asc(attachments.createdAt), asc(attachments.id))
		.prepare()
);

/**
 * An attachment of this assessment, ready to be streamed; undefined if there is no such
 * attachment in this assessment. A missing or truncated file is an integrity fault (throws).
 */
export function openAttachment(
	db: Db,
	assessmentId: string,
	attachmentId: string
): { row: Attachment; stream: () => ReadStream } | undefined {
	const row = db
		.select()
		.from(attachments)
		.where(and(eq(attachments.id, attachmentId), eq(attachments.assessmentId, assessmentId)))
		.get();
	if (!row) return undefined;
	if (!/^[a-z0-9]+$/.test(row.storedName)) throw new Error(`attachment ${row.id}: bad stored name`);
	const path = join(attachmentsDir(), row.storedName);
	const stat = statSync(path, { throwIfNoEntry: false });
	if (!stat || stat.size !== row.size) {
		throw new Error(`attachment ${row.id}: file missing or of the wrong size`);
	}
	return { row, stream: () => createReadStream(path) };
}

/** `Content-Disposition` that never lets the browser display the file (RFC 6266 / 8187). */
export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()
	);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
