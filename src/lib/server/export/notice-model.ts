/**
 * The patient information notice (GDPR art. 13) drawn from the assessment: who is
 * responsible and how to reach the DPO, why, which data, who sees them, for how long, the
 * patient's rights (objection, art. 21), the complaint to the CNIL (art. 77) and, when the
 * vendor receives the appointment history, how to object to it. Written for patients, in
 * plain words: internal notes are never printed, the hospital's jargon is replaced, and a
 * shorter variant speaks to adolescents (`audience: 'adolescent'`). Generation is refused
 * (notice-gaps.ts) while a required field is empty or a placeholder.
 */
import { m } from '$lib/paraglide/messages';
import { ACTOR_ROLE_LABELS } from '$lib/domain/knowledge/context-vocabulary';
import { HEALTH_EXCEPTION_LABELS, LEGAL_BASIS_LABELS } from '$lib/domain/knowledge/legal-bases';
import { localize, type Locale } from '$lib/domain/knowledge/localized';
import { TRANSFER_MECHANISM_LABELS } from '$lib/domain/knowledge/principles-vocabulary';
import type { AssessmentRecord } from '$lib/server/record';
import { dpoContacts, plainWords } from './notice-gaps';
import { reportContext, type ReportContext, type ReportOptions } from './report-context';
import { formatDateTime, type Block, type DocModel, type Section } from './report-doc';
import { adolescentSections } from './notice-adolescent';

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

/** Text from the assessment, in the patient's words (no hospital jargon). */
export const plain = (ctx: ReportContext, text: string) => plainWords(text, ctx.locale);

export function controllerName(ctx: ReportContext): string {
	const controller = (ctx.steps.context?.actors ?? []).find((a) => a.role === 'controller');
	return controller?.name || ctx.record.assessment.orgName;
}

export function dpoName(ctx: ReportContext): string {
	return (ctx.steps.context?.actors ?? []).find((a) => a.role === 'dpo')?.name ?? '';
}

/** Parties deciding their own purposes (the vendor for its patient accounts). */
export function ownControllers(ctx: ReportContext) {
	return (ctx.steps.context?.actors ?? []).filter(
		(a) => a.role === 'separate_controller' || a.role === 'joint_controller'
	);
}

function who(ctx: ReportContext): Section {
	const blocks: Block[] = [
		{ kind: 'paragraph', text: m.notice_controller({ name: controllerName(ctx) }, ctx.o) },
		{
			kind: 'paragraph',
			text: m.notice_dpo({ name: dpoName(ctx), contact: dpoContacts(ctx).join(', ') }, ctx.o)
		},
		...ownControllers(ctx).map((a): Block => ({
			kind: 'paragraph',
			text: m.notice_own_controller({ name: plain(ctx, a.name) }, ctx.o)
		}))
	];
	return { id: 'controller', title: m.notice_who({}, ctx.o), blocks };
}

function why(ctx: ReportContext): Section {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const purposes = ctx.steps.context?.purposes ?? [];
	const publicTask = purposes.some((p) => p.legalBasis === 'public_task');
	return {
		id: 'purposes',
		title: m.notice_why({}, ctx.o),
		blocks: [
			{
				kind: 'list',
				// Only the patient-facing text: `internalNote` stays in the analysis.
				items: purposes.map((p) =>
					p.involvesHealthData && p.healthException
						? m.notice_purpose_health(
								{
									text: plain(ctx, p.text),
									basis: t(LEGAL_BASIS_LABELS[p.legalBasis]),
									exception: t(HEALTH_EXCEPTION_LABELS[p.healthException])
								},
								ctx.o
							)
						: m.notice_purpose(
								{ text: plain(ctx, p.text), basis: t(LEGAL_BASIS_LABELS[p.legalBasis]) },
								ctx.o
							)
				)
			},
			...(publicTask
				? [{ kind: 'paragraph' as const, text: m.notice_public_task({}, ctx.o) }]
				: []),
			{ kind: 'paragraph', text: m.notice_not_mandatory({}, ctx.o) }
		]
	};
}

export function dataItems(ctx: ReportContext): string[] {
	return (ctx.steps.context?.dataInventory ?? []).map((r) =>
		plain(ctx, `${r.category} : ${r.fields.join(', ')}`)
	);
}

function which(ctx: ReportContext): Section {
	return {
		id: 'data',
		title: m.notice_which({}, ctx.o),
		blocks: [{ kind: 'list', items: dataItems(ctx) }]
	};
}

export function recipientItems(ctx: ReportContext): string[] {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	return (ctx.steps.context?.actors ?? [])
		.filter((a) => a.role === 'processor' || a.role === 'sub_processor')
		.map((a) =>
			m.notice_recipient({ name: plain(ctx, a.name), role: t(ACTOR_ROLE_LABELS[a.role]) }, ctx.o)
		);
}

