/** Report section of the risks: each risk with its measures and findings, the map, the table. */
import { m } from '$lib/paraglide/messages';
import { localize } from '$lib/domain/knowledge/localized';
import { SEVERITY_SCALE } from '$lib/domain/knowledge/risks/scales';
import { riskMap } from '$lib/domain/risk-map';
import type { Risk } from '$lib/domain/method/risks';
import type { ReportContext } from './report-context';
import type { Block, Section } from './report-doc';
import { formatDate } from './report-doc';
import { findingStatusLabel, levelLabel, scoredLevel, dash, orDash } from './report-labels';
import { notFilled } from './report-sections-method';

function measureKind(ctx: ReportContext, kind: Risk['measures'][number]['kind']): string {
	return {
		legal: () => m.risks_kind_legal({}, ctx.o),
		organisational: () => m.risks_kind_organisational({}, ctx.o),
		technical: () => m.risks_kind_technical({}, ctx.o)
	}[kind]();
}

function measureState(ctx: ReportContext, state: 'existing' | 'planned'): string {
	return state === 'existing'
		? m.risks_state_existing({}, ctx.o)
		: m.risks_state_planned({}, ctx.o);
}

export function measureStatus(ctx: ReportContext, status: 'todo' | 'in_progress' | 'done'): string {
	return {
		todo: () => m.risks_status_todo({}, ctx.o),
		in_progress: () => m.risks_status_in_progress({}, ctx.o),
		done: () => m.risks_status_done({}, ctx.o)
	}[status]();
}

function categoryLabel(ctx: ReportContext, category: Risk['category']): string {
	return {
		confidentiality: () => m.risks_category_confidentiality({}, ctx.o),
		integrity: () => m.risks_category_integrity({}, ctx.o),
		availability: () => m.risks_category_availability({}, ctx.o),
		lawfulness: () => m.risks_category_lawfulness({}, ctx.o),
		rights: () => m.risks_category_rights({}, ctx.o),
		dependency: () => m.risks_category_dependency({}, ctx.o),
		care_quality: () => m.risks_category_care_quality({}, ctx.o)
	}[category]();
}

function findingSeverity(ctx: ReportContext, severity: number): string {
	const entry = SEVERITY_SCALE[severity - 1];
	return entry ? `${severity} – ${localize(entry.label, ctx.locale)}` : String(severity);
}

function riskDetails(ctx: ReportContext, risk: Risk, index: number): Block[] {
	const th = ctx.thresholds;
	const findings = ctx.record.content.findings.filter((f) => f.riskIds.includes(risk.id));
	const blocks: Block[] = [
		{ kind: 'heading', text: `R${index + 1} — ${risk.title}` },
		{
			kind: 'fields',
			rows: [
				{
					label: m.exports_report_col_category({}, ctx.o),
					value: categoryLabel(ctx, risk.category)
				},
				{ label: m.exports_report_description({}, ctx.o), value: orDash(risk.description) },
				{ label: m.exports_report_sources({}, ctx.o), value: orDash(risk.sources.join(' ; ')) },
				{ label: m.exports_report_threats({}, ctx.o), value: orDash(risk.threats.join(' ; ')) },
				{ label: m.exports_report_impacts({}, ctx.o), value: orDash(risk.impacts.join(' ; ')) },
				{
					label: m.exports_report_initial({}, ctx.o),
					value: scoredLevel(risk.severity, risk.likelihood, th, ctx.locale)
				},
				{ label: m.exports_report_justification({}, ctx.o), value: orDash(risk.justification) },
				{
					label: m.exports_report_residual({}, ctx.o),
					value: scoredLevel(risk.residualSeverity, risk.residualLikelihood, th, ctx.locale)
				},
				...(risk.residualReason
					? [{ label: m.exports_report_residual_reason({}, ctx.o), value: risk.residualReason }]
					: [])
			]
		},
		risk.measures.length
			? {
					kind: 'table',
					caption: m.exports_report_measures_of({ risk: `R${index + 1}` }, ctx.o),
					headers: [
						m.exports_report_col_measure({}, ctx.o),
						m.exports_report_col_kind({}, ctx.o),
						m.exports_report_col_state({}, ctx.o),
						m.exports_report_col_owner({}, ctx.o),
						m.exports_report_col_due({}, ctx.o),
						m.exports_report_col_progress({}, ctx.o)
					],
					widths: [4, 2, 1, 2, 2, 1],
					rows: risk.measures.map((me) => [
						me.title,
						measureKind(ctx, me.kind),
						measureState(ctx, me.state),
						orDash(me.owner),
						me.dueDate ? formatDate(me.dueDate, ctx.locale) : dash,
						measureStatus(ctx, me.status)
					])
				}
			: { kind: 'paragraph', text: m.exports_report_no_measure({}, ctx.o), tone: 'muted' }
	];
	if (findings.length) {
		blocks.push({
			kind: 'list',
			items: findings.map((f) =>
				m.exports_report_linked_finding(
					{
						title: f.title,
						severity: findingSeverity(ctx, f.severity),
						status: findingStatusLabel(f.status, ctx.locale)
					},
					ctx.o
				)
			)
		});
	}
	return blocks;
}

