/** Report sections of the arbitration: risks with their map, benefits, scenarios, plan. */
import { m } from '$lib/paraglide/messages';
import { localize, type Localized } from '$lib/domain/knowledge/localized';
import { getOptionGroup } from '$lib/domain/knowledge/risks/scenario-options';
import { SEVERITY_SCALE } from '$lib/domain/knowledge/risks/scales';
import { riskMap } from '$lib/domain/risk-map';
import { benefitTotal, withThresholds, type Rule } from '$lib/domain/scoring';
import { compareFromSteps } from '$lib/domain/method/scenarios';
import type { Risk } from '$lib/domain/method/risks';
import { stepDefinition } from '$lib/domain/method/steps';
import { recordActionPlan } from './report-action-plan';
import type { ReportContext } from './report-context';
import type { Block, Section } from './report-doc';
import { formatDate } from './report-doc';
import { levelLabel, scoredLevel } from './report-labels';
import { notFilled } from './report-sections-method';

const dash = '—';
const orDash = (text: string | undefined | null) => (text && text.trim() !== '' ? text : dash);

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

function measureStatus(ctx: ReportContext, status: 'todo' | 'in_progress' | 'done'): string {
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

export function findingStatus(ctx: ReportContext, status: string): string {
	const labels: Record<string, () => string> = {
		open: () => m.findings_status_open({}, ctx.o),
		in_progress: () => m.findings_status_in_progress({}, ctx.o),
		resolved: () => m.findings_status_resolved({}, ctx.o),
		accepted: () => m.findings_status_accepted({}, ctx.o)
	};
	return labels[status]?.() ?? status;
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
						status: findingStatus(ctx, f.status)
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
				findingStatus(ctx, f.status),
				orDash(f.recommendation),
				f.riskIds.length ? f.riskIds.map(ctx.riskName).join(' ; ') : dash
			])
		}
	];
}

function confidenceLabel(ctx: ReportContext, c: 'low' | 'medium' | 'high'): string {
	return {
		low: () => m.benefits_confidence_low({}, ctx.o),
		medium: () => m.benefits_confidence_medium({}, ctx.o),
		high: () => m.benefits_confidence_high({}, ctx.o)
	}[c]();
}

export function benefitsSection(ctx: ReportContext): Section {
	const s = ctx.steps.benefits;
	const section: Section = {
		id: 'benefits',
		title: m.exports_report_benefits({}, ctx.o),
		blocks: []
	};
	if (!s) return { ...section, blocks: [notFilled(ctx)] };
	section.blocks = [
		{
			kind: 'table',
			caption: m.exports_report_benefits({}, ctx.o),
			headers: [
				m.exports_report_col_benefit({}, ctx.o),
				m.exports_report_col_magnitude({}, ctx.o),
				m.exports_report_col_confidence({}, ctx.o),
				m.exports_report_col_kpi({}, ctx.o)
			],
			widths: [4, 1, 1, 4],
			rows: s.benefits.map((b) => [
				b.justification ? `${b.title}\n${b.justification}` : b.title,
				`${b.magnitude}/4`,
				confidenceLabel(ctx, b.confidence),
				b.kpi
					? m.exports_report_kpi_value(
							{
								metric: b.kpi.metric,
								baseline: orDash(b.kpi.baseline),
								target: orDash(b.kpi.target),
								source: orDash(b.kpi.source)
							},
							ctx.o
						)
					: dash
			])
		},
		{
			kind: 'paragraph',
			tone: 'strong',
			text: m.exports_report_benefit_total({ total: benefitTotal(s.benefits) }, ctx.o)
		},
		{ kind: 'paragraph', tone: 'muted', text: m.exports_report_benefit_total_help({}, ctx.o) }
	];
	return section;
}

function ruleText(ctx: ReportContext, rule: Rule, title: string): string {
	const t = (x: Localized) => localize(x, ctx.locale);
	const axis =
		rule.target.kind === 'risk'
			? rule.target.axis === 'severity'
				? m.risks_severity({}, ctx.o)
				: m.risks_likelihood({}, ctx.o)
			: m.exports_report_col_magnitude({}, ctx.o);
	const delta = rule.delta > 0 ? `+${rule.delta}` : String(rule.delta);
	return `${title} — ${axis} ${delta} : ${t(rule.explanation)}`;
}

