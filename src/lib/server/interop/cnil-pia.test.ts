import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, parseCnilPia, parseImportSummary } from '$lib/domain/interop/cnil-pia';
import type { Risks } from '$lib/domain/method/risks';
import { assessments, assessmentSteps, auditLog, stepComments } from '../db/schema';
import * as audit from '../audit';
import { demoEmail, seedDemo } from '../seed';
import { findByEmail } from '../users';
import { tempDatabase } from '../testing/temp-db';
import {
	CnilImportError,
	MAX_IMPORT_BYTES,
	exportCnilPia,
	exportFileName,
	importCnilPia
} from './cnil-pia';
import { importReportOf } from './import-report';

const SAMPLE = readFileSync(
	resolve(__dirname, '../../../../tests/fixtures/cnil-pia/2018-02-21-pia-example.json')
);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('CNIL PIA import and export (database)', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let actor: audit.Actor & { userId: string };
	let orgId: string;

	const count = (table: 'assessments' | 'assessment_steps' | 'step_comments' | 'audit_log') =>
		(ctx.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	const counts = () =>
		(['assessments', 'assessment_steps', 'step_comments', 'audit_log'] as const).map(count);

	function stored(id: string) {
		const steps = ctx.db
			.select()
			.from(assessmentSteps)
			.where(eq(assessmentSteps.assessmentId, id))
			.all();
		const notes = ctx.db
			.select({ step: stepComments.step, body: stepComments.body })
			.from(stepComments)
			.where(eq(stepComments.assessmentId, id))
			.all();
		return {
			steps: Object.fromEntries(
				steps.map((s) => [
					s.step,
					{ data: s.data, status: s.status, ev: s.evaluationComment, ap: s.actionPlanComment }
				])
			),
			notes: notes.map((n) => `${n.step}|${n.body}`).sort()
		};
	}

	async function refused(name: string, content: Uint8Array) {
		const before = counts();
		let caught: unknown;
		try {
			await importCnilPia(ctx.db, actor, orgId, { name, bytes: content }, 'fr');
		} catch (e) {
			caught = e;
		}
		expect(counts()).toEqual(before);
		expect(caught).toBeInstanceOf(CnilImportError);
		return (caught as CnilImportError).problem;
	}

	beforeAll(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		const user = findByEmail(ctx.db, demoEmail('dpo'))!;
		orgId = ctx.db.select().from(assessments).get()!.orgId;
		actor = { userId: user.id, label: user.email, role: 'dpo', orgId };
	});

	afterAll(() => ctx.dispose());

	/** A demo assessment, created by the seed rather than by an import. */
	const orgAssessmentId = () =>
		ctx.db.select().from(assessments).where(eq(assessments.template, 'booking')).get()!.id;

	it('imports the CNIL example as a new assessment with one audit entry', async () => {
		const [a0, s0, c0, l0] = counts();
		const created = await importCnilPia(
			ctx.db,
			actor,
			orgId,
			{ name: 'pia.json', bytes: SAMPLE },
			'fr'
		);
		expect(created.title).toBe('Captoo');
		const { steps, notes } = stored(created.id);
		expect(counts()).toEqual([a0! + 1, s0! + 10, c0! + notes.length, l0! + 1]);

		const risks = (steps.risks?.data as Risks).risks;
		expect(
			risks.map((r) => [
				r.catalogueKey,
				r.severity,
				r.likelihood,
				r.residualSeverity,
				r.residualLikelihood
			])
		).toEqual([
			['illegitimate_access', 3, 4, 3, 1],
			['unwanted_modification', 2, 2, 2, 2],
			['data_disappearance', 2, 2, 2, 2]
		]);
		expect(steps.context?.status).toBe('acceptable');
		expect(steps.principles?.status).toBe('improvable');
		expect(steps.principles?.ap).toContain('[2.1.215]\nUne durée de conservation');
		expect(steps.screening?.status).toBe('not_started');
		expect(
			notes.some((n) => n.startsWith('context|Importé du logiciel PIA de la CNIL — question 112 :'))
		).toBe(true);

		const entry = ctx.db.select().from(auditLog).where(eq(auditLog.assessmentId, created.id)).all();
		expect(entry.map((e) => e.action)).toEqual(['assessment.import']);
		expect(entry[0]?.summary).toContain('36 answers, 23 measures, 40 evaluations, 1 comments');
		// The summary is the import report's record.
		expect(parseImportSummary(entry[0]!.summary)).toMatchObject({
			fileName: 'pia.json',
			report: { fields: [111, 214, 221, 223, 224, 225], notes: notes.length }
		});
		expect(audit.verify(ctx.db).ok).toBe(true);
	});

	it('round trip: import, export, import again gives the same content and every answer text', async () => {
		const first = await importCnilPia(
			ctx.db,
			actor,
			orgId,
			{ name: 'pia.json', bytes: SAMPLE },
			'fr'
		);
		const exported = exportCnilPia(ctx.db, first, 'fr');
		const json = JSON.stringify(exported);
		const second = await importCnilPia(
			ctx.db,
			actor,
			orgId,
			{ name: 'export.json', bytes: bytes(json) },
			'fr'
		);
		expect(stored(second.id)).toEqual(stored(first.id));

		const original = parseCnilPia(SAMPLE.toString('utf8'));
		if (!original.ok) throw new Error('sample refused');
		for (const answer of original.file.answers) {
			const back = exported.answers.find((a) => a.reference_to === answer.reference_to);
			expect(htmlToText(back?.data.text), String(answer.reference_to)).toBe(
				htmlToText(answer.data.text)
			);
			expect(back?.data.list ?? []).toEqual(answer.data.list ?? []);
			if (answer.data.gauge) expect(back?.data.gauge).toBe(answer.data.gauge);
		}
	});

	it('refuses a file that is not a CNIL PIA export, leaving nothing behind', async () => {
		expect(await refused('x.json', bytes('{"hello": "world"}'))).toEqual({
			code: 'not_pia',
			details: ['pia', 'answers']
		});
		expect(await refused('x.json', bytes('<html></html>'))).toEqual({ code: 'not_json' });
		expect(await refused('x.json', new Uint8Array([0xff, 0xfe, 0x00, 0x7b]))).toEqual({
			code: 'not_json'
		});
	});

	it('refuses unknown question ids, naming them, leaving nothing behind', async () => {
		const bad = JSON.parse(SAMPLE.toString('utf8'));
		bad.answers[3].reference_to = 118;
		expect(await refused('x.json', bytes(JSON.stringify(bad)))).toEqual({
			code: 'unknown_questions',
			details: ['118']
		});
	});

	it('refuses a file over the limit before reading it', async () => {
		const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
		expect(await refused('big.json', big)).toEqual({ code: 'too_large', max: MAX_IMPORT_BYTES });
	});

	it('writes all or nothing: a failure while storing the notes leaves no assessment', async () => {
		const before = counts();
		ctx.db.$client.exec(
			`CREATE TEMP TRIGGER refuse_comments BEFORE INSERT ON step_comments BEGIN SELECT RAISE(ABORT, 'disk full'); END;`
		);
		try {
			await expect(
				importCnilPia(ctx.db, actor, orgId, { name: 'pia.json', bytes: SAMPLE }, 'fr')
			).rejects.toThrow(/disk full/);
		} finally {
			ctx.db.$client.exec('DROP TRIGGER temp.refuse_comments');
		}
		expect(counts()).toEqual(before);
	});

	it('exports a template assessment as a file the importer accepts', async () => {
		const demo = ctx.db
			.select()
			.from(assessments)
			.where(eq(assessments.template, 'booking'))
			.get()!;
		const exported = exportCnilPia(ctx.db, demo, 'fr');
		const text = htmlToText(exported.answers.find((a) => a.reference_to === 212)?.data.text);
		expect(text).toContain('Mission d’intérêt public');
		const again = await importCnilPia(
			ctx.db,
			actor,
			orgId,
			{ name: 'demo.json', bytes: bytes(JSON.stringify(exported)) },
			'fr'
		);
		const risks = (stored(again.id).steps.risks?.data as Risks).risks;
		expect(risks.map((r) => r.catalogueKey)).toEqual([
			'illegitimate_access',
			'unwanted_modification',
			'data_disappearance'
		]);
	});

	it('A real CNIL PIA file is refused whole: a dangling evaluation is imported as a note', async () => {
		const file = JSON.parse(SAMPLE.toString('utf8'));
		// As in the CNIL tool's own test file.
		file.evaluations.push({ ...file.evaluations[0], reference_to: '3.1.[object Object]' });
		const created = await importCnilPia(
			ctx.db,
			actor,
			orgId,
			{ name: 'cnil-test.json', bytes: bytes(JSON.stringify(file)) },
			'fr'
		);
		const notes = stored(created.id).notes;
		expect(notes.filter((n) => n.includes('référence introuvable, évaluation'))).toHaveLength(1);
		// The import report reads it back from the audit entry and the notes.
		const view = importReportOf(ctx.db, created.id)!;
		expect(view.fileName).toBe('cnil-test.json');
		expect(view.report.orphans).toBe(1);
		expect(view.notes.filter((n) => n.kind === 'orphan')).toEqual([
			expect.objectContaining({
				step: 'risks',
				label: 'référence introuvable, évaluation « 3.1.[object Object] »'
			})
		]);
		expect(view.notes.reduce((sum, n) => sum + n.parts, 0)).toBe(notes.length);
		expect(importReportOf(ctx.db, orgAssessmentId())).toBeNull();
	});

	it('Import is quadratic: a hostile text is refused from the worker, nothing written', async () => {
		const file = JSON.parse(SAMPLE.toString('utf8'));
		file.answers[0].data.text = '<a "'.repeat(2_000_000);
		expect(await refused('hostile.json', bytes(JSON.stringify(file)))).toMatchObject({
			code: 'text_too_long'
		});
	});

	it('a file the worker cannot read within its budget is refused as too complex', async () => {
		const before = counts();
		const error = await importCnilPia(
			ctx.db,
			actor,
			orgId,
			{ name: 'pia.json', bytes: SAMPLE },
			'fr',
			{ timeoutMs: 1, maxOldGenerationSizeMb: 64 }
		).catch((e: unknown) => e);
		expect((error as CnilImportError).problem).toEqual({ code: 'too_complex' });
		expect(counts()).toEqual(before);
	});

	it('names the download from the title, with safe characters only', () => {
		expect(exportFileName('Prise de RDV « pédiatrie » / v2')).toBe(
			'prise-de-rdv-pediatrie-v2.pia.json'
		);
		expect(exportFileName('"";\\')).toBe('analyse.pia.json');
	});
});
