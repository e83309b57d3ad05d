/** Report sections of the descriptive steps: screening, context, principles, reasons. */
import { m } from '$lib/paraglide/messages';
import { localize } from '$lib/domain/knowledge/localized';
import {
	ACTOR_ROLE_LABELS,
	ASSET_TYPE_LABELS,
	DATA_SUBJECT_LABELS,
	LIFECYCLE_STAGE_LABELS,
	LIFECYCLE_STAGES,
	TRI_STATE_LABELS
} from '$lib/domain/knowledge/context-vocabulary';
import { HEALTH_EXCEPTION_LABELS, LEGAL_BASIS_LABELS } from '$lib/domain/knowledge/legal-bases';
import {
	MOTIF_DECISION_LABELS,
	PRACTITIONER_LABELS,
	SENSITIVITY_FLAG_INFO,
	VISIT_KIND_LABELS
} from '$lib/domain/knowledge/motif-vocabulary';
import {
	RIGHT_KEYS,
	RIGHTS,
	TRANSFER_MECHANISM_LABELS,
	TRANSFER_OUTCOME_LABELS
} from '$lib/domain/knowledge/principles-vocabulary';
import { CLAUSE_STATUS_LABELS, PROCESSOR_CLAUSES } from '$lib/domain/knowledge/processor-clauses';
import { CNIL_LIST_ITEM, criterion } from '$lib/domain/knowledge/screening-criteria';
import { contractGaps, screen, type Motif } from '$lib/domain/method';
import type { ParsedSteps, ReportContext } from './report-context';
import type { Block, Section } from './report-doc';
import { yesNo, dash, orDash } from './report-labels';

export function notFilled(ctx: ReportContext): Block {
	return { kind: 'paragraph', text: m.exports_report_step_empty({}, ctx.o), tone: 'muted' };
}

/** The reviewer's evaluation of a step, when there is one. */
function evaluation(ctx: ReportContext, key: keyof ReportContext['steps']): Block[] {
	const step = ctx.record.content.steps[key];
	const comment = step?.evaluationComment?.trim();
	return comment
		? [{ kind: 'paragraph', text: m.exports_report_evaluation({ comment }, ctx.o), tone: 'muted' }]
		: [];
}

export function screeningSection(ctx: ReportContext): Section {
	const s = ctx.steps.screening;
	const section: Section = {
		id: 'screening',
		title: m.exports_report_screening({}, ctx.o),
		blocks: []
	};
	if (!s) return { ...section, blocks: [notFilled(ctx)] };
	const result = screen(s);
	const conclusion = {
		cnil_list: () => m.exports_report_screening_required_cnil({}, ctx.o),
		two_or_more_criteria: () =>
			m.exports_report_screening_required_criteria({ n: result.met.length }, ctx.o),
		fewer_than_two: () => m.exports_report_screening_not_required({}, ctx.o)
	}[result.reason]();
	section.blocks = [
		{ kind: 'paragraph', text: conclusion, tone: 'strong' },
		{ kind: 'heading', text: m.exports_report_screening_criteria({ n: result.met.length }, ctx.o) },
		result.met.length
			? { kind: 'list', items: result.met.map((k) => localize(criterion(k).label, ctx.locale)) }
			: { kind: 'paragraph', text: m.exports_report_none({}, ctx.o), tone: 'muted' },
		{
			kind: 'fields',
			rows: [
				{
					label: localize(CNIL_LIST_ITEM.label, ctx.locale),
					value: yesNo(s.cnilListItem, ctx.locale)
				},
				{ label: m.exports_report_justification({}, ctx.o), value: orDash(s.justification) }
			]
		},
		...evaluation(ctx, 'screening')
	];
	return section;
}

type Purposes = NonNullable<ParsedSteps['context']>['purposes'];
type Retention = NonNullable<ParsedSteps['principles']>['retention'];

/** Purposes with their legal basis (report and record of processing alike). */
export function purposesTable(ctx: ReportContext, purposes: Purposes, noHealth: string): Block {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	return {
		kind: 'table',
		caption: m.exports_report_purposes({}, ctx.o),
		headers: [
			m.exports_report_col_purpose({}, ctx.o),
			m.exports_report_col_legal_basis({}, ctx.o),
			m.exports_report_col_health_exception({}, ctx.o)
		],
		widths: [3, 2, 2],
		rows: purposes.map((p) => [
			p.text,
			t(LEGAL_BASIS_LABELS[p.legalBasis]),
			p.involvesHealthData && p.healthException
				? t(HEALTH_EXCEPTION_LABELS[p.healthException])
				: noHealth
		])
	};
}

