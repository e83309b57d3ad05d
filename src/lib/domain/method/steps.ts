import type { Localized } from '../knowledge/localized';

/**
 * The steps of the DPIA, in the order the workbench walks through them. The order follows
 * the CNIL PIA method (context, fundamental principles, risks) with the screening first,
 * the consultation reasons (motifs) inside the principles part because they are a
 * minimisation decision, and the arbitration steps (benefits, scenarios, plan, opinions,
 * decision) that the hospitals interviewed said were missing from their practice.
 */
export const STEP_KEYS = [
	'screening',
	'context',
	'principles',
	'motifs',
	'risks',
	'benefits',
	'scenarios',
	'action_plan',
	'opinions',
	'decision'
] as const;

export type StepKey = (typeof STEP_KEYS)[number];

export type StepDefinition = {
	key: StepKey;
	title: Localized;
	help: Localized;
};

export const STEPS: readonly StepDefinition[] = [
	{
		key: 'screening',
		title: { fr: 'Faut-il une AIPD ?', en: 'Is a DPIA required?' },
		help: {
			fr: "Cochez les critères du CEPD (lignes directrices WP248) que remplit le projet et indiquez s'il relève de la liste CNIL des traitements soumis à analyse d'impact. Dès deux critères, ou si le traitement figure sur cette liste, l'analyse est obligatoire avant la mise en service. Si vous concluez qu'elle ne l'est pas, expliquez pourquoi : cette justification sera conservée.",
			en: 'Tick the EDPB (WP248 guidelines) criteria the project meets and say whether it falls under the CNIL list of processing that requires an impact assessment. Two criteria or more, or an entry on that list, make the assessment mandatory before go-live. If you conclude that it is not required, explain why: the justification is kept on record.'
		}
	},
	{
		key: 'context',
		title: { fr: 'Contexte du traitement', en: 'Context of the processing' },
		help: {
			fr: 'Décrivez ce que fait le service de prise de rendez-vous en ligne, pour quelles finalités et sur quelle base légale, quelles données circulent, qui sont les personnes concernées, qui intervient (responsable de traitement, DPO, sous-traitants et leurs propres sous-traitants), comment les données vivent de la collecte à la suppression, et sur quels supports elles reposent.',
			en: 'Describe what the online booking service does, for which purposes and on which legal basis, which data flow through it, who the data subjects are, who takes part (controller, DPO, processors and their own sub-processors), how the data live from collection to deletion, and which supporting assets hold them.'
		}
	},
	{
		key: 'principles',
		title: { fr: 'Principes fondamentaux', en: 'Fundamental principles' },
		help: {
			fr: 'Vérifiez que chaque donnée est nécessaire, que les données restent exactes, que les durées de conservation sont fixées et justifiées, que chaque droit des patients peut être exercé, que le contrat de sous-traitance contient les clauses exigées par l’article 28 du RGPD et que les éventuels accès depuis un pays tiers ont été évalués.',
			en: 'Check that every data item is needed, that data stay accurate, that retention periods are set and justified, that each patient right can be exercised, that the processor contract holds the clauses required by GDPR article 28, and that any access from a third country has been assessed.'
		}
	},
	{
		key: 'motifs',
		title: { fr: 'Motifs de consultation', en: 'Consultation reasons' },
		help: {
			fr: 'Pour chaque motif de rendez-vous du service, décidez s’il est ouvert à la réservation en ligne ou laissé au secrétariat. Les motifs sensibles (IVG, cancérologie, psychiatrie, protection de l’enfance, premières consultations qui demandent un tri) restent par défaut au secrétariat. Ne faites saisir le motif que lorsqu’il sert à préparer la consultation.',
			en: 'For each appointment reason of the service, decide whether it can be booked online or stays with the secretaries. Sensitive reasons (abortion, oncology, psychiatry, child protection, first visits that need triage) stay with the secretaries by default. Only ask patients for the reason when it is used to prepare the visit.'
		}
	},
	{
		key: 'risks',
		title: { fr: 'Risques', en: 'Risks' },
		help: {
			fr: 'Évaluez chaque risque pour les personnes (accès illégitime, modification non désirée, disparition des données, et les risques propres au projet) en gravité et en vraisemblance, avant puis après les mesures prévues.',
			en: 'Rate each risk to the data subjects (illegitimate access, unwanted modification, disappearance of data, and the risks specific to the project) for severity and likelihood, before and after the planned measures.'
		}
	},
	{
		key: 'benefits',
		title: { fr: 'Bénéfices', en: 'Benefits' },
		help: {
			fr: 'Recensez ce que le projet apporte aux patients, aux équipes et à l’établissement, avec une ampleur, un niveau de confiance et, si possible, un indicateur mesurable.',
			en: 'List what the project brings to patients, staff and the hospital, with a magnitude, a confidence level and, where possible, a measurable indicator.'
		}
	},
	{
		key: 'scenarios',
		title: { fr: 'Scénarios', en: 'Scenarios' },
		help: {
			fr: 'Composez des options de déploiement (reprise d’historique, rappels, motifs en ligne, hébergement, information des patients) et comparez côte à côte leurs risques résiduels et leurs bénéfices.',
			en: 'Build deployment options (historical import, reminders, reasons online, hosting, patient information) and compare their residual risks and benefits side by side.'
		}
	},
	{
		key: 'action_plan',
		title: { fr: "Plan d'action", en: 'Action plan' },
		help: {
			fr: 'Listez les mesures promises, avec un responsable, une échéance et un état d’avancement.',
			en: 'List the promised measures, each with an owner, a due date and a status.'
		}
	},
	{
		key: 'opinions',
		title: { fr: 'Avis', en: 'Opinions' },
		help: {
			fr: 'Recueillez l’avis du DPO, celui du RSSI, le point de vue des représentants des usagers et, le cas échéant, l’avis médical.',
			en: 'Collect the DPO opinion, the security officer opinion, the patient representatives’ view and, where relevant, the medical opinion.'
		}
	},
	{
		key: 'decision',
		title: { fr: 'Décision', en: 'Decision' },
		help: {
			fr: 'Le directeur retient un scénario, motive son choix, accepte les risques résiduels en connaissance de cause et fixe la date de réexamen.',
			en: 'The director picks a scenario, gives the reasons, knowingly accepts the residual risks and sets the review date.'
		}
	}
];

