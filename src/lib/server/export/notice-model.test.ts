import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { noticeModel } from './notice-model';
import { isPlaceholder, JARGON_PATTERN, noticeGaps } from './notice-gaps';
import { renderDocumentOf } from './documents';
import { recordOfProcessingModel } from './record-of-processing-model';
import { plainText } from './report-doc';
import { signedDemo, type SignedFixture } from './report-fixture';

const at = new Date('2026-11-23T12:00:00Z');

type Steps = Record<string, { data: unknown }>;
/** The record with its step content edited in place (the fixture's record is a fresh copy). */
function edit(record: Record_, change: (steps: Steps) => void): Record_ {
	change(record.content.steps as unknown as Steps);
	return record;
}
type Record_ = ReturnType<SignedFixture['record']>;
type Actor = { role: string; name: string; notes: string; country: string };
const actorsOf = (steps: Steps) => (steps.context!.data as { actors: Actor[] }).actors;
const principlesOf = (steps: Steps) =>
	steps.principles!.data as {
		retention: Array<{ category: string; period: string }>;
		transfers: Array<{ recipient: string; outcome: string; mechanism: string }>;
	};

describe('patient information notice (art. 13)', () => {
	let undecided: SignedFixture;
	beforeEach(async () => (undecided = await signedDemo({ decide: false })));
	afterEach(() => undecided.ctx.dispose());

	it('is publishable for the demo: controller, DPO contact, bases, vendor, retention, rights, CNIL', () => {
		const record = undecided.record();
		expect(noticeGaps(record, 'fr')).toEqual([]);
		const doc = noticeModel(record, 'fr', { generatedAt: at });
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
		expect(text).toContain('CHU Exemple');
		expect(text).toContain('dpo@chu-exemple.fr');
		expect(text).toContain('Mission d’intérêt public (art. 6.1.e)');
		expect(text).toContain('L.6111-1 et L.6112-1');
		expect(text).toContain(
			'Éditeur de la solution de prise de rendez-vous (Sous-traitant (art. 28))'
		);
		// The vendor's own-controller role for the patient accounts it hosts.
		expect(text).toContain('Éditeur de la solution (comptes patients) décide lui-même');
		expect(text).toContain('Décision d’adéquation (art. 45)');
		expect(text).toContain('Journaux d’accès : 6 mois');
		expect(text).toContain('droit d’accès');
		// Objection to the public-task processing (art. 21) and a complaint without precondition (art. 77).
		expect(text).toContain('vous opposer à tout moment');
		expect(text).toContain('article 21 du RGPD');
		expect(text).toContain('sans avoir à vous adresser d’abord à l’hôpital (article 77 du RGPD)');
		expect(text).not.toContain('après avoir contacté');
		expect(text).toContain('3 place de Fontenoy');
	});

	it('never prints internal notes, the DPO’s notes or the hospital’s jargon', () => {
		for (const audience of ['adult', 'adolescent'] as const) {
			for (const locale of ['fr', 'en'] as const) {
				const text = plainText(
					noticeModel(undecided.record(), locale, { generatedAt: at, audience })
				);
				expect(text).not.toContain('Base légale contestée');
				expect(text).not.toContain('Durée proposée par le modèle');
				expect(text).not.toContain('mutualisé');
				expect(text).not.toContain('Établissement fictif');
				expect(text, `${audience} ${locale}`).not.toMatch(JARGON_PATTERN);
			}
		}
	});

	it('has a variant for adolescents about the care they may keep from their parents', () => {
		const doc = noticeModel(undecided.record(), 'fr', { generatedAt: at, audience: 'adolescent' });
		const text = plainText(doc);
		expect(doc.title).toBe(
			'Tes rendez-vous en ligne à l’hôpital : ce que deviennent tes informations'
		);
		expect(text).toContain('L.1111-5');
		expect(text).toContain('compte famille');
		expect(text).toContain('dpo@chu-exemple.fr');
		expect(text).toContain('article 77 du RGPD');
		expect(text).toContain('Tu peux refuser cet envoi');
		expect(text).not.toMatch(/(^|[\s(])vous\b/);
	});

	it('is refused while controller, DPO contact, retention or transfers are missing or placeholders', () => {
		const blank = edit(undecided.record(), (steps) => {
			steps.context!.data = null;
			steps.principles!.data = null;
		});
		expect(noticeGaps(blank, 'fr')).toEqual([
			'le nom du responsable de traitement (étape Contexte, partie prenante « Responsable de traitement »)',
			'le délégué à la protection des données (étape Contexte, partie prenante « Délégué à la protection des données »)',
			'au moins une finalité du traitement (étape Contexte)',
			'les durées de conservation (étape Principes)'
		]);

		const drafted = edit(undecided.record(), (steps) => {
			const actors = actorsOf(steps);
			actors.find((a) => a.role === 'controller')!.name = 'Centre hospitalier (à compléter)';
			actors.find((a) => a.role === 'dpo')!.notes = 'Mutualisé au niveau du GHT.';
			const p = principlesOf(steps);
			p.retention[1]!.period = 'À définir';
			p.transfers[0]!.outcome = 'to_assess';
		});
		const gaps = noticeGaps(drafted, 'en');
		expect(gaps).toHaveLength(4);
		expect(gaps[0]).toContain('controller’s name');
		expect(gaps[1]).toContain('a way to reach the data protection officer');
		expect(gaps[2]).toContain('retention period of: Données de rendez-vous');
		expect(gaps[3]).toContain('transfers outside the European Union for: Maison mère américaine');

		const unassessed = edit(undecided.record(), (steps) => {
			actorsOf(steps).find((a) => a.role === 'processor')!.country = 'US';
		});
		expect(noticeGaps(unassessed, 'en')).toEqual([
			'the assessment of the transfer to: Éditeur de la solution de prise de rendez-vous (US) (Principles step, transfers)'
		]);

		// The adult notice names the processing by the title: a drafting marker there is a gap too.
		const titled = undecided.record();
		titled.assessment.title = 'Prise de rendez-vous (titre à confirmer)';
		expect(noticeGaps(titled, 'fr')).toEqual([
			'un titre d’analyse sans mention provisoire : il nomme le traitement dans la notice (page de l’analyse)'
		]);
	});

	it('reads the DPO contact from the DPO’s name or notes, and only that', () => {
		expect(isPlaceholder('Délégué (à compléter)')).toBe(true);
		expect(isPlaceholder('  ')).toBe(true);
		expect(isPlaceholder('3 mois')).toBe(false);
		const record = edit(undecided.record(), (steps) => {
			actorsOf(steps).find((a) => a.role === 'dpo')!.notes =
				'Permanence le mardi ; https://chu-exemple.fr/dpo ou 01 23 45 67 89';
		});
		expect(noticeGaps(record, 'fr')).toEqual([]);
		const text = plainText(noticeModel(record, 'fr', { generatedAt: at }));
		expect(text).toContain('https://chu-exemple.fr/dpo, 01 23 45 67 89');
		expect(text).not.toContain('Permanence');
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
		const pdf = await renderDocumentOf('notice', 'pdf', undecided.record(), 'fr', {
			generatedAt: at
		});
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
		expect(text).toContain('Maison mère américaine de l’hébergeur (accès à distance du support)');
		expect(text).toContain('Adequacy decision (art. 45)');
		// Art. 30(1)(a): the vendor's own-controller role for the patient accounts is shown.
		expect(text).toContain('Separate controller (for its own purposes)');
		expect(text).toContain('Éditeur de la solution (comptes patients)');
		// The national law behind the public task and the secrecy condition.
		expect(text).toContain('CSP L.6111-1, L.6112-1');
		expect(text).toContain('L.1110-4');
		expect(text).toContain('CSP L.1111-5');
		expect(text).toContain('Entry created on');
		expect(text).toContain('Last updated on');
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
