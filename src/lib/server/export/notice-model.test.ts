import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { noticeModel } from './notice-model';
import { renderNoticePdf } from './notice';
import { recordOfProcessingModel } from './record-of-processing-model';
import { plainText } from './report-doc';
import { signedDemo, type SignedFixture } from './report-fixture';

const at = new Date('2026-11-23T12:00:00Z');

describe('patient information notice (art. 13)', () => {
	let undecided: SignedFixture;
	beforeEach(async () => (undecided = await signedDemo({ decide: false })));
	afterEach(() => undecided.ctx.dispose());

	it('names controller, DPO, purposes with their bases, the vendor, retention, rights and the CNIL', () => {
		const doc = noticeModel(undecided.record(), 'fr', { generatedAt: at });
		const text = plainText(doc);
		expect(doc.sections.map((s) => s.id)).toEqual([
			'controller',
			'purposes',
			'data',
			'recipients',
			'retention',
			'rights',
			'history_import',
			'complaint'
		]);
		expect(text).toContain('Centre hospitalier (à compléter)');
		expect(text).toContain('Délégué à la protection des données (à compléter)');
		expect(text).toContain('Mission d’intérêt public (art. 6.1.e)');
		expect(text).toContain(
			'Éditeur de la solution de prise de rendez-vous (Sous-traitant (art. 28))'
		);
		expect(text).toContain('Hébergeur cloud de l’éditeur (groupe américain) (US, Aucun mécanisme)');
		expect(text).toContain('Journaux d’accès : 6 mois');
		expect(text).toContain('droit d’accès');
		expect(text).toContain('3 place de Fontenoy');
		// Before the decision, the import paragraph is there but flagged for the DPO.
		expect(text).toContain('[À confirmer');
		expect(text).toContain('Vous pouvez vous opposer à cette transmission');
	});

	it('drops the history part once the decision rules the import out, keeps it when decided in', () => {
		const record = undecided.record();
		const decide = (scenarioId: string) => ({
			...record,
			decision: {
				...record.signatures[0]!,
				kind: 'decision' as const,
				outcome: 'approve' as const,
				details: { scenarioId, acceptedRisks: [], conditions: [], reviewDate: '2027-11-01' }
			}
		});
		const without = noticeModel(decide('no-import-neutral-sms'), 'fr', { generatedAt: at });
		expect(without.sections.map((s) => s.id)).not.toContain('history_import');
		const withImport = plainText(noticeModel(decide('import-2y-sms'), 'fr', { generatedAt: at }));
		expect(withImport).toContain('Vous pouvez vous opposer à cette transmission');
		expect(withImport).not.toContain('[À confirmer');
	});

	it('renders as a PDF whose text a patient can read', async () => {
		const pdf = await renderNoticePdf(undecided.record(), 'fr', { generatedAt: at });
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
			mergePages: true
		});
		expect(text.replace(/\s+/g, ' ')).toContain('Réclamation auprès de la CNIL');
	});
});

describe('record of processing entry (art. 30)', () => {
	let fx: SignedFixture;
	beforeEach(async () => (fx = await signedDemo()));
	afterEach(() => fx.ctx.dispose());

	it('has the items of art. 30(1) and flags non-EEA parties left out of the transfer assessment', () => {
		const record = fx.record();
		const doc = recordOfProcessingModel(record, 'en', { generatedAt: at });
		expect(doc.sections.map((s) => s.id)).toEqual([
			'controller',
			'purposes',
			'categories',
			'recipients',
			'transfers',
			'retention',
			'security',
			'dpia'
		]);
		const text = plainText(doc);
		expect(text).toContain('Minor patients');
		// English labels around the content as it was written (the demo is in French).
		expect(text).toContain('Hébergeur cloud de l’éditeur (groupe américain)');
		expect(text).toContain('No mechanism');
		expect(text).toContain('Journaux d’accès');
		expect(text).toContain(record.contentHash);
		expect(text).not.toContain('without a transfer assessment');
		const context = record.content.steps.context.data as { actors: Array<{ country: string }> };
		context.actors[2]!.country = 'US';
		const flagged = plainText(recordOfProcessingModel(record, 'en', { generatedAt: at }));
		expect(flagged).toContain(
			'without a transfer assessment: Éditeur de la solution de prise de rendez-vous (US)'
		);
	});
});