/**
 * Only the method steps get an evaluation status. The later steps are not "validated" in
 * the CNIL PIA tool sense: the action plan is tracked measure by measure, and opinions and
 * the decision are signed acts recorded by the workflow, not reviewed content.
 */
export const EVALUATED_STEPS = [
	'screening',
	'context',
	'principles',
	'motifs',
	'risks',
	'benefits',
	'scenarios'
] as const satisfies readonly StepKey[];

export type EvaluatedStepKey = (typeof EVALUATED_STEPS)[number];

/** The DPO's verdict on a step (CNIL PIA: to correct, improvable, acceptable). */
export const EVALUATIONS = ['to_correct', 'improvable', 'acceptable'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

export const STEP_STATUSES = [
	'not_started',
	'in_progress',
	'review_requested',
	...EVALUATIONS
] as const;

export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_STATUS_LABELS: Record<StepStatus, Localized> = {
	not_started: { fr: 'Non commencée', en: 'Not started' },
	in_progress: { fr: 'En cours', en: 'In progress' },
	review_requested: { fr: 'Évaluation demandée', en: 'Review requested' },
	to_correct: { fr: 'À corriger', en: 'To be corrected' },
	improvable: { fr: 'Améliorable', en: 'Improvable' },
	acceptable: { fr: 'Acceptable', en: 'Acceptable' }
};

/**
 * Same rule as the CNIL PIA tool: "improvable" counts as validated, because the reviewer
 * accepted the step on condition of the measures entered in the action plan.
 */
export function isStepDone(status: StepStatus): boolean {
	return status === 'acceptable' || status === 'improvable';
}

export function isStepKey(value: unknown): value is StepKey {
	return typeof value === 'string' && (STEP_KEYS as readonly string[]).includes(value);
}

export function stepDefinition(key: StepKey): StepDefinition {
	const step = STEPS.find((candidate) => candidate.key === key);
	if (!step) throw new Error(`Unknown step: ${key}`);
	return step;
}

/**
 * Progress over the evaluated steps only. Statuses of non-evaluated steps are ignored and a
 * missing entry counts as not started, so a partial record from storage is safe to pass.
 */
export function progress(statuses: Partial<Record<StepKey, StepStatus>>): {
	done: number;
	total: number;
	percent: number;
} {
	const total = EVALUATED_STEPS.length;
	const done = EVALUATED_STEPS.filter((key) => isStepDone(statuses[key] ?? 'not_started')).length;
	return { done, total, percent: Math.round((done / total) * 100) };
}
