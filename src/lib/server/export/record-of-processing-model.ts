/**
 * The entry of the record of processing activities (GDPR art. 30(1)) drawn from the
 * assessment: the items of the article in its order, then the DPIA it rests on.
 */
import { m } from '$lib/paraglide/messages';
import {
	ACTOR_ROLE_LABELS,
	DATA_SUBJECT_LABELS,
	TRI_STATE_LABELS
} from '$lib/domain/knowledge/context-vocabulary';
import { isEeaCountry } from '$lib/domain/knowledge/countries';
import { NATIONAL_LAW_GROUNDS } from '$lib/domain/knowledge/legal-bases';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import {
	TRANSFER_MECHANISM_LABELS,
	TRANSFER_OUTCOME_LABELS
} from '$lib/domain/knowledge/principles-vocabulary';
import type { AssessmentRecord } from '$lib/server/record';
import { reportContext, type ReportContext, type ReportOptions } from './report-context';
import { formatDateTime, type Block, type DocModel, type Section } from './report-doc';
import { purposesTable, retentionTable } from './report-sections-method';
import { dash, orDash, outcomeLabel, yesNo } from './report-labels';

function controllerSection(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	// Art. 30(1)(a): the controller, any joint controller and the DPO; a party that is
	// controller for its own purposes (the vendor for its patient accounts) is shown too, so
	// nobody reads it as a mere processor.
	const roles = new Set(['controller', 'dpo', 'joint_controller', 'separate_controller']);
	const actors = (ctx.steps.context?.actors ?? []).filter((a) => roles.has(a.role));
	return {
		id: 'controller',
		title: m.exports_ropa_controller({}, ctx.o),
		blocks: [
			{
				kind: 'fields',
				rows: [
					{ label: m.exports_report_hospital({}, ctx.o), value: ctx.record.assessment.orgName },
					...actors.map((a) => ({
						label: t(ACTOR_ROLE_LABELS[a.role]),
						value: a.notes ? `${a.name} — ${a.notes}` : a.name
					}))
				]
			}
		]
	};
}

function purposesSection(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const purposes = ctx.steps.context?.purposes ?? [];
	const publicTask = purposes.some((p) => p.legalBasis === 'public_task');
	const health = purposes.some((p) => p.involvesHealthData);
	// The national law behind a public-task basis (art. 6(3)) and the secrecy condition of
	// art. 9(3), listed when the purposes rest on them.
	const grounds = NATIONAL_LAW_GROUNDS.filter(
		(g) => (g.key === 'public_task' && publicTask) || (g.key !== 'public_task' && health)
	);
	return {
		id: 'purposes',
		title: m.exports_ropa_purposes({}, ctx.o),
		blocks: [
			{ kind: 'paragraph', text: orDash(ctx.steps.context?.description) },
			purposesTable(ctx, purposes, dash),
			...(grounds.length
				? [
						{ kind: 'heading' as const, text: m.legal_ropa_national_law({}, ctx.o) },
						{
							kind: 'list' as const,
							items: grounds.map((g) => `${t(g.applies)} — ${g.articles} : ${t(g.text)}`)
						}
					]
				: [])
		]
	};
}

function categoriesSection(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const c = ctx.steps.context;
	return {
		id: 'categories',
		title: m.exports_ropa_categories({}, ctx.o),
		blocks: [
			{ kind: 'heading', text: m.exports_report_data_subjects({}, ctx.o) },
			{ kind: 'list', items: (c?.dataSubjects.kinds ?? []).map((k) => t(DATA_SUBJECT_LABELS[k])) },
			...(c?.dataSubjects.notes
				? [{ kind: 'paragraph' as const, text: c.dataSubjects.notes }]
				: []),
			{
				kind: 'table',
				caption: m.exports_report_data_inventory({}, ctx.o),
				headers: [
					m.exports_report_col_category({}, ctx.o),
					m.exports_report_col_fields({}, ctx.o),
					m.exports_report_col_sensitive({}, ctx.o),
					m.exports_report_col_source({}, ctx.o)
				],
				widths: [2, 4, 1, 2],
				rows: (c?.dataInventory ?? []).map((d) => [
					d.category,
					d.fields.join(', '),
					yesNo(d.sensitive, ctx.locale),
					orDash(d.source)
				])
			}
		]
	};
}

function recipientsSection(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const c = ctx.steps.context;
	const parties = (c?.actors ?? []).filter(
		(a) => a.role === 'processor' || a.role === 'sub_processor'
	);
	const internal = [
		...new Set((c?.dataInventory ?? []).map((d) => d.recipients.trim()).filter(Boolean))
	];
	return {
		id: 'recipients',
		title: m.exports_ropa_recipients({}, ctx.o),
		blocks: [
			{
				kind: 'table',
				caption: m.exports_ropa_processors({}, ctx.o),
				headers: [
					m.exports_report_col_name({}, ctx.o),
					m.exports_report_col_role({}, ctx.o),
					m.exports_report_col_country({}, ctx.o),
					m.exports_report_col_hds({}, ctx.o)
				],
				widths: [3, 2, 1, 1],
				rows: parties.map((a) => [
					a.name,
					t(ACTOR_ROLE_LABELS[a.role]),
					a.country || m.exports_report_to_confirm({}, ctx.o),
					t(TRI_STATE_LABELS[a.hdsCertified])
				])
			},
			{ kind: 'heading', text: m.exports_ropa_recipients_by_data({}, ctx.o) },
			{ kind: 'list', items: internal }
		]
	};
}

