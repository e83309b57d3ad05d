import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextSchema } from '../method/context';
import { principlesSchema } from '../method/principles';
import { risksSchema } from '../method/risks';
import {
	buildCnilPia,
	danglingReferences,
	htmlToText,
	normaliseText,
	parseCnilPia,
	PIA_CODE_FIELDS,
	PIA_TEXT_FIELDS,
	planImport,
	type CnilPiaFile,
	type ExportInput,
	type ImportPlan
} from './cnil-pia';

const SAMPLE_PATH = resolve(
	__dirname,
	'../../../../tests/fixtures/cnil-pia/2018-02-21-pia-example.json'
);
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

function sample(): CnilPiaFile {
	const parsed = parseCnilPia(SAMPLE);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
	return parsed.file;
}

/** What the server would store, fed back to the export like the database would. */
function asExportInput(plan: ImportPlan, locale: 'fr' | 'en' = 'fr'): ExportInput {
	const steps: ExportInput['steps'] = {};
	for (const step of ['context', 'principles', 'risks'] as const) {
		const ev = plan.evaluations[step];
		steps[step] = {
			data: plan.steps[step],
			status: ev?.status ?? 'in_progress',
			evaluationComment: ev?.evaluationComment || null,
			actionPlanComment: ev?.actionPlanComment || null
		};
	}
	const comments: ExportInput['comments'] = {};
	for (const n of plan.notes) {
		(comments[n.step] ??= []).push({
			body: n.body,
			author: 'Importeur',
			createdAt: '2026-01-01T00:00:00Z'
		});
	}
	return { piaId: 1, title: plan.title, createdAt: 'x', updatedAt: 'y', locale, steps, comments };
}

/** Every text of a CNIL file, as plain text, keyed by where it sits. */
function textsOf(file: CnilPiaFile): Map<string, string> {
	const out = new Map<string, string>();
	for (const a of file.answers) {
		out.set(`answer ${a.reference_to} text`, htmlToText(a.data.text));
		out.set(`answer ${a.reference_to} list`, (a.data.list ?? []).join(' | '));
		if (a.data.gauge) out.set(`answer ${a.reference_to} gauge`, String(a.data.gauge));
	}
	for (const m of file.measures) {
		out.set(`measure ${m.title}`, htmlToText(m.content));
	}
	for (const e of file.evaluations) {
		out.set(
			`evaluation ${e.reference_to}`,
			[e.status, htmlToText(e.evaluation_comment), htmlToText(e.action_plan_comment)].join(' | ')
		);
	}
	// Comments and the PIA sheet are plain text in the software: compared as normalised text.
	for (const c of file.comments)
		out.set(`comment ${c.reference_to}`, normaliseText(c.description ?? ''));
	const pia = file.pia as Record<string, unknown>;
	for (const k of [...PIA_TEXT_FIELDS, ...PIA_CODE_FIELDS]) {
		out.set(
			`pia ${k}`,
			typeof pia[k] === 'string' ? normaliseText(pia[k] as string) : String(pia[k] ?? '')
		);
	}
	for (const [k, v] of out) if (!v) out.delete(k);
	return out;
}

describe('CNIL PIA file parsing', () => {
	it('accepts the CNIL example file', () => {
		const file = sample();
		expect(file.answers).toHaveLength(36);
		expect(file.measures).toHaveLength(23);
		expect(file.evaluations).toHaveLength(40);
	});

	it('refuses JSON that is not a PIA, naming what is missing', () => {
		expect(parseCnilPia('{"structure": {}}')).toEqual({
			ok: false,
			problem: { code: 'not_pia', details: ['pia', 'answers'] }
		});
		expect(parseCnilPia('[1,2]')).toMatchObject({ ok: false, problem: { code: 'not_pia' } });
		expect(parseCnilPia('not json')).toEqual({ ok: false, problem: { code: 'not_json' } });
	});

	it('refuses wrong types with their path', () => {
		const bad = JSON.parse(SAMPLE);
		bad.answers[0].data.gauge = 'high';
		bad.pia.name = 12;
		const result = parseCnilPia(JSON.stringify(bad));
		expect(result).toMatchObject({ ok: false, problem: { code: 'invalid' } });
		if (!result.ok && 'details' in result.problem) {
			expect(result.problem.details).toEqual(
				expect.arrayContaining(['pia.name', 'answers.0.data.gauge'])
			);
		}
	});

	it('refuses unknown question ids and lists them', () => {
		const bad = JSON.parse(SAMPLE);
		bad.answers.push(
			{ ...bad.answers[0], reference_to: 999 },
			{ ...bad.answers[0], reference_to: 114 }
		);
		expect(parseCnilPia(JSON.stringify(bad))).toEqual({
			ok: false,
			problem: { code: 'unknown_questions', details: ['999', '114'] }
		});
	});

	it('accepts evaluations and comments pointing nowhere (the import keeps them as notes)', () => {
		const bad = JSON.parse(SAMPLE);
		bad.evaluations.push({ ...bad.evaluations[0], reference_to: '3.1.9999' });
		bad.comments.push({ description: 'x', reference_to: 555, for_measure: false });
		const parsed = parseCnilPia(JSON.stringify(bad));
		expect(parsed.ok).toBe(true);
		if (parsed.ok) {
			expect(danglingReferences(parsed.file)).toEqual([
				{ what: 'evaluation', index: 40, ref: '3.1.9999' },
				{ what: 'comment', index: parsed.file.comments.length - 1, ref: '555' }
			]);
		}
	});
});