export function scenariosSection(ctx: ReportContext): Section {
	const s = ctx.steps.scenarios;
	const section: Section = {
		id: 'scenarios',
		title: m.exports_report_scenarios({}, ctx.o),
		blocks: [],
		newPage: true
	};
	if (!s) return { ...section, blocks: [notFilled(ctx)] };
	const t = (x: Localized) => localize(x, ctx.locale);
	const blocks: Block[] = [];
	for (const scenario of s.scenarios) {
		blocks.push({ kind: 'heading', text: scenario.name });
		blocks.push({
			kind: 'fields',
			rows: Object.entries(scenario.selection).map(([groupKey, choiceKey]) => {
				const group = getOptionGroup(groupKey);
				const choice = group?.choices.find((c) => c.key === choiceKey);
				return {
					label: group ? t(group.title) : groupKey,
					value: choice ? t(choice.label) : choiceKey
				};
			})
		});
		if (scenario.notes) blocks.push({ kind: 'paragraph', text: scenario.notes });
	}
	const comparison = compareFromSteps(ctx.steps.risks, ctx.steps.benefits, s.scenarios);
	if (!comparison.ok) {
		blocks.push({
			kind: 'paragraph',
			tone: 'muted',
			text: m.exports_report_no_comparison({}, ctx.o)
		});
		section.blocks = blocks;
		return section;
	}
	// Levels are re-read on the organisation's own risk map; scores and rules are unchanged.
	const results = withThresholds(comparison.scenarios, ctx.thresholds);
	const indexOfKey = (key: string) => comparison.risks.findIndex((r) => r.key === key);
	const titleOfRisk = (i: number) => `R${i + 1} — ${comparison.risks[i]?.title ?? ''}`;
	blocks.push({
		kind: 'table',
		caption: m.exports_report_comparison({}, ctx.o),
		headers: [m.exports_report_col_risk({}, ctx.o), ...results.map((r) => r.name)],
		widths: [3, ...results.map(() => 2)],
		rows: [
			...comparison.risks.map((_, i) => [
				titleOfRisk(i),
				...results.map((r) => {
					const l = r.risks[i];
					return l ? scoredLevel(l.severity, l.likelihood, ctx.thresholds, ctx.locale) : dash;
				})
			]),
			[
				m.exports_report_significant_count({}, ctx.o),
				...results.map((r) => String(r.significantCount))
			],
			[
				m.exports_report_highest({}, ctx.o),
				...results.map((r) =>
					r.highest === null
						? dash
						: `${titleOfRisk(indexOfKey(r.highest.key))} (${levelLabel(r.highest.level, ctx.locale)})`
				)
			],
			[
				m.exports_report_benefit_total_short({}, ctx.o),
				...results.map((r) => String(r.benefitTotal))
			]
		]
	});
	blocks.push({ kind: 'heading', text: m.exports_report_rules({}, ctx.o) });
	blocks.push({ kind: 'paragraph', tone: 'muted', text: m.exports_report_rules_help({}, ctx.o) });
	for (const r of results) {
		const lines: string[] = [];
		r.outcome.risks.forEach((risk, i) => {
			for (const rule of [...risk.severity.rules, ...risk.likelihood.rules]) {
				lines.push(ruleText(ctx, rule, `R${i + 1}`));
			}
		});
		r.outcome.benefits.forEach((b, i) => {
			for (const rule of b.magnitude.rules) {
				lines.push(ruleText(ctx, rule, comparison.benefits[i]?.title ?? b.key));
			}
		});
		blocks.push({ kind: 'paragraph', tone: 'strong', text: r.name });
		blocks.push(
			lines.length
				? { kind: 'list', items: lines }
				: { kind: 'paragraph', tone: 'muted', text: m.exports_report_no_rule({}, ctx.o) }
		);
	}
	section.blocks = blocks;
	return section;
}

export function actionPlanSection(ctx: ReportContext): Section {
	const today = ctx.generatedAt.toISOString().slice(0, 10);
	const items = recordActionPlan(ctx.record, today);
	const status = (s: 'todo' | 'in_progress' | 'done') => measureStatus(ctx, s);
	return {
		id: 'action_plan',
		title: m.exports_report_action_plan({}, ctx.o),
		blocks: items.length
			? [
					{
						kind: 'table',
						caption: m.exports_report_action_plan({}, ctx.o),
						headers: [
							m.exports_report_col_action({}, ctx.o),
							m.exports_report_col_origin({}, ctx.o),
							m.exports_report_col_owner({}, ctx.o),
							m.exports_report_col_due({}, ctx.o),
							m.exports_report_col_progress({}, ctx.o)
						],
						widths: [4, 3, 2, 2, 2],
						rows: items.map((item) => [
							item.title,
							item.riskTitle ?? localize(stepDefinition(item.stepKey).title, ctx.locale),
							orDash(item.owner),
							item.dueDate ? formatDate(item.dueDate, ctx.locale) : dash,
							item.overdue
								? m.exports_report_overdue({ status: status(item.status) }, ctx.o)
								: status(item.status)
						])
					}
				]
			: [{ kind: 'paragraph', tone: 'muted', text: m.exports_report_no_action({}, ctx.o) }]
	};
}
