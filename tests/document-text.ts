import type { APIResponse } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import yauzl from 'yauzl';

/** Text without whitespace: extraction may break a line anywhere, so compare squashed. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** The text of a downloaded PDF, squashed. */
export async function pdfText(response: APIResponse): Promise<string> {
	const body = await response.body();
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), {
		mergePages: true
	});
	return squash(text);
}

/** word/document.xml of a downloaded DOCX, read with a plain ZIP reader (not the writer's). */
function documentXml(docx: Buffer): Promise<string> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
			if (err || !zip) return reject(err ?? new Error('not a ZIP file'));
			zip.on('entry', (entry: yauzl.Entry) => {
				if (entry.fileName !== 'word/document.xml') return zip.readEntry();
				zip.openReadStream(entry, (e, stream) => {
					if (e || !stream) return reject(e ?? new Error('unreadable entry'));
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

const ENTITIES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&apos;': "'"
};

/** The text runs of a downloaded DOCX, joined (a sentence may be split across runs), squashed. */
export async function docxText(response: APIResponse): Promise<string> {
	const xml = await documentXml(await response.body());
	const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
		m[1]!.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]!)
	);
	return squash(runs.join(''));
}