describe('CNIL PIA import plan', () => {
	const plan = planImport(sample(), 'fr');

	it('produces step contents the step schemas accept', () => {
		expect(contextSchema.safeParse(plan.steps.context).success).toBe(true);
		expect(principlesSchema.safeParse(plan.steps.principles).success).toBe(true);
		const risks = risksSchema.safeParse(plan.steps.risks);
		expect(risks.error?.issues ?? []).toEqual([]);
		for (const n of plan.notes) expect([...n.body].length).toBeLessThanOrEqual(5000);
	});

	it('maps the three CNIL risks with their gauges, lists and measures', () => {
		const [access, modification, disappearance] = plan.steps.risks.risks;
		expect(access).toMatchObject({
			catalogueKey: 'illegitimate_access',
			severity: 3,
			likelihood: 4,
			residualSeverity: 3,
			residualLikelihood: 1,
			sources: ['Employé', 'Attaquant', 'Entourage'],
			threats: [
				'Consultation de données',
				'Vol de données',
				"Usurpation d'un compte (via un smartphone)"
			]
		});
		expect(access?.measures.map((m) => m.title)).toContain('Chiffrement');
		expect(access?.justification).toMatch(/^Gravité : En cas de divulgation/);
		expect(access?.justification).toContain('Vraisemblance : Il semble extrêmement facile');
		expect(modification).toMatchObject({
			catalogueKey: 'unwanted_modification',
			severity: 2,
			likelihood: 2
		});
		expect(disappearance).toMatchObject({
			catalogueKey: 'data_disappearance',
			severity: 2,
			likelihood: 2
		});
	});

	it('puts answers with a field in it and keeps the others as labelled notes', () => {
		expect(plan.steps.context.description).toMatch(
			/^Le PIA porte sur le moniteur de sommeil Captoo/
		);
		expect(plan.steps.principles.accuracy).toMatch(/^Les utilisateurs peuvent modifier/);
		const q112 = plan.notes.find((n) =>
			n.body.startsWith('Importé du logiciel PIA de la CNIL — question 112 :')
		);
		expect(q112?.step).toBe('context');
		expect(q112?.body).toContain('- Responsable de traitement : Dreamland ;');
		expect(plan.notes.some((n) => n.body.includes('mesure 101 « Chiffrement »'))).toBe(true);
		expect(
			plan.notes.some((n) =>
				n.body.startsWith('Importé du logiciel PIA de la CNIL — commentaire, question 212')
			)
		).toBe(true);
		expect(plan.notes.some((n) => n.body.includes('fiche du PIA, dpo_opinion'))).toBe(true);
	});

	it('keeps each item evaluation and gives the step the worst verdict', () => {
		expect(plan.evaluations.context?.status).toBe('acceptable');
		expect(plan.evaluations.principles?.status).toBe('improvable');
		expect(plan.evaluations.risks?.status).toBe('improvable');
		expect(plan.evaluations.principles?.evaluationComment).toContain('[2.1.214 · Acceptable]');
		expect(plan.evaluations.risks?.actionPlanComment).toContain(
			'[3.1.101]\nTLS devrait être employé'
		);
	});
});

