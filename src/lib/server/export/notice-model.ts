/**
 * The patient information notice (GDPR art. 13) drawn from the assessment: who is
 * responsible, why, which data, who sees them, for how long, the patient's rights, the
 * complaint to the CNIL and, when the vendor receives the appointment history, how to
 * object to it. Written for patients, not for lawyers: the legal references stay in
 * brackets. The DPO reviews it before it is posted.
 */
import { m } from '$lib/paraglide/messages';
import { ACTOR_ROLE_LABELS } from '$lib/domain/knowledge/context-vocabulary';
import { HEALTH_EXCEPTION_LABELS, LEGAL_BASIS_LABELS } from '$lib/domain/knowledge/legal-bases';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import { TRANSFER_MECHANISM_LABELS } from '$lib/domain/knowledge/principles-vocabulary';
import type { AssessmentRecord } from '$lib/server/record';
import { reportContext, type ReportContext, type ReportOptions } from './report-context';
import { formatDateTime, type Block, type DocModel, type Section } from './report-doc';

export type HistoryImport = 'yes' | 'no' | 'undecided';

/**
 * Whether the vendor receives the appointment history: the decided scenario says so; before
 * a decision, the question is open as soon as the analysis raises it (the catalogue risk or
 * a scenario importing history).
 */
export function historyImport(ctx: ReportContext): HistoryImport {
	const scenarios = ctx.steps.scenarios?.scenarios ?? [];
	const chosenId = ctx.record.decision?.details?.scenarioId;
	const chosen = chosenId ? scenarios.find((s) => s.id === chosenId) : undefined;
	if (chosen && ctx.record.decision?.outcome !== 'reject') {
		return (chosen.selection.historical_import ?? 'none') === 'none' ? 'no' : 'yes';
	}
	const raised =
		(ctx.steps.risks?.risks ?? []).some((r) => r.catalogueKey === 'historical_import') ||
		scenarios.some((s) => (s.selection.historical_import ?? 'none') !== 'none');
	return raised ? 'undecided' : 'no';
}

const clean = (s: string | undefined | null) => (s ?? '').trim();

function who(ctx: ReportContext): Section {
	const actors = ctx.steps.context?.actors ?? [];
	const controller = actors.find((a) => a.role === 'controller');
	const dpo = actors.find((a) => a.role === 'dpo');
	const blocks: Block[] = [
		{
			kind: 'paragraph',
			text: m.exports_notice_controller(
				{ name: controller?.name || ctx.record.assessment.orgName },
				ctx.o
			)
		},
		dpo
			? {
					kind: 'paragraph',
					text: m.exports_notice_dpo({ name: dpo.name }, ctx.o)
				}
			: { kind: 'paragraph', tone: 'warning', text: m.exports_notice_dpo_missing({}, ctx.o) }
	];
	return { id: 'controller', title: m.exports_notice_who({}, ctx.o), blocks };
}

function why(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const purposes = ctx.steps.context?.purposes ?? [];
	return {
		id: 'purposes',
		title: m.exports_notice_why({}, ctx.o),
		blocks: [
			{
				kind: 'list',
				items: purposes.map((p) =>
					p.involvesHealthData && p.healthException
						? m.exports_notice_purpose_health(
								{
									text: p.text,
									basis: t(LEGAL_BASIS_LABELS[p.legalBasis]),
									exception: t(HEALTH_EXCEPTION_LABELS[p.healthException])
								},
								ctx.o
							)
						: m.exports_notice_purpose(
								{ text: p.text, basis: t(LEGAL_BASIS_LABELS[p.legalBasis]) },
								ctx.o
							)
				)
			},
			{ kind: 'paragraph', text: m.exports_notice_not_mandatory({}, ctx.o) }
		]
	};
}

function which(ctx: ReportContext): Section {
	const rows = ctx.steps.context?.dataInventory ?? [];
	return {
		id: 'data',
		title: m.exports_notice_which({}, ctx.o),
		blocks: [{ kind: 'list', items: rows.map((r) => `${r.category} : ${r.fields.join(', ')}`) }]
	};
}

