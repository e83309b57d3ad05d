import { eq } from 'drizzle-orm';
import { decisionProblems, type DecisionDetails } from '$lib/domain/signoff';
import type { Role } from '$lib/domain/roles';
import { assessments, users } from './db/schema';
import { create as createAssessment } from './assessments';
import { contentHash, currentContent } from './content';
import { thresholdsOf } from './record';
import { applyTransition } from './workflow';
import { residualRisks, scenarioIds, signDecision, signOpinion } from './signoffs';
import type { Db } from './db';

export const DECIDED_DEMO_TITLE =
	'Exemple décidé — rendez-vous en ligne des consultations externes de pédiatrie';

/**
 * A second demo assessment, already taken through the whole workflow by the demo roles,
 * so that a newcomer sees a decision record, signatures and an evidence bundle at once.
 * Written through the same functions as the pages (audited, hash-bound); only the
 * step-up re-authentication is skipped, since nobody is at a keyboard.
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
	const opinion = (role: Role, kind: 'dpo' | 'security' | 'data_subjects', body: string) =>
		signOpinion(db, who(role).actor, who(role).signer, created.id, {
			kind,
			extraKey: null,
			verdict: 'reservations',
			body,
			seenHash: hash()
		});

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

	const content = currentContent(db, current());
	const review = new Date();
	review.setUTCFullYear(review.getUTCFullYear() + 1);
	const due = new Date();
	due.setUTCMonth(due.getUTCMonth() + 2);
	const details: DecisionDetails = {
		scenarioId: scenarioIds(content)[0] ?? null,
		acceptedRisks: residualRisks(content, thresholdsOf(db, content, orgId))
			.filter((r) => r.level >= 3)
			.map((r) => ({
				riskId: r.id,
				rationale:
					'Risque résiduel accepté au vu du bénéfice attendu pour l’accès aux soins, sous réserve des conditions ci-dessous.'
			})),
		conditions: [
			{
				text: 'Informer les patients de l’import de l’historique et recueillir les oppositions avant tout transfert.',
				owner: 'DPO',
				dueDate: due.toISOString().slice(0, 10)
			},
			{
				text: 'Paramétrer des rappels SMS au libellé neutre (ni spécialité, ni motif).',
				owner: 'Direction des systèmes d’information',
				dueDate: due.toISOString().slice(0, 10)
			}
		],
		reviewDate: review.toISOString().slice(0, 10)
	};
	const problems = decisionProblems('approve_with_conditions', details, {
		residualRisks: residualRisks(content, thresholdsOf(db, content, orgId)),
		scenarioIds: scenarioIds(content),
		today: new Date().toISOString().slice(0, 10)
	});
	if (problems.length) throw new Error(`demo decision incomplete: ${JSON.stringify(problems)}`);
	signDecision(db, who('director').actor, who('director').signer, created.id, {
		outcome: 'approve_with_conditions',
		body: 'Mise en service approuvée pour le service pilote, sous les conditions listées, au vu des avis du DPO, du RSSI et des représentants des usagers.',
		details,
		seenHash: hash()
	});
}
