import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '$lib/domain/roles';
import { formatImportSummary } from '$lib/domain/interop/cnil-pia-report';
import { demoEmail, seedDemo } from '../seed';
import { tempDatabase } from '../testing/temp-db';
import { findByEmail } from '../users';
import { assessments, type Assessment } from '../db/schema';
import * as steps from '../steps';
import * as audit from '../audit';
import { archive, updateMeta } from '../assessments';
import { addComment } from '../comments';
import { createFinding, updateFinding } from '../findings';
import { exportAuditSummary } from '../http/export-response';
import { auditActionLabel, auditSummaryText } from './report-audit-labels';
import { signalChange } from '../review';
import { markConditionMet } from '../conditions';
import { eq } from 'drizzle-orm';
import { summaryInWords } from './report-audit-summaries';

/** Words of the stored English forms: none may reach a French reader. */
const ENGLISH =
	/\b(saved|requested|evaluated|exported|created|edited|added|updated|frozen|archived|blank|characters|bytes|severity|on [0-9a-f]{12})\b/;

describe('audit summaries told in the reader’s language', { timeout: 60_000 }, () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let a: Assessment;
	let entries: { action: string; summary: string }[];

	beforeAll(async () => {
		ctx = tempDatabase();
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		a = ctx.db.select().from(assessments).get()!;
		const actor = (role: Role) => {
			const u = findByEmail(ctx.db, demoEmail(role))!;
			return { userId: u.id, label: u.email, role, orgId: a.orgId };
		};
		const reload = () => ctx.db.select().from(assessments).get()!;
		// Every writer of an assessment's history, through its real code path.
		const row = () => steps.getStep(ctx.db, a.id, 'screening')!;
		steps.saveContent(ctx.db, actor('dpo'), reload(), 'screening', row().data, row().version);
		steps.requestReview(ctx.db, actor('contributor'), reload(), 'screening', row().version);
		steps.evaluate(ctx.db, actor('dpo'), reload(), 'screening', row().version, {
			status: 'improvable',
			evaluationComment: '',
			actionPlanComment: 'à revoir'
		});
		addComment(ctx.db, actor('dpo'), a, 'screening', 'Un commentaire');
		const finding = createFinding(ctx.db, actor('security'), a, {
			title: 'Constat',
			severity: 3,
			asset: 'Portail',
			evidence: '',
			recommendation: '',
			status: 'open',
			riskIds: []
		});
		updateFinding(ctx.db, actor('security'), a, finding.id, finding.version, {
			status: 'resolved'
		});
		updateMeta(ctx.db, actor('dpo'), a.id, {
			title: 'Titre',
			description: '',
			version: reload().version
		});
		archive(ctx.db, actor('dpo'), a.id, reload().version);
		// Changes reported on the decided example (the review they call for).
		const decided = ctx.db
			.select()
			.from(assessments)
			.where(eq(assessments.status, 'decided'))
			.get()!;
		signalChange(ctx.db, actor('security'), decided.id, {
			kind: 'vulnerability',
			severity: 4,
			detail: 'Faille'
		});
		signalChange(ctx.db, actor('dpo'), decided.id, { kind: 'other', severity: null, detail: 'x' });
		// A condition of its decision met (the third: keeping the telephone booking).
		markConditionMet(
			ctx.db,
			actor('dpo'),
			decided.id,
			2,
			'Secrétariat maintenu, horaires inchangés.'
		);
		// The template's history and the decided example's (opinions, decision, workflow).
		entries = ctx.db
			.select()
			.from(assessments)
			.all()
			.flatMap((x) => audit.entriesFor(ctx.db, x.id, 1000))
			.map((e) => ({ action: e.action, summary: e.summary }));
	});
	afterAll(() => ctx.dispose());

	it('tells every entry the app writes in French words, with no code and no English form', () => {
		const actions = new Set(entries.map((e) => e.action));
		for (const action of [
			'assessment.create',
			'step.save',
			'step.request_review',
			'step.evaluate',
			'comment.add',
			'finding.create',
			'finding.update',
			'assessment.update',
			'assessment.archive',
			'opinion.sign',
			'decision.sign',
			'review.signal',
			'decision.condition_met'
		])
			expect(actions, action).toContain(action);
		for (const { action, summary } of entries) {
			if (action.startsWith('workflow.')) continue;
			const words = summaryInWords(action, summary, 'fr');
			expect(words, `${action}: ${summary}`).not.toBeNull();
			expect(words!, summary).not.toMatch(ENGLISH);
			expect(words!, summary).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
			expect(auditActionLabel(action, 'fr')).not.toBe('Autre opération');
		}
	});

	it('names steps by their title and statuses by their label', () => {
		const text = (action: string) =>
			entries
				.filter((e) => e.action === action)
				.map((e) => auditSummaryText(e.action, e.summary, 'fr'));
		expect(text('step.save')).toContain('Étape « Faut-il une AIPD ? » enregistrée');
		expect(text('step.evaluate')).toContain('Étape « Faut-il une AIPD ? » évaluée : Améliorable');
		expect(text('finding.update')).toContain('Constat de sécurité mis à jour (statut : Corrigé)');
		expect(text('step.save')).not.toContain('screening saved');
		// Newest first, as the history reads.
		expect(text('review.signal')).toEqual([
			'Changement signalé : Autre changement',
			'Changement signalé : Vulnérabilité, gravité 4, avance le réexamen'
		]);
		expect(text('decision.condition_met')).toEqual([
			'Condition remplie : Maintenir la prise de rendez-vous par téléphone au secrétariat.'
		]);
		expect(auditActionLabel('decision.condition_met', 'fr')).toBe(
			'Condition d’une décision remplie'
		);
		expect(auditActionLabel('decision.condition_met', 'en')).toBe('Condition of a decision met');
		expect(
			auditSummaryText('decision.condition_met', 'condition 1 met: Sign the amendment.', 'en')
		).toBe('Condition met: Sign the amendment.');
		expect(text('decision.sign').join()).toMatch(
			/^Validé sous conditions, sur le contenu d’empreinte [0-9a-f]{12}… ; version 1 figée/
		);
	});

	it('reads back the export and import forms the app writes', () => {
		const hash = 'a'.repeat(64);
		expect(
			auditSummaryText(
				'assessment.export',
				exportAuditSummary({ kind: 'report.pdf', ext: 'pdf' }, 2, 'en', hash),
				'fr'
			)
		).toBe(
			`Export : rapport d’analyse d’impact (PDF), version 2, en anglais ; empreinte du contenu ${hash}`
		);
		expect(
			auditSummaryText(
				'assessment.export',
				exportAuditSummary({ kind: 'evidence bundle', ext: 'zip' }, 1, 'fr', hash),
				'fr'
			)
		).toContain('dossier de preuve signé (ZIP), version 1, en français');
		const imported = formatImportSummary('pia.json', {
			counts: { answers: 3, measures: 2, evaluations: 1, comments: 0 },
			fields: [],
			risks: [],
			measuresAttached: 0,
			evaluated: [],
			notes: 0,
			orphans: 0,
			warnings: 0
		} as unknown as Parameters<typeof formatImportSummary>[1]);
		expect(auditSummaryText('assessment.import', imported, 'fr')).toMatch(
			/^Importée du fichier PIA de la CNIL « pia\.json » : 3 réponse\(s\), 2 mesure\(s\)/
		);
	});

	it('shows a summary of an unknown form as stored rather than guessing', () => {
		expect(summaryInWords('step.save', 'ancienne formulation', 'fr')).toBeNull();
		expect(auditSummaryText('step.save', 'ancienne formulation', 'fr')).toBe(
			'ancienne formulation'
		);
	});
});
