/**
 * The decided demo's story, as edits of the template's steps: the project team cites the
 * national law behind each purpose, fixes the retention periods, drops the history import
 * the director refuses, reads the processor contract (two clauses still partial, to be fixed
 * by an amendment), documents the transfer tool, and records the measures behind every
 * residual score. The chosen scenario keeps sensitive reasons with the secretaries, sends
 * neutral SMS reminders and informs patients, so that the example passes the decision gate
 * (lib/domain/decision) for the right reasons.
 */
import type { Context } from '$lib/domain/method/context';
import type { Principles } from '$lib/domain/method/principles';
import type { Risks } from '$lib/domain/method/risks';
import type { Scenarios } from '$lib/domain/method/scenarios';
import { PROCESSOR_CLAUSE_KEYS } from '$lib/domain/knowledge/processor-clauses';
import { RISK_CATALOGUE } from '$lib/domain/knowledge/risks/risk-catalogue';

export const CHOSEN_SCENARIO = 'no-import-neutral-sms';
export const PARTIAL_CLAUSES = ['sub_processor_authorisation', 'deletion_or_return'] as const;

const LAW =
	' Base : mission de service public hospitalier (art. 6.1.e et 6.3 RGPD ; CSP L.6111-1 et L.6112-1) ; données de santé au titre de l’art. 9.2.h, sous secret médical (art. 9.3 ; CSP L.1110-4).';

const RETENTION: Record<string, string> = {
	Coordonnées: 'Supprimées avec le compte, 3 ans après la dernière connexion',
	'Rendez-vous':
		'3 mois après la date du rendez-vous sur la plateforme ; le dossier médical en garde la trace 20 ans',
	'Compte patient': 'Supprimé après 3 ans d’inactivité, après un e-mail d’avertissement',
	'Documents transmis': '30 jours sur la plateforme, puis versés au dossier médical'
};

export function storyContext(context: Context): Context {
	const keep = (text: string) => !text.startsWith('Reprise de l’historique');
	return {
		...context,
		purposes: context.purposes
			.filter((p) => keep(p.text))
			.map((p) => ({ ...p, text: p.text + LAW })),
		dataInventory: context.dataInventory
			.filter((row) => !row.category.startsWith('Historique'))
			.map((row) => ({ ...row, retention: RETENTION[row.category] ?? row.retention }))
	};
}

export function storyPrinciples(principles: Principles): Principles {
	const contract = Object.fromEntries(
		PROCESSOR_CLAUSE_KEYS.map((key, i) => [
			key,
			(PARTIAL_CLAUSES as readonly string[]).includes(key)
				? {
						status: 'partial',
						evidence: `Contrat de sous-traitance v2, art. ${i + 3} : rédaction incomplète`
					}
				: { status: 'present', evidence: `Contrat de sous-traitance v2, art. ${i + 3}` }
		])
	) as Principles['processorContract'];
	return {
		...principles,
		processorContract: contract,
		transfers: principles.transfers.map((t) => ({
			...t,
			mechanism: 'adequacy',
			conclusion:
				'Le groupe hébergeur adhère au cadre UE–États-Unis (décision d’adéquation (UE) 2023/1795). Les injonctions du CLOUD Act restent une exposition distincte : clés de chiffrement détenues hors de l’hébergeur, accès du support journalisés.',
			outcome: 'acceptable_with_measures'
		}))
	};
}

/** Every risk gets the catalogue's measures (one in place, the others planned) and a lower likelihood. */
export function storyRisks(risks: Risks, owner: string, dueDate: string): Risks {
	return {
		risks: risks.risks.map((r) => {
			const entry = RISK_CATALOGUE.find((e) => e.key === r.catalogueKey);
			const measures = (entry?.measures ?? []).slice(0, 2).map((m, i) => ({
				id: `${r.id}-${m.key}`,
				title: m.title.fr,
				kind: m.kind,
				state: i === 0 ? ('existing' as const) : ('planned' as const),
				owner: i === 0 ? '' : owner,
				dueDate: i === 0 ? '' : dueDate,
				status: i === 0 ? ('done' as const) : ('todo' as const)
			}));
			const lower = r.likelihood > 1 ? ((r.likelihood - 1) as typeof r.likelihood) : r.likelihood;
			return { ...r, measures, residualSeverity: r.severity, residualLikelihood: lower };
		})
	};
}

export function storyScenarios(scenarios: Scenarios): Scenarios {
	return {
		scenarios: scenarios.scenarios.map((s) =>
			s.id === CHOSEN_SCENARIO
				? {
						...s,
						selection: {
							...s.selection,
							sensitive_reasons: 'kept_with_secretaries',
							patient_information: 'campaign'
						}
					}
				: s
		)
	};
}