function transfersSection(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const transfers = ctx.steps.principles?.transfers ?? [];
	const covered = new Set(transfers.map((tr) => tr.recipient));
	// A party located outside the EEA and absent from the transfer assessment is a gap the
	// record must show, not hide.
	const unassessed = (ctx.steps.context?.actors ?? []).filter(
		(a) => a.country !== '' && !isEeaCountry(a.country) && !covered.has(a.name)
	);
	const blocks: Block[] = transfers.length
		? [
				{
					kind: 'table',
					caption: m.exports_ropa_transfers({}, ctx.o),
					headers: [
						m.exports_report_col_recipient({}, ctx.o),
						m.exports_report_col_country({}, ctx.o),
						m.exports_report_col_mechanism({}, ctx.o),
						m.exports_report_col_safeguards({}, ctx.o),
						m.exports_report_col_transfer_outcome({}, ctx.o)
					],
					widths: [2, 1, 2, 4, 2],
					rows: transfers.map((tr) => [
						tr.recipient,
						tr.country,
						t(TRANSFER_MECHANISM_LABELS[tr.mechanism]),
						orDash(tr.supplementaryMeasures),
						t(TRANSFER_OUTCOME_LABELS[tr.outcome])
					])
				}
			]
		: [{ kind: 'paragraph', text: m.exports_report_no_transfer({}, ctx.o) }];
	if (unassessed.length) {
		blocks.push({
			kind: 'paragraph',
			tone: 'warning',
			text: m.exports_ropa_unassessed(
				{ list: unassessed.map((a) => `${a.name} (${a.country})`).join(' ; ') },
				ctx.o
			)
		});
	}
	return { id: 'transfers', title: m.exports_ropa_transfers_title({}, ctx.o), blocks };
}

function retentionSection(ctx: ReportContext): Section {
	const retention = ctx.steps.principles?.retention ?? [];
	return {
		id: 'retention',
		title: m.exports_ropa_retention({}, ctx.o),
		blocks: [retentionTable(ctx, retention)]
	};
}

function securitySection(ctx: ReportContext): Section {
	const measures = (ctx.steps.risks?.risks ?? []).flatMap((r) => r.measures);
	const titles = (state: 'existing' | 'planned') => [
		...new Set(measures.filter((me) => me.state === state).map((me) => me.title))
	];
	const existing = titles('existing');
	const planned = titles('planned');
	const storage = ctx.steps.context?.lifecycle.storage;
	return {
		id: 'security',
		title: m.exports_ropa_security({}, ctx.o),
		blocks: [
			...(storage ? [{ kind: 'paragraph' as const, text: storage }] : []),
			{ kind: 'heading', text: m.exports_ropa_measures_existing({ n: existing.length }, ctx.o) },
			existing.length
				? { kind: 'list', items: existing }
				: { kind: 'paragraph', tone: 'muted', text: m.legal_none_feminine({}, ctx.o) },
			{ kind: 'heading', text: m.exports_ropa_measures_planned({ n: planned.length }, ctx.o) },
			planned.length
				? { kind: 'list', items: planned }
				: { kind: 'paragraph', tone: 'muted', text: m.legal_none_feminine({}, ctx.o) },
			{
				kind: 'paragraph',
				tone: 'muted',
				text: m.exports_ropa_findings({ n: ctx.record.content.findings.length }, ctx.o)
			}
		]
	};
}

function dpiaSection(ctx: ReportContext): Section {
	const r = ctx.record;
	return {
		id: 'dpia',
		title: m.exports_ropa_dpia({}, ctx.o),
		blocks: [
			{
				kind: 'fields',
				rows: [
					{ label: m.exports_report_processing({}, ctx.o), value: r.assessment.title },
					{ label: m.exports_report_version({}, ctx.o), value: `v${r.versionNumber}` },
					{
						label: m.exports_report_decision({}, ctx.o),
						value: r.decision
							? `${outcomeLabel(r.decision.outcome, ctx.locale)} — ${formatDateTime(r.decision.signedAt, ctx.locale)}`
							: m.exports_report_not_decided({}, ctx.o)
					},
					{ label: m.exports_report_content_hash({}, ctx.o), value: r.contentHash }
				]
			}
		]
	};
}

export function recordOfProcessingModel(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): DocModel {
	const ctx = reportContext(record, locale, options);
	const title = m.exports_ropa_title({}, ctx.o);
	return {
		locale,
		title,
		subject: record.assessment.title,
		author: record.assessment.orgName,
		cover: {
			kicker: record.assessment.orgName,
			title: `${title} — ${record.assessment.title}`,
			fields: [
				{
					label: m.legal_ropa_created({}, ctx.o),
					value: formatDateTime(record.assessment.createdAt, locale)
				},
				{
					label: m.legal_ropa_updated({}, ctx.o),
					// A frozen version was last changed when it was frozen.
					value: formatDateTime(
						(record.frozen
							? record.versions.find((v) => v.number === record.versionNumber)?.frozenAt
							: undefined) ?? record.assessment.updatedAt,
						locale
					)
				},
				{
					label: m.exports_report_generated_at({}, ctx.o),
					value: formatDateTime(ctx.generatedAt, locale)
				}
			],
			compact: true
		},
		sections: [
			controllerSection(ctx),
			purposesSection(ctx),
			categoriesSection(ctx),
			recipientsSection(ctx),
			transfersSection(ctx),
			retentionSection(ctx),
			securitySection(ctx),
			dpiaSection(ctx)
		],
		footer: m.exports_report_footer(
			{ title, version: record.versionNumber, hash: record.contentHash.slice(0, 12) },
			ctx.o
		)
	};
}
