/**
 * The prior-consultation file (GDPR art. 36(3)): what the controller gives the CNIL when a
 * residual risk stays high. Points (a) to (e) of art. 36(3) in order: responsibilities of
 * the controller and processors, purposes and means, measures and safeguards, the DPO's
 * contact details, and the DPIA itself (attached as the report). The dates to watch follow
 * art. 36(2): 8 weeks from receipt, extendable by 6.
 */
import { m } from '$lib/paraglide/messages';
import { ACTOR_ROLE_LABELS } from '$lib/domain/knowledge/context-vocabulary';
import { HEALTH_EXCEPTION_LABELS, LEGAL_BASIS_LABELS } from '$lib/domain/knowledge/legal-bases';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import { cnilDeadlines } from '$lib/domain/decision/art36';
import { decisionGate, type GateContent } from '$lib/domain/decision/gate';
import type { AssessmentRecord } from '$lib/server/record';
import { recordGateContent } from '$lib/server/decision-gate';
import { reportContext, type ReportContext, type ReportOptions } from './report-context';
import type { DocModel, Section } from './report-doc';

const TRIGGER = {
	top_level: m.decision_art36_top_level,
	severe_and_likely: m.decision_art36_severe_and_likely,
	compliance_open: m.decision_art36_compliance_open
} as const;

function responsibilities(ctx: ReportContext): Section {
	const actors = ctx.steps.context?.actors ?? [];
	return {
		id: 'responsibilities',
		title: m.decision_art36_doc_responsibilities({}, ctx.o),
		blocks: actors.length
			? [
					{
						kind: 'table',
						caption: m.decision_art36_doc_responsibilities({}, ctx.o),
						headers: [
							m.decision_art36_doc_actor({}, ctx.o),
							m.decision_art36_doc_role({}, ctx.o),
							m.decision_art36_doc_country({}, ctx.o)
						],
						rows: actors.map((a) => [
							a.name,
							localize(ACTOR_ROLE_LABELS[a.role], ctx.locale),
							a.country
						])
					}
				]
			: [{ kind: 'paragraph', tone: 'warning', text: m.decision_art36_doc_missing({}, ctx.o) }]
	};
}

function purposes(ctx: ReportContext): Section {
	const c = ctx.steps.context;
	return {
		id: 'purposes',
		title: m.decision_art36_doc_purposes({}, ctx.o),
		blocks: [
			{ kind: 'paragraph', text: c?.description || m.decision_art36_doc_missing({}, ctx.o) },
			{
				kind: 'list',
				items: (c?.purposes ?? []).map(
					(p) =>
						`${p.text} — ${localize(LEGAL_BASIS_LABELS[p.legalBasis], ctx.locale)}${p.healthException ? `, ${localize(HEALTH_EXCEPTION_LABELS[p.healthException], ctx.locale)}` : ''}`
				)
			},
			{ kind: 'list', items: (c?.assets ?? []).map((a) => `${a.name} (${a.owner || '—'})`) }
		]
	};
}

function measures(ctx: ReportContext, gate: GateContent, scenarioId: string | null): Section {
	const result = decisionGate(gate, {
		outcome: 'refer_cnil',
		scenarioId,
		compliance: [],
		reservations: [],
		explanations: [],
		conditionCount: 0,
		today: ctx.generatedAt.toISOString().slice(0, 10)
	});
	const risks = gate.risks;
	return {
		id: 'measures',
		title: m.decision_art36_doc_measures({}, ctx.o),
		blocks: [
			{
				kind: 'table',
				caption: m.decision_art36_doc_measures({}, ctx.o),
				headers: [
					m.decision_art36_doc_risk({}, ctx.o),
					m.decision_art36_doc_residual({}, ctx.o),
					m.decision_art36_doc_measure_list({}, ctx.o)
				],
				rows: risks.map((r, i) => {
					const res = result.residuals[i];
					const list = r.measures.map(
						(x) =>
							`${x.title} (${x.state}${x.owner ? `, ${x.owner}` : ''}${x.dueDate ? `, ${x.dueDate}` : ''})`
					);
					return [
						r.title,
						res ? `${res.severity} × ${res.likelihood} → ${res.level}` : '—',
						list.join('; ') || m.decision_art36_doc_no_measure({}, ctx.o)
					];
				})
			},
			{ kind: 'heading', text: m.decision_art36_doc_triggers({}, ctx.o) },
			{
				kind: 'list',
				items: result.art36.map((t) => TRIGGER[t.reason]({ subject: t.subject || t.ref }, ctx.o))
			}
		]
	};
}

function dpo(ctx: ReportContext): Section {
	const found = (ctx.steps.context?.actors ?? []).find((a) => a.role === 'dpo');
	return {
		id: 'dpo',
		title: m.decision_art36_doc_dpo({}, ctx.o),
		blocks: [
			found
				? { kind: 'paragraph', text: `${found.name}${found.notes ? ` — ${found.notes}` : ''}` }
				: { kind: 'paragraph', tone: 'warning', text: m.decision_art36_doc_missing({}, ctx.o) }
		]
	};
}

function dpia(ctx: ReportContext): Section {
	const decision = ctx.record.decision;
	const blocks: Section['blocks'] = [
		{
			kind: 'paragraph',
			text: m.decision_art36_doc_dpia_attached({ hash: ctx.record.contentHash }, ctx.o)
		}
	];
	if (decision?.outcome === 'refer_cnil') {
		const sent = decision.signedAt.slice(0, 10);
		const d = cnilDeadlines(sent);
		blocks.push({
			kind: 'paragraph',
			tone: 'strong',
			text: m.decision_art36_deadline({ sent, due: d.answerDue, extended: d.extendedDue }, ctx.o)
		});
	}
	return { id: 'dpia', title: m.decision_art36_doc_dpia({}, ctx.o), blocks };
}

export function art36Model(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): DocModel {
	const ctx = reportContext(record, locale, options);
	const gate = recordGateContent(record);
	const title = m.decision_art36_doc_title({}, ctx.o);
	return {
		locale,
		title,
		subject: record.assessment.title,
		author: record.assessment.orgName,
		cover: {
			kicker: record.assessment.orgName,
			title,
			fields: [],
			compact: true,
			note: m.decision_art36_doc_intro({ processing: record.assessment.title }, ctx.o)
		},
		sections: [
			responsibilities(ctx),
			purposes(ctx),
			measures(ctx, gate, record.decision?.details?.scenarioId ?? null),
			dpo(ctx),
			dpia(ctx)
		],
		footer: `${record.assessment.orgName} — ${title} — v${record.versionNumber}`
	};
}
