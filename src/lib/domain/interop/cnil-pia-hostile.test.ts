/**
 * Regression tests for the import findings of issue 12 (each test is named after its
 * finding): hostile or merely unusual CNIL PIA files must be read in linear time, within
 * caps, with a clear refusal or a labelled note, never a hang or a server error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextSchema } from '../method/context';
import { principlesSchema } from '../method/principles';
import { risksSchema } from '../method/risks';
import {
	buildCnilPia,
	collectNotes,
	formatImportSummary,
	ImportLimitError,
	makeNotes,
	MAX_NOTES,
	MAX_TEXT_CHARS,
	parseCnilPia,
	parseImportSummary,
	parseNote,
	planImport,
	type CnilPiaFile,
	type ImportReport
} from './cnil-pia';
import { htmlToText } from './html-text';
import { GROWTH_FACTOR, MAX_GROWTH, growth } from './growth.testing';

const SAMPLE = readFileSync(
	resolve(__dirname, '../../../../tests/fixtures/cnil-pia/2018-02-21-pia-example.json'),
	'utf8'
);
const base = () => JSON.parse(SAMPLE) as CnilPiaFile;

function parsed(file: unknown): CnilPiaFile {
	const result = parseCnilPia(JSON.stringify(file));
	if (!result.ok) throw new Error(JSON.stringify(result.problem));
	return result.file;
}

function expectValidPlan(file: CnilPiaFile) {
	const plan = planImport(parsed(file), 'fr');
	expect(contextSchema.safeParse(plan.steps.context).success).toBe(true);
	expect(principlesSchema.safeParse(plan.steps.principles).success).toBe(true);
	expect(risksSchema.safeParse(plan.steps.risks).success).toBe(true);
	// The step_comments CHECK counts characters (code points).
	for (const n of plan.notes) expect([...n.body].length).toBeLessThanOrEqual(5000);
	return plan;
}

function refusal(file: CnilPiaFile) {
	try {
		planImport(parsed(file), 'fr');
	} catch (e) {
		if (e instanceof ImportLimitError) return e.problem;
		throw e;
	}
	throw new Error('not refused');
}

describe('One 56 KB CNIL PIA file kills the server', () => {
	it('a measure titled with 5,000 characters gives bounded notes instead of an endless loop', () => {
		const file = base();
		file.measures[0]!.title = 'Chiffrement renforcé '.repeat(250).slice(0, 5000);
		file.measures[1]!.title = 'x'.repeat(4990);
		const plan = expectValidPlan(file);
		const note = plan.notes.find((n) => n.body.includes(`— mesure ${file.measures[0]!.id} «`));
		expect(note?.body.split('\n')[0]!.length).toBeLessThan(400);
	});

	it('any text, under any header, splits into notes that fit and join back (property)', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 6000 }),
				fc.string({ maxLength: 12000 }),
				(title, text) => {
					const ref = { kind: 'measure' as const, id: '7', title };
					const notes = makeNotes(ref, text);
					for (const body of notes) expect([...body].length).toBeLessThanOrEqual(5000);
					const joined = collectNotes(notes).get('measure:7')?.texts;
					expect(joined).toEqual([text]);
					expect(parseNote(notes[0]!)?.ref.kind).toBe('measure');
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('Import is quadratic', () => {
	it('htmlToText of `<a "` repeated grows linearly (was 20 s for 290 KB)', () => {
		const ratio = growth((n) => '<a "'.repeat(n), htmlToText, 20_000);
		expect(ratio).toBeLessThan(MAX_GROWTH);
	});

	it('htmlToText of list items and unclosed comments grows linearly', () => {
		const items = (n: number) => '<ul>' + '<li>un  deux&amp; </li>'.repeat(n) + '</ul>';
		expect(growth(items, htmlToText, 5_000)).toBeLessThan(MAX_GROWTH);
		const comments = (n: number) => 'texte <!-- '.repeat(n);
		expect(growth(comments, htmlToText, 10_000)).toBeLessThan(MAX_GROWTH);
	});

	it('splitting a long text into notes grows linearly (9 MB took 210 s)', () => {
		const text = (n: number) => 'Une ligne du registre des traitements.\n'.repeat(n);
		const split = (t: string) => makeNotes({ kind: 'question', id: 112 }, t);
		expect(growth(text, split, 2_000)).toBeLessThan(MAX_GROWTH);
		const noBreak = (n: number) => 'mot '.repeat(n);
		expect(growth(noBreak, split, 20_000)).toBeLessThan(MAX_GROWTH);
	});

	it('planning a file with many long list items grows linearly (500 × 20 KB took > 5 min)', () => {
		const withItems = (n: number) => {
			const file = base();
			const answer = file.answers.find((a) => a.reference_to === 324)!;
			// Items of a measure list longer than a measure title may be: each becomes a note.
			answer.data.list = Array.from({ length: n }, (_, i) => `${i} ` + 'mesure '.repeat(800));
			return parsed(file);
		};
		expect(growth(withItems, (f) => planImport(f, 'fr'), 10)).toBeLessThan(MAX_GROWTH);
	});

	it(`a text over ${MAX_TEXT_CHARS} characters is refused by name, not cut or crashed`, () => {
		const file = base();
		file.answers.find((a) => a.reference_to === 112)!.data.text = 'mot '.repeat(30_000);
		expect(refusal(file)).toEqual({
			code: 'text_too_long',
			details: ['question 112 (119999 caractères)'],
			max: MAX_TEXT_CHARS
		});
		// Far over: refused from the source length, before any conversion.
		file.answers.find((a) => a.reference_to === 112)!.data.text = '<a "'.repeat(2_500_000);
		expect(refusal(file)).toMatchObject({ code: 'text_too_long' });
	});

	it(`more than ${MAX_NOTES} notes are refused with their count`, () => {
		const file = base();
		file.comments = Array.from({ length: MAX_NOTES + 10 }, (_, i) => ({
			description: `Commentaire ${i}`,
			reference_to: 112,
			for_measure: false
		}));
		expect(refusal(file)).toMatchObject({ code: 'too_many_notes', max: MAX_NOTES });
	});

	it(`the growth check itself tells quadratic from linear (× ${GROWTH_FACTOR} input)`, () => {
		const quadratic = (s: string) => {
			let sum = 0;
			for (let i = 0; i < s.length; i++) for (let j = 0; j < i; j++) sum += s.charCodeAt(j);
			return sum;
		};
		expect(growth((n) => 'x'.repeat(n), quadratic, 1_500)).toBeGreaterThan(MAX_GROWTH);
	});
});

describe('A real CNIL PIA file is refused whole', () => {
	it('an evaluation of "3.1.[object Object]" becomes a labelled note and is reported', () => {
		const file = base();
		// As in the CNIL tool's own test file.
		file.evaluations.push({
			...file.evaluations[0]!,
			reference_to: '3.1.[object Object]',
			status: 2,
			evaluation_comment: '<p>Mesure à revoir</p>',
			action_plan_comment: 'Revoir le chiffrement'
		});
		file.comments.push({ description: 'Question perdue', reference_to: 999, for_measure: false });
		file.comments.push({ description: 'Mesure perdue', reference_to: 4242, for_measure: true });
		const plan = expectValidPlan(file);
		const orphans = plan.notes.filter((n) => n.body.includes('— référence introuvable'));
		expect(orphans.map((n) => `${n.step}|${n.body}`)).toEqual([
			'risks|Importé du logiciel PIA de la CNIL — référence introuvable, évaluation « 3.1.[object Object] » :\n[Améliorable]\nMesure à revoir\nPlan d’action :\nRevoir le chiffrement',
			'risks|Importé du logiciel PIA de la CNIL — référence introuvable, commentaire « 999 » :\nQuestion perdue',
			'risks|Importé du logiciel PIA de la CNIL — référence introuvable, commentaire de mesure « 4242 » :\nMesure perdue'
		]);
		expect(plan.report.orphans).toBe(3);
		// The other evaluations still give the steps their verdicts; the export does not
		// invent a reference for the orphans.
		expect(plan.evaluations.risks?.evaluationComment).not.toContain('[object Object]');
		expect(JSON.stringify(buildCnilPia(exportInput(plan)))).not.toContain('[object Object]');
	});
});

describe('Minor: import 500s', () => {
	it('a measure title over 5,000 characters is cut in the measure and kept whole in a warning', () => {
		const file = base();
		const title = 'Titre très long. '.repeat(400).trim();
		file.measures[0]!.title = title;
		file.answers.find((a) => a.reference_to === 324)!.data.list = [title];
		const plan = expectValidPlan(file);
		const warning = plan.notes.find((n) => n.body.includes('titre de 6799 caractères'));
		expect(warning).toBeDefined();
		expect(plan.report.warnings).toBeGreaterThan(0);
	});

	it('more than 200 measures on a risk: the first 200 attached, the others kept in a note', () => {
		const file = base();
		file.measures = Array.from({ length: 250 }, (_, i) => ({
			id: 500 + i,
			title: `Mesure ${i}`,
			content: '',
			placeholder: null
		}));
		file.answers.find((a) => a.reference_to === 324)!.data.list = file.measures.map(
			(m) => m.title ?? ''
		);
		const plan = expectValidPlan(file);
		expect(plan.steps.risks.risks[0]?.measures).toHaveLength(200);
		const exported = buildCnilPia(exportInput(plan));
		expect(exported.answers.find((a) => a.reference_to === 324)?.data.list).toEqual(
			file.measures.map((m) => m.title)
		);
	});
});

describe('import report summary', () => {
	it('reads back what it writes, whatever the file name (property)', () => {
		const step = fc.constantFrom('context' as const, 'principles' as const, 'risks' as const);
		const report: fc.Arbitrary<ImportReport> = fc.record({
			counts: fc.record({
				answers: fc.nat(1000),
				measures: fc.nat(1000),
				evaluations: fc.nat(2000),
				comments: fc.nat(5000)
			}),
			fields: fc.uniqueArray(fc.integer({ min: 111, max: 346 }), { maxLength: 36 }),
			risks: fc.subarray(['3.2', '3.3', '3.4']),
			measuresAttached: fc.nat(1000),
			evaluated: fc.uniqueArray(step, { maxLength: 3 }),
			notes: fc.nat(MAX_NOTES),
			orphans: fc.nat(7000),
			warnings: fc.nat(1000)
		});
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), report, (name, r) => {
				const summary = formatImportSummary(name, r);
				expect(summary.length).toBeLessThanOrEqual(500);
				expect(parseImportSummary(summary)?.report).toEqual(r);
			})
		);
	});
});

function exportInput(plan: ReturnType<typeof planImport>) {
	const comments: Record<string, { body: string; author: string; createdAt: string }[]> = {};
	for (const n of plan.notes) {
		(comments[n.step] ??= []).push({ body: n.body, author: 'x', createdAt: '2026-01-01' });
	}
	const steps = Object.fromEntries(
		(['context', 'principles', 'risks'] as const).map((s) => [
			s,
			{
				data: plan.steps[s],
				status: plan.evaluations[s]?.status ?? 'in_progress',
				evaluationComment: plan.evaluations[s]?.evaluationComment || null,
				actionPlanComment: plan.evaluations[s]?.actionPlanComment || null
			}
		])
	);
	return {
		piaId: 1,
		title: plan.title,
		createdAt: 'x',
		updatedAt: 'y',
		locale: 'fr' as const,
		steps,
		comments
	};
}