describe('CNIL PIA round trip', () => {
	it('sample → import → export keeps every text, gauge and verdict of the file', () => {
		const original = sample();
		const exported = buildCnilPia(asExportInput(planImport(original, 'fr')));
		const reparsed = parseCnilPia(JSON.stringify(exported));
		if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.problem));
		const before = textsOf(original);
		const after = textsOf(reparsed.file);
		expect(before.size).toBeGreaterThan(100);
		for (const [key, value] of before) {
			expect.soft(after.get(key), key).toBe(value);
		}
	});

	it('import → export → import gives the same steps, notes and evaluations', () => {
		const first = planImport(sample(), 'fr');
		const reparsed = parseCnilPia(JSON.stringify(buildCnilPia(asExportInput(first))));
		if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.problem));
		const second = planImport(reparsed.file, 'fr');
		expect(second.steps).toEqual(first.steps);
		expect(second.evaluations).toEqual(first.evaluations);
		expect([...second.notes].sort((a, b) => a.body.localeCompare(b.body))).toEqual(
			[...first.notes].sort((a, b) => a.body.localeCompare(b.body))
		);
		expect(second.title).toBe(first.title);
	});
});

describe('CNIL PIA edge cases', () => {
	const base = () => JSON.parse(SAMPLE) as CnilPiaFile;

	it('splits a text longer than a comment into numbered notes and joins them back', () => {
		const file = base();
		const long = Array.from(
			{ length: 900 },
			(_, i) => `Ligne ${i} du registre des responsabilités.`
		).join('<br />');
		file.answers.find((a) => a.reference_to === 112)!.data.text = long;
		const plan = planImport(file, 'fr');
		const parts = plan.notes.filter((n) => n.body.includes('— question 112 (partie'));
		expect(parts.length).toBeGreaterThan(1);
		for (const n of parts) expect([...n.body].length).toBeLessThanOrEqual(5000);
		const exported = buildCnilPia(asExportInput(plan));
		const back = exported.answers.find((a) => a.reference_to === 112);
		expect(htmlToText(back?.data.text)).toBe(htmlToText(long));
	});

	it('a description too long for its field becomes a note, not a cut text', () => {
		const file = base();
		const text = 'Description très détaillée. '.repeat(500).trim();
		file.answers.find((a) => a.reference_to === 111)!.data.text = text;
		const plan = planImport(file, 'fr');
		expect(plan.steps.context.description).toBe('');
		const exported = buildCnilPia(asExportInput(plan));
		expect(htmlToText(exported.answers.find((a) => a.reference_to === 111)?.data.text)).toBe(text);
	});

	it('an unrated gauge takes the catalogue value and says so in a warning note', () => {
		const file = base();
		file.answers.find((a) => a.reference_to === 335)!.data.gauge = 0;
		const plan = planImport(file, 'fr');
		expect(plan.steps.risks.risks[1]?.severity).toBe(3);
		expect(
			plan.notes.some((n) => n.body.includes('avertissement') && n.body.includes('question 335'))
		).toBe(true);
		expect(risksSchema.safeParse(plan.steps.risks).success).toBe(true);
	});

	it('an evaluator gauge above the initial one gets a residual reason (schema rule)', () => {
		const file = base();
		const evaluation = file.evaluations.find((e) => e.reference_to === '3.3')!;
		evaluation.gauges = { x: 4, y: 4 };
		const plan = planImport(file, 'en');
		expect(plan.steps.risks.risks[1]).toMatchObject({ residualSeverity: 4, residualLikelihood: 4 });
		expect(plan.steps.risks.risks[1]?.residualReason).not.toBe('');
		expect(risksSchema.safeParse(plan.steps.risks).success).toBe(true);
	});

	it('a pending item makes the step "review requested"; statuses survive in the sections', () => {
		const file = base();
		file.evaluations.find((e) => e.reference_to === '1.2')!.status = 0;
		const plan = planImport(file, 'fr');
		expect(plan.evaluations.context?.status).toBe('review_requested');
		expect(plan.evaluations.context?.evaluationComment).toContain('[1.2 · En attente]');
	});

	it('a file with no risk answers creates no risk, and keeps unattached measures as notes', () => {
		const file = base();
		file.answers = file.answers.filter((a) => a.reference_to < 300);
		file.evaluations = file.evaluations.filter((e) => !/^3\.[234]$/.test(e.reference_to));
		const plan = planImport(file, 'fr');
		expect(plan.steps.risks.risks).toEqual([]);
		expect(plan.notes.filter((n) => n.body.includes('— mesure '))).toHaveLength(23);
		const exported = buildCnilPia(asExportInput(plan));
		expect(exported.measures.map((m) => m.title).sort()).toEqual(
			file.measures.map((m) => m.title).sort()
		);
	});
});