/** Retention periods with their justification (report and record of processing alike). */
export function retentionTable(ctx: ReportContext, retention: Retention): Block {
	return {
		kind: 'table',
		caption: m.exports_report_retention({}, ctx.o),
		headers: [
			m.exports_report_col_category({}, ctx.o),
			m.exports_report_col_period({}, ctx.o),
			m.exports_report_col_justification({}, ctx.o)
		],
		widths: [2, 2, 3],
		rows: retention.map((r) => [r.category, orDash(r.period), orDash(r.justification)])
	};
}

export function contextSection(ctx: ReportContext): Section {
	const c = ctx.steps.context;
	const section: Section = {
		id: 'context',
		title: m.exports_report_context({}, ctx.o),
		blocks: []
	};
	if (!c) return { ...section, blocks: [notFilled(ctx)] };
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	section.blocks = [
		{ kind: 'paragraph', text: orDash(c.description) },
		purposesTable(ctx, c.purposes, m.exports_report_no_health_data({}, ctx.o)),
		{
			kind: 'table',
			caption: m.exports_report_data_inventory({}, ctx.o),
			headers: [
				m.exports_report_col_category({}, ctx.o),
				m.exports_report_col_fields({}, ctx.o),
				m.exports_report_col_source({}, ctx.o),
				m.exports_report_col_sensitive({}, ctx.o),
				m.exports_report_col_retention({}, ctx.o),
				m.exports_report_col_recipients({}, ctx.o)
			],
			widths: [2, 3, 2, 1, 2, 3],
			rows: c.dataInventory.map((d) => [
				d.category,
				d.fields.join(', '),
				orDash(d.source),
				yesNo(d.sensitive, ctx.locale),
				orDash(d.retention),
				orDash(d.recipients)
			])
		},
		{ kind: 'heading', text: m.exports_report_data_subjects({}, ctx.o) },
		{ kind: 'list', items: c.dataSubjects.kinds.map((k) => t(DATA_SUBJECT_LABELS[k])) },
		...(c.dataSubjects.notes ? [{ kind: 'paragraph' as const, text: c.dataSubjects.notes }] : []),
		{
			kind: 'table',
			caption: m.exports_report_actors({}, ctx.o),
			headers: [
				m.exports_report_col_name({}, ctx.o),
				m.exports_report_col_role({}, ctx.o),
				m.exports_report_col_country({}, ctx.o),
				m.exports_report_col_hds({}, ctx.o),
				m.exports_report_col_iso({}, ctx.o),
				m.exports_report_col_keys({}, ctx.o),
				m.exports_report_col_notes({}, ctx.o)
			],
			widths: [3, 2, 1, 1, 1, 2, 3],
			rows: c.actors.map((a) => [
				a.name,
				t(ACTOR_ROLE_LABELS[a.role]),
				a.country || m.exports_report_to_confirm({}, ctx.o),
				t(TRI_STATE_LABELS[a.hdsCertified]),
				t(TRI_STATE_LABELS[a.iso27001]),
				orDash(a.keysHeldBy),
				orDash(a.notes)
			])
		},
		{ kind: 'heading', text: m.exports_report_lifecycle({}, ctx.o) },
		{
			kind: 'fields',
			rows: LIFECYCLE_STAGES.map((k) => ({
				label: t(LIFECYCLE_STAGE_LABELS[k].label),
				value: orDash(c.lifecycle[k])
			}))
		},
		{
			kind: 'table',
			caption: m.exports_report_assets({}, ctx.o),
			headers: [
				m.exports_report_col_name({}, ctx.o),
				m.exports_report_col_type({}, ctx.o),
				m.exports_report_col_owner({}, ctx.o)
			],
			widths: [3, 2, 2],
			rows: c.assets.map((a) => [a.name, t(ASSET_TYPE_LABELS[a.type]), orDash(a.owner)])
		},
		...evaluation(ctx, 'context')
	];
	return section;
}

