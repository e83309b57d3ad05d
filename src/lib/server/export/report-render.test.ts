import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import yauzl from 'yauzl';
import { renderDocumentOf, renderReportPdf } from './documents';
import { signedDemo, STALE_HASH, type SignedFixture } from './report-fixture';

/** The text of word/document.xml, read with a plain ZIP reader (not the library that wrote it). */
function documentXml(docx: Buffer): Promise<string> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
			if (err || !zip) return reject(err);
			zip.on('entry', (entry: yauzl.Entry) => {
				if (entry.fileName !== 'word/document.xml') return zip.readEntry();
				zip.openReadStream(entry, (e, stream) => {
					if (e || !stream) return reject(e);
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
				});
			});
			zip.on('end', () => reject(new Error('word/document.xml not found')));
			zip.readEntry();
		});
	});
}

/** Text runs of a WordprocessingML document, joined (a value may be split across runs). */
function wordText(xml: string): string {
	return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
		.map((m) =>
			m[1]!
				.replace(/&amp;/g, '&')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&apos;/g, "'")
		)
		.join('');
}

describe('report rendering', () => {
	let fx: SignedFixture;
	beforeAll(async () => (fx = await signedDemo()));
	afterAll(() => fx.ctx.dispose());

	it('PDF: text holds the decision, the signers, the content hash and the stale flag', async () => {
		const record = fx.record();
		const pdf = await renderReportPdf(record, 'fr');
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
			mergePages: true
		});
		// PDF text extraction may break lines anywhere: compare without whitespace.
		const flat = text.replace(/\s+/g, '');
		const has = (s: string) => expect(flat).toContain(s.replace(/\s+/g, ''));
		has('Validé sous conditions');
		has('Didier Directeur');
		has('Denise Délégée');
		has('Sophie Sécurité');
		has(record.contentHash);
		has(STALE_HASH);
		has('Périmée');
		has(record.assessment.title);
	});

	it('DOCX: a real Word package whose document holds the same facts', async () => {
		const record = fx.record();
		const docx = await renderDocumentOf('report', 'docx', record, 'en');
		expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
		const text = wordText(await documentXml(docx));
		for (const s of [
			'Approved with conditions',
			'Didier Directeur',
			'Denise Délégée',
			'Sophie Sécurité',
			record.contentHash,
			'Stale: the content changed after signing',
			record.assessment.title
		]) {
			expect(text).toContain(s);
		}
	});
});