function recipients(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const actors = (ctx.steps.context?.actors ?? []).filter(
		(a) => a.role === 'processor' || a.role === 'sub_processor'
	);
	const transfers = ctx.steps.principles?.transfers ?? [];
	const blocks: Block[] = [
		{ kind: 'paragraph', text: m.exports_notice_recipients_staff({}, ctx.o) },
		{
			kind: 'list',
			items: actors.map((a) =>
				m.exports_notice_recipient({ name: a.name, role: t(ACTOR_ROLE_LABELS[a.role]) }, ctx.o)
			)
		},
		transfers.length
			? {
					kind: 'paragraph',
					text: m.exports_notice_transfers(
						{
							list: transfers
								.map(
									(tr) =>
										`${tr.recipient} (${tr.country}, ${t(TRANSFER_MECHANISM_LABELS[tr.mechanism])})`
								)
								.join(' ; ')
						},
						ctx.o
					)
				}
			: { kind: 'paragraph', text: m.exports_notice_no_transfer({}, ctx.o) }
	];
	return { id: 'recipients', title: m.exports_notice_who_sees({}, ctx.o), blocks };
}

function howLong(ctx: ReportContext): Section {
	const retention = ctx.steps.principles?.retention ?? [];
	const items = retention.length
		? retention.map((r) => `${r.category} : ${r.period || m.exports_report_to_confirm({}, ctx.o)}`)
		: (ctx.steps.context?.dataInventory ?? []).map((r) => `${r.category} : ${r.retention}`);
	return {
		id: 'retention',
		title: m.exports_notice_how_long({}, ctx.o),
		blocks: [{ kind: 'list', items }]
	};
}

function rights(ctx: ReportContext): Section {
	const r = ctx.steps.principles?.rights;
	const how = [clean(r?.access), clean(r?.rectification), clean(r?.erasure)].filter(Boolean);
	return {
		id: 'rights',
		title: m.exports_notice_rights({}, ctx.o),
		blocks: [
			{ kind: 'paragraph', text: m.exports_notice_rights_intro({}, ctx.o) },
			{
				kind: 'list',
				items: [
					m.exports_notice_right_access({}, ctx.o),
					m.exports_notice_right_rectification({}, ctx.o),
					m.exports_notice_right_erasure({}, ctx.o),
					m.exports_notice_right_restriction({}, ctx.o),
					m.exports_notice_right_objection({}, ctx.o),
					m.exports_notice_right_portability({}, ctx.o)
				]
			},
			{ kind: 'heading', text: m.exports_notice_how_to({}, ctx.o) },
			...how.map((text): Block => ({ kind: 'paragraph', text })),
			{ kind: 'paragraph', text: m.exports_notice_how_to_default({}, ctx.o) }
		]
	};
}

function history(ctx: ReportContext, status: HistoryImport): Section[] {
	if (status === 'no') return [];
	const objection = clean(ctx.steps.principles?.rights.restriction_objection);
	return [
		{
			id: 'history_import',
			title: m.exports_notice_history({}, ctx.o),
			blocks: [
				...(status === 'undecided'
					? [
							{
								kind: 'paragraph' as const,
								tone: 'warning' as const,
								text: m.exports_notice_history_undecided({}, ctx.o)
							}
						]
					: []),
				{ kind: 'paragraph', text: m.exports_notice_history_what({}, ctx.o) },
				{ kind: 'paragraph', text: m.exports_notice_history_object({}, ctx.o) },
				...(objection ? [{ kind: 'paragraph' as const, text: objection }] : [])
			]
		}
	];
}

function complaint(ctx: ReportContext): Section {
	return {
		id: 'complaint',
		title: m.exports_notice_complaint({}, ctx.o),
		blocks: [{ kind: 'paragraph', text: m.exports_notice_complaint_text({}, ctx.o) }]
	};
}

export function noticeModel(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): DocModel {
	const ctx = reportContext(record, locale, options);
	const status = historyImport(ctx);
	const title = m.exports_notice_title({}, ctx.o);
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
			note: m.exports_notice_intro({ processing: record.assessment.title }, ctx.o)
		},
		sections: [
			who(ctx),
			why(ctx),
			which(ctx),
			recipients(ctx),
			howLong(ctx),
			rights(ctx),
			...history(ctx, status),
			complaint(ctx)
		],
		footer: m.exports_notice_footer(
			{
				version: record.versionNumber,
				date: formatDateTime(ctx.generatedAt, locale),
				hash: record.contentHash.slice(0, 12)
			},
			ctx.o
		)
	};
}