export function principlesSection(ctx: ReportContext): Section {
	const p = ctx.steps.principles;
	const section: Section = {
		id: 'principles',
		title: m.exports_report_principles({}, ctx.o),
		blocks: []
	};
	if (!p) return { ...section, blocks: [notFilled(ctx)] };
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const gaps = contractGaps(p.processorContract);
	section.blocks = [
		{
			kind: 'table',
			caption: m.exports_report_minimisation({}, ctx.o),
			headers: [
				m.exports_report_col_field({}, ctx.o),
				m.exports_report_col_needed({}, ctx.o),
				m.exports_report_col_why({}, ctx.o)
			],
			widths: [2, 1, 4],
			rows: p.minimisation.map((r) => [r.field, yesNo(r.needed, ctx.locale), orDash(r.why)])
		},
		{ kind: 'heading', text: m.exports_report_accuracy({}, ctx.o) },
		{ kind: 'paragraph', text: orDash(p.accuracy) },
		retentionTable(ctx, p.retention),
		{ kind: 'heading', text: m.exports_report_rights({}, ctx.o) },
		{
			kind: 'fields',
			rows: RIGHT_KEYS.map((k) => ({ label: t(RIGHTS[k].label), value: orDash(p.rights[k]) }))
		},
		{
			kind: 'table',
			caption: m.exports_report_processor_checklist({}, ctx.o),
			headers: [
				m.exports_report_col_clause({}, ctx.o),
				m.exports_report_col_reference({}, ctx.o),
				m.exports_report_col_status({}, ctx.o),
				m.exports_report_col_evidence({}, ctx.o)
			],
			widths: [3, 2, 1, 3],
			rows: PROCESSOR_CLAUSES.map((clause) => {
				const check = p.processorContract[clause.key];
				return [
					t(clause.label),
					clause.reference,
					t(CLAUSE_STATUS_LABELS[check.status]),
					orDash(check.evidence)
				];
			})
		},
		{
			kind: 'paragraph',
			tone: gaps.length ? 'warning' : undefined,
			text: gaps.length
				? m.exports_report_processor_gaps({ n: gaps.length }, ctx.o)
				: m.exports_report_processor_complete({}, ctx.o)
		},
		{ kind: 'heading', text: m.exports_report_transfers({}, ctx.o) },
		...(p.transfers.length
			? p.transfers.map((tr): Block => ({
					kind: 'fields',
					rows: [
						{ label: m.exports_report_col_recipient({}, ctx.o), value: tr.recipient },
						{ label: m.exports_report_col_country({}, ctx.o), value: tr.country },
						{
							label: m.exports_report_col_mechanism({}, ctx.o),
							value: t(TRANSFER_MECHANISM_LABELS[tr.mechanism])
						},
						{
							label: m.exports_report_col_third_country_law({}, ctx.o),
							value: orDash(tr.thirdCountryLaw)
						},
						{
							label: m.exports_report_col_safeguards({}, ctx.o),
							value: orDash(tr.supplementaryMeasures)
						},
						{ label: m.exports_report_col_conclusion({}, ctx.o), value: orDash(tr.conclusion) },
						{
							label: m.exports_report_col_transfer_outcome({}, ctx.o),
							value: t(TRANSFER_OUTCOME_LABELS[tr.outcome])
						}
					]
				}))
			: [
					{
						kind: 'paragraph' as const,
						text: m.exports_report_no_transfer({}, ctx.o),
						tone: 'muted' as const
					}
				]),
		...evaluation(ctx, 'principles')
	];
	return section;
}

function motifRow(ctx: ReportContext, r: Motif): string[] {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	return [
		r.service,
		r.reason,
		[
			t(PRACTITIONER_LABELS[r.practitioner]),
			t(VISIT_KIND_LABELS[r.visit]),
			m.exports_report_minutes({ n: r.durationMin }, ctx.o)
		].join(' · '),
		r.flags.length ? r.flags.map((f) => t(SENSITIVITY_FLAG_INFO[f].label)).join(', ') : dash,
		yesNo(r.reasonCollected, ctx.locale),
		orDash(r.rationale)
	];
}

export function motifsSection(ctx: ReportContext): Section {
	const s = ctx.steps.motifs;
	const section: Section = { id: 'motifs', title: m.exports_report_motifs({}, ctx.o), blocks: [] };
	if (!s) return { ...section, blocks: [notFilled(ctx)] };
	const online = s.rows.filter((r) => r.decision === 'online');
	const kept = s.rows.filter((r) => r.decision === 'kept');
	const headers = [
		m.exports_report_col_service({}, ctx.o),
		m.exports_report_col_reason({}, ctx.o),
		m.exports_report_col_visit_details({}, ctx.o),
		m.exports_report_col_flags({}, ctx.o),
		m.exports_report_col_reason_collected({}, ctx.o),
		m.exports_report_col_rationale({}, ctx.o)
	];
	const widths = [2, 3, 3, 2, 1.5, 4];
	const sensitiveOnline = online.filter((r) => r.flags.length > 0);
	section.blocks = [
		{
			kind: 'paragraph',
			text: m.exports_report_motifs_summary({ online: online.length, kept: kept.length }, ctx.o)
		},
		...(sensitiveOnline.length
			? [
					{
						kind: 'paragraph' as const,
						tone: 'warning' as const,
						text: m.exports_report_motifs_sensitive_online({ n: sensitiveOnline.length }, ctx.o)
					}
				]
			: []),
		{
			kind: 'table',
			caption: `${localize(MOTIF_DECISION_LABELS.online, ctx.locale)} (${online.length})`,
			headers,
			widths,
			rows: online.map((r) => motifRow(ctx, r))
		},
		{
			kind: 'table',
			caption: `${localize(MOTIF_DECISION_LABELS.kept, ctx.locale)} (${kept.length})`,
			headers,
			widths,
			rows: kept.map((r) => motifRow(ctx, r))
		},
		...evaluation(ctx, 'motifs')
	];
	return section;
}
