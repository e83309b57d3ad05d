import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RISK_CATALOGUE } from '$lib/domain/knowledge/risks/risk-catalogue';
import { matrixThresholdsSchema } from '$lib/domain/scoring';
import { REPORT_SECTION_IDS, reportModel } from './report-model';
import { HISTORY_ROWS as AUDIT_ROWS } from '$lib/server/record';
import { plainText, type Block, type DocModel } from './report-doc';
import { signedDemo, STALE_HASH, type SignedFixture } from './report-fixture';

const at = new Date('2026-11-23T12:00:00Z');

function section(doc: DocModel, id: string) {
	const found = doc.sections.find((s) => s.id === id);
	if (!found) throw new Error(`no section ${id}`);
	return found;
}

function tables(doc: DocModel, id: string) {
	return section(doc, id).blocks.filter(
		(b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table'
	);
}

describe('report model of the booking template', () => {
	let fx: SignedFixture;
	beforeEach(async () => (fx = await signedDemo()));
	afterEach(() => fx.ctx.dispose());

	it('has every section, in the method order, and a cover naming hospital, version and decision', () => {
		const doc = reportModel(fx.record(), 'fr', { generatedAt: at });
		expect(doc.sections.map((s) => s.id)).toEqual([...REPORT_SECTION_IDS]);
		for (const s of doc.sections) expect(s.blocks.length).toBeGreaterThan(0);
		const cover = Object.fromEntries(doc.cover!.fields.map((f) => [f.label, f.value]));
		expect(cover['Établissement']).toBe('Centre hospitalier de démonstration');
		expect(cover['Version']).toBe('Version 1 (de travail, non figée)');
		expect(cover['Décision']).toContain('Validé sous conditions');
		expect(cover['Décision']).toContain('Didier Directeur');
		expect(cover['Empreinte du contenu (SHA-256)']).toBe(fx.record().contentHash);
	});

	it('scores the risks on the organisation map: initial and residual levels', () => {
		const record = fx.record();
		const doc = reportModel(record, 'fr', { generatedAt: at });
		const [summary] = tables(doc, 'risks');
		// Template: the historical import keeps the catalogue's suggested S3 × L3, read
		// "Importante" on the default map; no measure yet, so residual = initial.
		expect(RISK_CATALOGUE[0]!.suggested).toMatchObject({ severity: 3, likelihood: 3 });
		expect(summary!.rows[0]).toEqual([
			expect.stringMatching(/^R1 — /),
			'Importante (G3 × V3)',
			'Importante (G3 × V3)',
			'0'
		]);
		// A stricter organisation map changes the level, not the scores.
		const allMax = matrixThresholdsSchema.parse({
			levels: [
				[4, 4, 4, 4],
				[4, 4, 4, 4],
				[4, 4, 4, 4],
				[4, 4, 4, 4]
			]
		});
		const strict = reportModel(record, 'fr', { generatedAt: at, thresholds: allMax });
		const rows = tables(strict, 'risks')[0]!.rows;
		expect(rows.every((r) => r[1]!.startsWith('Maximale'))).toBe(true);
		const map = section(doc, 'risks').blocks.find((b) => b.kind === 'riskMap');
		expect(map && map.kind === 'riskMap' && map.cells).toHaveLength(16);
		expect(map && map.kind === 'riskMap' && map.markers.length).toBe(2 * summary!.rows.length);
	});

	it('flags a stale signature and keeps the hash each one signed', () => {
		const record = fx.record();
		const text = plainText(reportModel(record, 'fr', { generatedAt: at }));
		expect(text).toContain(STALE_HASH);
		expect(text).toContain('Périmée : le contenu a changé depuis la signature');
		expect(text).toContain('À jour : signe le contenu actuel de la version');
		expect(text).toContain('Sophie Sécurité');
		expect(text).toContain('Denise Délégée');
	});

	it('tells the decision: chosen scenario, accepted risks with rationale, conditions, review date', () => {
		const doc = reportModel(fx.record(), 'fr', { generatedAt: at });
		const text = plainText({ ...doc, sections: [section(doc, 'decision')] });
		expect(text).toContain('Sans import + SMS neutre');
		expect(text).toContain('Clés hors de l’hébergeur ; réexamen annuel.');
		expect(text).toContain('Obtenir la clause d’audit au contrat.');
		expect(text).toContain('1 novembre 2027');
	});

	it('compares the scenarios: one column each, counts and benefit totals', () => {
		const doc = reportModel(fx.record(), 'fr', { generatedAt: at });
		const [comparison] = tables(doc, 'scenarios');
		expect(comparison!.headers).toEqual([
			'Risque',
			'Import 2 ans + SMS',
			'Sans import + SMS neutre',
			'Sans import + SMS neutre + motifs sensibles au secrétariat'
		]);
		const count = comparison!.rows.find((r) => r[0] === 'Risques de niveau Importante ou plus')!;
		// Dropping the import and neutral SMS lowers the number of significant risks.
		expect(Number(count[2])).toBeLessThan(Number(count[1]));
		// Keeping the sensitive reasons offline lowers it no further than that, never raises it.
		expect(Number(count[3])).toBeLessThanOrEqual(Number(count[2]));
	});

	it('ends with the content hash and the hash of every attachment', () => {
		const record = fx.record();
		record.content.attachments.push({
			id: 'att1',
			step: 'principles',
			name: 'contrat-editeur.pdf',
			mime: 'application/pdf',
			size: 1234,
			sha256: 'b'.repeat(64)
		});
		const doc = reportModel(record, 'fr', { generatedAt: at });
		expect(doc.sections.at(-1)!.id).toBe('verification');
		const text = plainText({ ...doc, cover: null, sections: [doc.sections.at(-1)!] });
		expect(text).toContain(record.contentHash);
		expect(text).toContain('VERIFY.md');
		const [files] = tables(doc, 'verification');
		expect(files!.rows).toEqual([['contrat-editeur.pdf', '1234 octets', 'b'.repeat(64)]]);
	});

	it('keeps the most recent audit entries, oldest first, and says where the rest is', () => {
		const record = fx.record();
		const first = record.history[0]!;
		record.history = Array.from({ length: AUDIT_ROWS + 50 }, (_, i) => ({
			...first,
			seq: AUDIT_ROWS + 50 - i,
			summary: `entry ${AUDIT_ROWS + 50 - i}`
		}));
		const audit = tables(reportModel(record, 'en', { generatedAt: at }), 'history')[1]!;
		expect(audit.rows).toHaveLength(AUDIT_ROWS);
		expect(audit.rows[0]![3]).toBe('entry 51');
		expect(audit.rows.at(-1)![3]).toBe(`entry ${AUDIT_ROWS + 50}`);
		expect(audit.caption).toContain('audit-log.jsonl');
	});

	it('lists motifs online and kept apart, and says when nothing is decided', async () => {
		const undecided = await signedDemo({ decide: false });
		try {
			const doc = reportModel(undecided.record(), 'en', { generatedAt: at });
			expect(section(doc, 'decision').blocks[0]).toMatchObject({ text: 'Not decided yet' });
			const [online, kept] = tables(doc, 'motifs');
			expect(online!.caption).toMatch(/^Bookable online/);
			expect(kept!.caption).toMatch(/^Kept with the secretaries/);
			expect(kept!.rows.length).toBeGreaterThan(0);
		} finally {
			undecided.ctx.dispose();
		}
	});
});
