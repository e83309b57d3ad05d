/**
 * The arbitration sections of the generated report: benefits, the scenarios compared and
 * the action plan (the risks themselves are in report-sections-risks.ts).
 */
import { m } from '$lib/paraglide/messages';
import { localize, type Localized } from '$lib/domain/knowledge/localized';
import { getOptionGroup } from '$lib/domain/knowledge/risks/scenario-options';
import { benefitTotal, type Rule } from '$lib/domain/scoring';
import { withThresholds } from '$lib/domain/scenario-comparison';
import { isPatientBenefit } from '$lib/domain/knowledge/risks/types';
import { compareFromSteps } from '$lib/domain/method/scenarios';
import { stepDefinition } from '$lib/domain/method/steps';
import { recordActionPlan } from './report-action-plan';
import type { ReportContext } from './report-context';
import type { Block, Section } from './report-doc';
import { formatDate } from './report-doc';
import { dash, levelLabel, orDash, scoredLevel } from './report-labels';
import { notFilled } from './report-sections-method';
import { measureStatus } from './report-sections-risks';

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
			text: m.exports_report_benefit_total(
				{ total: benefitTotal(s.benefits.filter((b) => isPatientBenefit(b.catalogueKey))) },
				ctx.o
			)
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
