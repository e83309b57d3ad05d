import { RISK_CATALOGUE } from '$lib/domain/knowledge/risks/risk-catalogue';
import { risksContent } from '$lib/domain/method/step-defs';
import { listFindings } from '../../findings';
import { getOrgSettings } from '../../org-settings';
import { defineStep } from '../step-page';

/**
 * Risks: new risks filled from the catalogue and the "no new measure due in the past" rule
 * (domain), plus, read-only, the security findings linked to each risk and the
 * organisation's risk-level table (the levels shown beside the scores follow it). The
 * catalogue's titles and suggested measures are sent as data: the page does not need the
 * rest of the catalogue (descriptions, sources, scores), which the server fills in.
 */
export const risksStep = defineStep({
	...risksContent,
	load: ({ db, assessment }) => ({
		findings: listFindings(db, assessment.id).map((f) => ({
			id: f.id,
			title: f.title,
			status: f.status,
			riskIds: f.riskIds
		})),
		thresholds: getOrgSettings(db, assessment.orgId).thresholds,
		catalogue: RISK_CATALOGUE.map((r) => ({ key: r.key, title: r.title, measures: r.measures }))
	})
});
