import { eq } from 'drizzle-orm';
import { decisionProblems, type DecisionDetails } from '$lib/domain/signoff';
import { EVALUATED_STEPS, type StepKey } from '$lib/domain/method/steps';
import type { Role } from '$lib/domain/roles';
import { assessments, users } from './db/schema';
import { create as createAssessment } from './assessments';
import { contentHash, currentContent } from './content';
import * as steps from './steps';
import { applyTransition } from './workflow';
import { gateDecisionOf, scenarioIds, signDecision, signOpinion } from './signoffs';
import { judge } from './decision-gate';
import {
	CHOSEN_SCENARIO,
	PARTIAL_CLAUSES,
	storyContext,
	storyPrinciples,
	storyRisks,
	storyScenarios
} from './seed-decided-story';
import type { Db } from './db';

export const DECIDED_DEMO_TITLE =
	'Exemple décidé — rendez-vous en ligne des consultations externes de pédiatrie';

const isoIn = (months: number) => {
	const d = new Date();
	d.setUTCMonth(d.getUTCMonth() + months);
	return d.toISOString().slice(0, 10);
};

/**
 * A second demo assessment, already taken through the whole workflow by the demo roles,
 * so that a newcomer sees a decision record, signatures and an evidence bundle at once.
 * Written through the same functions as the pages (audited, hash-bound); only the
 * step-up re-authentication is skipped, since nobody is at a keyboard. The project team
 * (contributor) writes the content, the DPO evaluates it and advises, the director decides
 * (GDPR art. 35(2): the controller carries out the DPIA, the DPO advises).
 */
export function seedDecidedExample(db: Db, orgId: string, ids: Record<Role, string>): void {
	const who = (role: Role) => {
		const u = db.select().from(users).where(eq(users.id, ids[role])).get()!;
		return {
			actor: { userId: u.id, label: u.email, role, orgId },
			signer: { id: u.id, name: u.name, role }
		};
	};
	const created = createAssessment(
		db,
		who('dpo').actor,
		{ orgId, title: DECIDED_DEMO_TITLE, description: '', template: 'booking' },
		'fr'
	);
	const current = () => db.select().from(assessments).where(eq(assessments.id, created.id)).get()!;
	const move = (role: Role, action: 'submit_for_review' | 'open_opinions' | 'request_decision') =>
		applyTransition(db, who(role).actor, role, created.id, action, current().version);
	const hash = () => contentHash(currentContent(db, current()));
	const edit = <T>(step: StepKey, change: (data: T) => T) => {
		const row = steps.getStep(db, created.id, step)!;
		steps.saveContent(
			db,
			who('contributor').actor,
			current(),
			step,
			change(row.data as T),
			row.version
		);
	};
	const opinion = (role: Role, kind: 'dpo' | 'security' | 'data_subjects', body: string) =>
		signOpinion(db, who(role).actor, who(role).signer, created.id, {
			kind,
			extraKey: null,
			verdict: 'reservations',
			body,
			seenHash: hash()
		});

	const due = isoIn(2);
	edit('context', storyContext);
	edit('principles', storyPrinciples);
	edit('risks', (r: Parameters<typeof storyRisks>[0]) => storyRisks(r, 'DSI', due));
	edit('scenarios', storyScenarios);
	for (const step of EVALUATED_STEPS) {
		const row = steps.getStep(db, created.id, step)!;
		const improvable = step === 'principles';
		steps.evaluate(db, who('dpo').actor, current(), step, row.version, {
			status: improvable ? 'improvable' : 'acceptable',
			evaluationComment: '',
			actionPlanComment: improvable
				? 'Avenant au contrat : autorisation des sous-traitants ultérieurs et restitution des données.'
				: ''
		});
	}

	move('contributor', 'submit_for_review');
	move('dpo', 'open_opinions');
	opinion(
		'dpo',
		'dpo',
		"Avis favorable sous réserve : ne pas importer l'historique de deux ans sans information préalable des patients et possibilité de s'y opposer ; rappels par SMS au libellé neutre, sans spécialité ni motif ; vérifier l'absence d'accès depuis les États-Unis dans l'avenant au contrat."
	);
	opinion(
		'security',
		'security',
		"Hébergement certifié HDS confirmé. Deux points restent ouverts : la journalisation des accès du support de l'éditeur et le chiffrement des exports. Avis favorable si ces deux mesures sont faites avant la mise en service."
	);
	opinion(
		'representative',
		'data_subjects',
		"Les usagers consultés apprécient la réservation en ligne, mais refusent qu'un SMS laisse deviner la consultation. Ils demandent que les motifs sensibles restent au secrétariat et qu'une ligne téléphonique soit maintenue."
	);
	move('dpo', 'request_decision');

	const details: DecisionDetails = {
		scenarioId: CHOSEN_SCENARIO,
		acceptedRisks: [],
		conditions: [
			{
				text: 'Signer l’avenant au contrat : accès depuis les États-Unis exclus, sous-traitants ultérieurs soumis à autorisation écrite, restitution des données en fin de contrat.',
				owner: 'Direction des achats et DPO',
				dueDate: due
			},
			{
				text: 'Journaliser les accès du support de l’éditeur et chiffrer les exports avant la mise en service.',
				owner: 'Direction des systèmes d’information',
				dueDate: due
			},
			{
				text: 'Maintenir la prise de rendez-vous par téléphone au secrétariat.',
				owner: 'Direction des consultations externes',
				dueDate: due
			}
		],
		reviewDate: isoIn(12),
		compliance: PARTIAL_CLAUSES.map((key) => ({
			itemKey: `processor_contract:${key}`,
			answer: 'planned' as const,
			text: 'Clause complétée par l’avenant au contrat de sous-traitance (condition 1).',
			owner: 'Direction des achats',
			dueDate: due
		})),
		reservationAnswers: [
			{
				key: 'dpo',
				response: 'condition',
				text: 'Pas d’import d’historique (scénario retenu) ; rappels SMS neutres ; avenant excluant les accès depuis les États-Unis (condition 1).'
			},
			{
				key: 'security',
				response: 'condition',
				text: 'Journalisation du support et chiffrement des exports (condition 2).'
			},
			{
				key: 'data_subjects',
				response: 'condition',
				text: 'Motifs sensibles gardés au secrétariat (scénario retenu), SMS neutres, ligne téléphonique maintenue (condition 3).'
			}
		],
		explanations: []
	};
	const content = currentContent(db, current());
	const gate = judge(
		db,
		current(),
		gateDecisionOf({ outcome: 'approve_with_conditions', details })
	);
	const accepted = gate.residuals.filter((r) => r.level >= 3);
	details.acceptedRisks = accepted.map((r) => ({
		riskId: r.id,
		rationale:
			'Risque résiduel accepté au vu des mesures listées et du scénario retenu, sous les conditions ci-dessous.'
	}));
	const problems = [
		...gate.blockers,
		...decisionProblems('approve_with_conditions', details, {
			residualRisks: gate.residuals,
			scenarioIds: scenarioIds(content),
			today: new Date().toISOString().slice(0, 10)
		})
	];
	if (problems.length) throw new Error(`demo decision incomplete: ${JSON.stringify(problems)}`);
	signDecision(db, who('director').actor, who('director').signer, created.id, {
		outcome: 'approve_with_conditions',
		body: 'Mise en service approuvée pour le service pilote, sans reprise d’historique, avec des rappels SMS neutres et une campagne d’information, sous les conditions listées, au vu des avis du DPO, du RSSI et des représentants des usagers.',
		details,
		seenHash: hash()
	});
}
