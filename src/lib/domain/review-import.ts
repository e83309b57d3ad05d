/**
 * What an update made in the CNIL's PIA tool changes against the decided version. The
 * CNIL file carries the three feared events of its method with their levels and measures,
 * and free text; no parties, countries or findings. So the comparison reads the risks:
 * a risk the decided version did not have, a residual level that moved, a measure that is
 * new. Texts are not compared: a reviewer reads them in the review version. Pure.
 */
import type { ContentChange } from './review';

export interface ComparedRisk {
	catalogueKey: string;
	title: string;
	residualSeverity: number;
	residualLikelihood: number;
	measures: readonly { title: string }[];
}

/** Titles matched as a reader would: case, spacing and Unicode forms aside. */
const key = (title: string) =>
	title.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');

/**
 * Risks are matched by catalogue entry (a custom risk by its title), in order when an
 * entry is used twice; a measure is new when no risk of the decided version has a measure
 * of that title.
 */
export function updateChanges(
	decided: readonly ComparedRisk[],
	imported: readonly ComparedRisk[]
): ContentChange[] {
	const riskKey = (r: ComparedRisk) =>
		r.catalogueKey === 'custom' ? `custom:${key(r.title)}` : r.catalogueKey;
	const before = new Map<string, ComparedRisk[]>();
	for (const r of decided) before.set(riskKey(r), [...(before.get(riskKey(r)) ?? []), r]);
	const measures = new Set(decided.flatMap((r) => r.measures.map((m) => key(m.title))));
	const changes: ContentChange[] = [];
	for (const risk of imported) {
		const was = before.get(riskKey(risk))?.shift();
		if (!was) changes.push({ kind: 'new_risk', title: risk.title });
		else if (
			was.residualSeverity !== risk.residualSeverity ||
			was.residualLikelihood !== risk.residualLikelihood
		) {
			changes.push({
				kind: 'risk_level',
				title: risk.title,
				from: { severity: was.residualSeverity, likelihood: was.residualLikelihood },
				to: { severity: risk.residualSeverity, likelihood: risk.residualLikelihood }
			});
		}
		for (const m of risk.measures) {
			if (m.title.trim() === '' || measures.has(key(m.title))) continue;
			measures.add(key(m.title));
			changes.push({ kind: 'new_measure', title: m.title, risk: risk.title });
		}
	}
	return changes;
}
