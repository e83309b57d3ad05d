import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { ASSESSMENT_STATES } from '$lib/domain/workflow';
import { pdfSafeText } from './pdf-glyphs';
import { renderReportPdf } from './documents';
import { signedDemo, type SignedFixture } from './report-fixture';

const require = createRequire(import.meta.url);
// fontkit comes with pdfmake (through pdfkit): the same library that embeds the font.
const fontkit = require('fontkit') as {
	openSync(path: string): { hasGlyphForCodePoint(cp: number): boolean };
};
const font = fontkit.openSync(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

/** The French report's text, with audit entries whose stored codes must not show. */
async function frenchReportText(fx: SignedFixture): Promise<string> {
	const q = fx.ctx.db.$client;
	const last = q.prepare('SELECT MAX(seq) AS seq FROM audit_log').get() as
		{ seq: number } | undefined;
	void last;
	const record = fx.record();
	record.history = [
		...record.history,
		{
			...record.history[0]!,
			id: randomUUID(),
			action: 'workflow.submit_for_review',
			summary: 'draft → in_review'
		},
		{
			...record.history[0]!,
			id: randomUUID(),
			action: 'workflow.close_opinions',
			summary: 'opinions → awaiting_decision (version 2)'
		},
		{
			...record.history[0]!,
			id: randomUUID(),
			action: 'assessment.export',
			summary: 'report.pdf (PDF, fr) of version 1 exported'
		},
		{
			...record.history[0]!,
			id: randomUUID(),
			action: 'decision.sign',
			summary: 'approve_with_conditions on 0123456789ab; version 1 frozen'
		}
	] as typeof record.history;
	const pdf = await renderReportPdf(record, 'fr');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
		mergePages: true
	});
	return text;
}

describe('French report read on its own', () => {
	let fx: SignedFixture;
	let text: string;
	beforeAll(async () => {
		fx = await signedDemo();
		text = await frenchReportText(fx);
	}, 120_000);
	afterAll(() => fx.ctx.dispose());

	it('prints no internal code: audit actions, workflow states, outcomes, document kinds', () => {
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).not.toMatch(
			/\b(workflow|assessment|step|opinion|decision|finding|attachment|comment)\.[a-z_]+\b/
		);
		for (const state of ASSESSMENT_STATES.filter((s) => s.includes('_'))) {
			expect(flat).not.toContain(state);
		}
		expect(flat).not.toMatch(/\b(in_progress|approve_with_conditions|refer_cnil)\b/);
		expect(flat).not.toMatch(/\breport\.pdf\b/);
		expect(flat).toContain('Relecture du DPO');
		expect(flat).toContain('Validé sous conditions');
		expect(flat).not.toContain('(1 entrées');
		expect(flat).not.toContain('((');
	});

	it('prints every character with a glyph of the embedded font', () => {
		// A character the font lacks is extracted as NUL (pdfmake printed nothing).
		expect(text).not.toContain('\u0000');
		const missing = [...new Set(text)].filter(
			(c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!)
		);
		expect(missing).toEqual([]);
	});

	it('maps the characters the font lacks to ones it has', () => {
		for (const c of pdfSafeText('départ → cible ✓ ↓ ⇒ 10\u202f%')) {
			expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
		}
	});
});
