import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	AttachmentError,
	MAX_ATTACHMENT_BYTES,
	attachmentsDir,
	cleanFileName,
	contentDisposition,
	listAttachments,
	openAttachment,
	saveAttachment
} from './attachments';
import { addComment, listComments } from './comments';
import { assessments } from './db/schema';
import * as audit from './audit';
import { demoEmail, seedDemo } from './seed';
import { findByEmail } from './users';
import { FrozenError } from './steps';
import { tempDatabase } from './testing/temp-db';

/** A minimal but well-formed PDF 1.4 (one empty page), with a correct xref table. */
function minimalPdf(): Uint8Array {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(out);
}

/** A valid 1×1 PNG (one opaque pixel). */
const PNG_1X1 = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
		'base64'
	)
);

const CSV = new TextEncoder().encode(
	'\uFEFFagenda;créneaux;secrétaire\nGynécologie;12;Mme Martin\nPédiatrie;8;M. Petit\n'
);
const HTML = new TextEncoder().encode(
	'<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n'
);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('attachments', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let dataDir: string;
	let previousDataDir: string | undefined;
	let assessment: typeof assessments.$inferSelect;
	let actor: audit.Actor & { userId: string };

	const rowCount = () =>
		(ctx.db.$client.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;
	const filesOnDisk = () => readdirSync(attachmentsDir());

	async function refusal(name: string, bytes: Uint8Array) {
		const rows = rowCount();
		const files = filesOnDisk();
		const e = await saveAttachment(ctx.db, actor, assessment, 'screening', { name, bytes }).then(
			() => undefined,
			(err: unknown) => err
		);
		expect(rowCount()).toBe(rows);
		expect(filesOnDisk()).toEqual(files);
		return e;
	}

	beforeAll(async () => {
		previousDataDir = process.env.WORKBENCH_DATA_DIR;
		dataDir = mkdtempSync(join(tmpdir(), 'workbench-attachments-'));
		process.env.WORKBENCH_DATA_DIR = dataDir;
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		assessment = ctx.db.select().from(assessments).get()!;
		const user = findByEmail(ctx.db, demoEmail('contributor'))!;
		actor = { userId: user.id, label: user.email, role: 'contributor', orgId: assessment.orgId };
		// The directory exists from the first save on; create it so refusals can list it.
		await saveAttachment(ctx.db, actor, assessment, null, { name: 'init.csv', bytes: CSV });
	});

	afterAll(() => {
		ctx.dispose();
		rmSync(dataDir, { recursive: true, force: true });
		if (previousDataDir === undefined) delete process.env.WORKBENCH_DATA_DIR;
		else process.env.WORKBENCH_DATA_DIR = previousDataDir;
	});

	it.each([
		['Contrat fournisseur.pdf', minimalPdf(), 'application/pdf'],
		['capture.png', PNG_1X1, 'image/png'],
		['planning des secrétaires.csv', CSV, 'text/csv']
	])('accepts %s, stores it under a generated name with its SHA-256', async (name, bytes, mime) => {
		const row = await saveAttachment(ctx.db, actor, assessment, 'screening', { name, bytes });
		expect(row).toMatchObject({
			assessmentId: assessment.id,
			step: 'screening',
			originalName: name,
			mime,
			size: bytes.length,
			sha256: sha256(bytes),
			uploadedBy: actor.userId
		});
		expect(row.storedName).toMatch(/^[a-z0-9]+$/);
		expect(row.storedName).not.toContain(name);
		const onDisk = readFileSync(join(dataDir, 'attachments', row.storedName));
		expect(sha256(onDisk)).toBe(row.sha256);
		expect(filesOnDisk().filter((f) => f.endsWith('.part'))).toEqual([]);

		const listed = listAttachments(ctx.db, assessment.id, 'screening').find((a) => a.id === row.id);
		expect(listed).toMatchObject({
			name,
			mime,
			sha256: row.sha256,
			uploadedBy: 'Claire Contributrice'
		});

		const opened = openAttachment(ctx.db, assessment.id, row.id)!;
		const chunks: Buffer[] = [];
		for await (const chunk of opened.stream()) chunks.push(chunk as Buffer);
		expect(sha256(Buffer.concat(chunks))).toBe(row.sha256);
		// Another assessment's id does not open it.
		expect(openAttachment(ctx.db, 'another-assessment', row.id)).toBeUndefined();

		const entry = audit.entriesFor(ctx.db, assessment.id, 1)[0];
		expect(entry).toMatchObject({ action: 'attachment.upload', entityId: row.id });
		expect(entry?.summary).toContain(row.sha256);
	});

	it('refuses an HTML page named .pdf, saying the content is not a PDF', async () => {
		const e = await refusal('contrat.pdf', HTML);
		expect(e).toBeInstanceOf(AttachmentError);
		expect((e as AttachmentError).info).toEqual({
			code: 'mismatch',
			name: 'contrat.pdf',
			expected: 'PDF',
			detected: 'html'
		});
	});

	it('refuses HTML or a script named .csv, binary named .csv, and non-UTF-8 text', async () => {
		const html = (await refusal('export.csv', HTML)) as AttachmentError;
		expect(html.info).toMatchObject({ code: 'mismatch', expected: 'CSV', detected: 'html' });
		const script = new TextEncoder().encode('  <SCRIPT>fetch("/")</SCRIPT>;a;b\n');
		expect(((await refusal('a.csv', script)) as AttachmentError).info.detected).toBe('html');
		const png = (await refusal('export.csv', PNG_1X1)) as AttachmentError;
		expect(png.info).toMatchObject({ code: 'mismatch', expected: 'CSV', detected: 'PNG' });
		const nul = (await refusal(
			'a.csv',
			Uint8Array.from([0x61, 0x3b, 0x00, 0x0a])
		)) as AttachmentError;
		expect(nul.info).toMatchObject({ code: 'mismatch', detected: 'binary' });
		const pdf = (await refusal('export.csv', minimalPdf())) as AttachmentError;
		expect(pdf.info).toMatchObject({ code: 'mismatch', expected: 'CSV', detected: 'PDF' });
		// "é" in Windows-1252, as an old spreadsheet export would have it.
		const latin1 = Uint8Array.from([0x63, 0x72, 0xe9, 0x6e, 0x65, 0x61, 0x75, 0x0a]);
		expect(((await refusal('a.csv', latin1)) as AttachmentError).info.code).toBe('not_utf8');
	});

	it('accepts CSV text whose first bytes happen to look like a magic number', async () => {
		for (const text of ['BMI;poids\n24,2;70\n', 'FORMATION;heures\nRGPD;7\n', 'MZ;x\n1;2\n']) {
			const bytes = new TextEncoder().encode(text);
			const row = await saveAttachment(ctx.db, actor, assessment, 'context', {
				name: 'donnees.csv',
				bytes
			});
			expect(row.mime).toBe('text/csv');
		}
	});

	it('refuses a PNG named .pdf, a PDF named .png and an unaccepted extension', async () => {
		const a = (await refusal('scan.pdf', PNG_1X1)) as AttachmentError;
		expect(a.info).toMatchObject({ code: 'mismatch', expected: 'PDF', detected: 'PNG' });
		const b = (await refusal('photo.png', minimalPdf())) as AttachmentError;
		expect(b.info).toMatchObject({ code: 'mismatch', expected: 'PNG', detected: 'PDF' });
		const c = (await refusal('page.html', HTML)) as AttachmentError;
		expect(c.info).toMatchObject({ code: 'bad_extension' });
		const d = (await refusal('contrat', minimalPdf())) as AttachmentError;
		expect(d.info).toMatchObject({ code: 'bad_extension' });
	});

	it('refuses an empty file and one over 20 MB', async () => {
		expect(((await refusal('vide.pdf', new Uint8Array())) as AttachmentError).info.code).toBe(
			'empty'
		);
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		big.set(minimalPdf());
		const e = (await refusal('gros.pdf', big)) as AttachmentError;
		expect(e.info).toEqual({ code: 'too_large', name: 'gros.pdf', size: MAX_ATTACHMENT_BYTES + 1 });
		// Exactly 20 MB is accepted.
		const limit = new Uint8Array(MAX_ATTACHMENT_BYTES);
		limit.set(minimalPdf());
		const row = await saveAttachment(ctx.db, actor, assessment, 'screening', {
			name: 'limite.pdf',
			bytes: limit
		});
		expect(row.size).toBe(MAX_ATTACHMENT_BYTES);
	});

	it('leaves no file and no row when the database refuses the record', async () => {
		const rows = rowCount();
		const files = filesOnDisk();
		const auditRows = audit.entriesFor(ctx.db, assessment.id, 1000).length;
		const ghost = { ...actor, userId: 'no-such-user' };
		await expect(
			saveAttachment(ctx.db, ghost, assessment, 'screening', { name: 'a.pdf', bytes: minimalPdf() })
		).rejects.toThrow(/FOREIGN KEY/);
		expect(rowCount()).toBe(rows);
		expect(filesOnDisk()).toEqual(files);
		expect(audit.entriesFor(ctx.db, assessment.id, 1000).length).toBe(auditRows);
	});

	it('refuses uploads and comments on a decided assessment', async () => {
		const set = (status: string) =>
			ctx.db.$client
				.prepare('UPDATE assessments SET status = ? WHERE id = ?')
				.run(status, assessment.id);
		set('decided');
		try {
			const e = (await refusal('a.pdf', minimalPdf())) as AttachmentError;
			expect(e.info.code).toBe('frozen');
			expect(() => addComment(ctx.db, actor, assessment, 'screening', 'Trop tard ?')).toThrow(
				FrozenError
			);
		} finally {
			set('draft');
		}
	});

	it('keeps the name readable but harmless, and downloads it as an attachment', () => {
		expect(cleanFileName('C:\\Users\\x\\Contrat.pdf')).toBe('Contrat.pdf');
		expect(cleanFileName('../../etc/passwd.csv')).toBe('passwd.csv');
		expect(cleanFileName('facture\u202Efdp.exe\u0000.pdf')).toBe('facturefdp.exe.pdf');
		const long = cleanFileName('é'.repeat(300) + '.docx');
		expect(long).toHaveLength(200);
		expect(long.endsWith('.docx')).toBe(true);
		expect(contentDisposition("Contrat (v2) l'éditeur.pdf")).toBe(
			`attachment; filename="Contrat (v2) l'_diteur.pdf"; filename*=UTF-8''Contrat%20%28v2%29%20l%27%C3%A9diteur.pdf`
		);
	});

	it('keeps comments per step, oldest first, audited, at most 5000 characters', () => {
		addComment(ctx.db, actor, assessment, 'screening', '  Premier avis.  ');
		addComment(ctx.db, actor, assessment, 'screening', 'Deuxième\navis.');
		addComment(ctx.db, actor, assessment, 'context', 'Autre étape.');
		const list = listComments(ctx.db, assessment.id, 'screening');
		expect(list.map((c) => c.body)).toEqual(['Premier avis.', 'Deuxième\navis.']);
		expect(list[0]?.author).toBe('Claire Contributrice');
		expect(audit.entriesFor(ctx.db, assessment.id, 1)[0]).toMatchObject({ action: 'comment.add' });
		expect(() => addComment(ctx.db, actor, assessment, 'screening', 'x'.repeat(5001))).toThrow();
		expect(() => addComment(ctx.db, actor, assessment, 'screening', '   ')).toThrow();
		expect(listComments(ctx.db, assessment.id, 'screening')).toHaveLength(2);
		expect(audit.verify(ctx.db)).toMatchObject({ ok: true });
	});
});