export function risksSection(ctx: ReportContext): Section {
	const s = ctx.steps.risks;
	const section: Section = {
		id: 'risks',
		title: m.exports_report_risks({}, ctx.o),
		blocks: [],
		newPage: true
	};
	if (!s) return { ...section, blocks: [notFilled(ctx)] };
	const th = ctx.thresholds;
	const map = riskMap(
		s.risks.map((r, i) => ({ ...r, rank: i + 1 })),
		th
	);
	section.blocks = [
		{ kind: 'paragraph', text: m.exports_report_risks_intro({}, ctx.o) },
		{
			kind: 'riskMap',
			caption: m.exports_report_risk_map({}, ctx.o),
			severityAxis: m.risks_severity({}, ctx.o),
			likelihoodAxis: m.risks_likelihood({}, ctx.o),
			cells: map.cells.map((c) => ({ ...c, label: levelLabel(c.level, ctx.locale) })),
			markers: map.points.flatMap((p) => [
				{ label: `${p.label}i`, x: p.plot.initial.x, y: p.plot.initial.y, residual: false },
				{ label: `${p.label}r`, x: p.plot.residual.x, y: p.plot.residual.y, residual: true }
			]),
			legend: m.exports_report_risk_map_legend({}, ctx.o)
		},
		{
			kind: 'table',
			caption: m.exports_report_risk_table({}, ctx.o),
			headers: [
				m.exports_report_col_risk({}, ctx.o),
				m.exports_report_initial({}, ctx.o),
				m.exports_report_residual({}, ctx.o),
				m.exports_report_col_measures_count({}, ctx.o)
			],
			widths: [4, 2, 2, 1],
			rows: s.risks.map((r, i) => [
				`R${i + 1} — ${r.title}`,
				scoredLevel(r.severity, r.likelihood, th, ctx.locale),
				scoredLevel(r.residualSeverity, r.residualLikelihood, th, ctx.locale),
				String(r.measures.length)
			])
		},
		...s.risks.flatMap((r, i) => riskDetails(ctx, r, i)),
		...findingsBlocks(ctx),
		...(ctx.record.content.steps.risks?.evaluationComment
			? [
					{
						kind: 'paragraph' as const,
						tone: 'muted' as const,
						text: m.exports_report_evaluation(
							{ comment: ctx.record.content.steps.risks.evaluationComment },
							ctx.o
						)
					}
				]
			: [])
	];
	return section;
}

function findingsBlocks(ctx: ReportContext): Block[] {
	const findings = ctx.record.content.findings;
	if (!findings.length) return [];
	return [
		{
			kind: 'table',
			caption: m.exports_report_findings({}, ctx.o),
			headers: [
				m.exports_report_col_finding({}, ctx.o),
				m.exports_report_col_severity({}, ctx.o),
				m.exports_report_col_asset({}, ctx.o),
				m.exports_report_col_status({}, ctx.o),
				m.exports_report_col_recommendation({}, ctx.o),
				m.exports_report_col_linked_risks({}, ctx.o)
			],
			widths: [3, 1, 2, 1, 3, 2],
			rows: findings.map((f) => [
				f.title,
				findingSeverity(ctx, f.severity),
				orDash(f.asset),
				findingStatusLabel(f.status, ctx.locale),
				orDash(f.recommendation),
				f.riskIds.length ? f.riskIds.map(ctx.riskName).join(' ; ') : dash
			])
		}
	];
}
