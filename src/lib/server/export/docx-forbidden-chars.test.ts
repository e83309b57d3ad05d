/**
 * Finding (issue 12): "Word exports break on characters XML forbids (U+000B from a
 * Shift+Enter paste, U+000C, U+001B, U+FFFF): report.docx and record-of-processing.docx are
 * not well-formed, Word refuses them."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { AssessmentRecord } from '$lib/server/record';
import { renderDocumentOf } from './documents';
import { signedDemo, type SignedFixture } from './report-fixture';

const PASTED = 'Ligne collée\u000Bsuite\u000C\u001Bfin\uFFFF';

/** Every XML part of a .docx, read with a plain ZIP reader (not the library that wrote it). */
function xmlParts(docx: Buffer): Promise<Map<string, string>> {
	return new Promise((resolve, reject) => {
		const parts = new Map<string, string>();
		yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
			if (err || !zip) return reject(err);
			zip.on('entry', (entry: yauzl.Entry) => {
				if (!/\.(xml|rels)$/.test(entry.fileName)) return zip.readEntry();
				zip.openReadStream(entry, (e, stream) => {
					if (e || !stream) return reject(e);
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
						zip.readEntry();
					});
				});
			});
			zip.on('end', () => resolve(parts));
			zip.readEntry();
		});
	});
}

/** The code points outside XML 1.0's Char production (§2.2), written independently. */
function forbiddenCodePoints(xml: string): string[] {
	const bad: string[] = [];
	for (const ch of xml) {
		const c = ch.codePointAt(0)!;
		const ok =
			c === 0x9 ||
			c === 0xa ||
			c === 0xd ||
			(c >= 0x20 && c <= 0xd7ff) ||
			(c >= 0xe000 && c <= 0xfffd) ||
			(c >= 0x10000 && c <= 0x10ffff);
		if (!ok) bad.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
	}
	return bad;
}

/**
 * A strict enough well-formedness check without a parser dependency: one prolog at most,
 * every start tag closed in order, attributes quoted, one root element, entities known.
 */
function wellFormedProblems(xml: string): string[] {
	const problems: string[] = [];
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack: string[] = [];
	let roots = 0;
	for (const m of body.matchAll(
		/<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g
	)) {
		if (m[0] === '<' || m[0] === '&') {
			problems.push(`stray ${m[0]} at ${m.index}`);
			continue;
		}
		const [, closing, name, , selfClosing] = m;
		if (closing) {
			if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${m.index}`);
		} else if (!selfClosing) {
			if (stack.length === 0) roots++;
			stack.push(name!);
		} else if (stack.length === 0) roots++;
	}
	if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
	if (roots !== 1) problems.push(`${roots} root elements`);
	return problems;
}

/** The record with the pasted text in its title, description and every context text. */
function withPastedText(record: AssessmentRecord): AssessmentRecord {
	const paste = (v: unknown): unknown =>
		typeof v === 'string' && v.length > 0
			? `${v} ${PASTED}`
			: Array.isArray(v)
				? v.map(paste)
				: v && typeof v === 'object'
					? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, paste(x)]))
					: v;
	const title = `${record.assessment.title} ${PASTED}`;
	const context = record.content.steps.context;
	return {
		...record,
		assessment: { ...record.assessment, title, description: PASTED },
		content: {
			...record.content,
			title,
			description: PASTED,
			steps: { ...record.content.steps, context: { ...context, data: paste(context.data) } }
		}
	};
}

describe('Word exports break on characters XML forbids (U+000B, U+000C, U+001B, U+FFFF)', () => {
	let fx: SignedFixture;
	beforeAll(async () => (fx = await signedDemo()));
	afterAll(() => fx.ctx.dispose());

	for (const kind of ['report', 'record-of-processing'] as const) {
		const name = `${kind}.docx`;
		it(`${name} is well-formed XML and keeps the pasted text, line break included`, async () => {
			const docx = await renderDocumentOf(kind, 'docx', withPastedText(fx.record()), 'fr');
			const parts = await xmlParts(docx);
			const document = parts.get('word/document.xml');
			expect(document).toBeDefined();
			for (const [part, xml] of parts) {
				expect(forbiddenCodePoints(xml), part).toEqual([]);
				expect(wellFormedProblems(xml), part).toEqual([]);
			}
			// U+000B became a line break (<w:br/>) between the two halves of the paste.
			expect(document).toMatch(/Ligne collée<\/w:t>.*?<w:br\/>.*?suite/);
			expect(document).toContain('fin');
			expect(parts.get('docProps/core.xml')).toContain('Ligne collée');
		});
	}
});