export function transfersBlock(ctx: ReportContext): Block {
	const t = (x: { fr: string; en: string }) => localize(x, ctx.locale);
	const transfers = ctx.steps.principles?.transfers ?? [];
	if (!transfers.length) return { kind: 'paragraph', text: m.notice_no_transfer({}, ctx.o) };
	const list = transfers
		.map((tr) =>
			m.notice_transfer_item(
				{
					recipient: plain(ctx, tr.recipient),
					country: tr.country,
					mechanism: t(TRANSFER_MECHANISM_LABELS[tr.mechanism])
				},
				ctx.o
			)
		)
		.join(' ; ');
	return { kind: 'paragraph', text: m.notice_transfers({ list }, ctx.o) };
}

function recipients(ctx: ReportContext): Section {
	return {
		id: 'recipients',
		title: m.notice_who_sees({}, ctx.o),
		blocks: [
			{ kind: 'paragraph', text: m.notice_recipients_staff({}, ctx.o) },
			{ kind: 'list', items: recipientItems(ctx) },
			transfersBlock(ctx)
		]
	};
}

export function retentionItems(ctx: ReportContext): string[] {
	const retention = ctx.steps.principles?.retention ?? [];
	// Category and period only: the justification and the internal note are for the analysis.
	return retention.map((r) => plain(ctx, `${r.category} : ${r.period}`));
}

function howLong(ctx: ReportContext): Section {
	return {
		id: 'retention',
		title: m.notice_how_long({}, ctx.o),
		blocks: [{ kind: 'list', items: retentionItems(ctx) }]
	};
}

function rights(ctx: ReportContext): Section {
	const r = ctx.steps.principles?.rights;
	const how = [clean(r?.access), clean(r?.rectification), clean(r?.erasure)].filter(Boolean);
	return {
		id: 'rights',
		title: m.notice_rights({}, ctx.o),
		blocks: [
			{ kind: 'paragraph', text: m.notice_rights_intro({}, ctx.o) },
			{
				kind: 'list',
				items: [
					m.notice_right_access({}, ctx.o),
					m.notice_right_rectification({}, ctx.o),
					m.notice_right_erasure({}, ctx.o),
					m.notice_right_restriction({}, ctx.o),
					m.notice_right_objection({}, ctx.o),
					m.notice_right_portability({}, ctx.o)
				]
			},
			{ kind: 'heading', text: m.notice_how_to({}, ctx.o) },
			...how.map((text): Block => ({ kind: 'paragraph', text: plain(ctx, text) })),
			{ kind: 'paragraph', text: m.notice_how_to_default({}, ctx.o) }
		]
	};
}

function history(ctx: ReportContext, status: HistoryImport): Section[] {
	if (status === 'no') return [];
	const objection = clean(ctx.steps.principles?.rights.restriction_objection);
	return [
		{
			id: 'history_import',
			title: m.notice_history({}, ctx.o),
			blocks: [
				...(status === 'undecided'
					? [
							{
								kind: 'paragraph' as const,
								tone: 'warning' as const,
								text: m.notice_history_undecided({}, ctx.o)
							}
						]
					: []),
				{ kind: 'paragraph', text: m.notice_history_what({}, ctx.o) },
				{ kind: 'paragraph', text: m.notice_history_object({}, ctx.o) },
				...(objection ? [{ kind: 'paragraph' as const, text: plain(ctx, objection) }] : [])
			]
		}
	];
}

function complaint(ctx: ReportContext): Section {
	return {
		id: 'complaint',
		title: m.notice_complaint({}, ctx.o),
		blocks: [{ kind: 'paragraph', text: m.notice_complaint_text({}, ctx.o) }]
	};
}

export function noticeModel(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): DocModel {
	const ctx = reportContext(record, locale, options);
	const teen = options.audience === 'adolescent';
	const title = teen ? m.notice_teen_title({}, ctx.o) : m.notice_title({}, ctx.o);
	const intro = teen ? m.notice_teen_intro : m.notice_intro;
	return {
		locale,
		title,
		subject: record.assessment.title,
		author: record.assessment.orgName,
		cover: {
			kicker: controllerName(ctx),
			title,
			fields: [],
			compact: true,
			note: intro({ processing: record.assessment.title }, ctx.o)
		},
		sections: teen
			? adolescentSections(ctx, historyImport(ctx))
			: [
					who(ctx),
					why(ctx),
					which(ctx),
					recipients(ctx),
					howLong(ctx),
					rights(ctx),
					...history(ctx, historyImport(ctx)),
					complaint(ctx)
				],
		footer: m.notice_footer(
			{
				version: record.versionNumber,
				date: formatDateTime(ctx.generatedAt, locale),
				hash: record.contentHash.slice(0, 12)
			},
			ctx.o
		)
	};
}
