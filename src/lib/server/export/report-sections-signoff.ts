/** Report sections of the signed acts: opinions, decision, history, verification. */
import { authorshipNoteOf } from '$lib/domain/decision/authorship';
import { m } from '$lib/paraglide/messages';
import { auditActionLabel, auditSummaryText } from './report-audit-labels';
import { localize } from '$lib/domain/knowledge/localized';
import { latestOf } from '$lib/domain/signoff';
import type { SignatureView } from '$lib/server/record';
import type { ReportContext } from './report-context';
import type { SignAuthMethod } from '../db/schema';
import type { Block, Field, Section } from './report-doc';
import { formatDate, formatDateTime } from './report-doc';
import {
	kindLabel,
	outcomeLabel,
	roleLabel,
	scoredLevel,
	verdictLabel,
	dash
} from './report-labels';

/** Whether a signature still covers this content, said in words and never by colour. */
export function signatureState(ctx: ReportContext, s: SignatureView): string {
	return s.current
		? m.exports_report_signature_current({}, ctx.o)
		: m.exports_report_signature_stale({}, ctx.o);
}

function signatureFields(ctx: ReportContext, s: SignatureView): Field[] {
	return [
		{
			label: m.exports_report_signer({}, ctx.o),
			value: `${s.signerName} (${roleLabel(s.signerRole, ctx.locale)})`
		},
		{ label: m.exports_report_signed_at({}, ctx.o), value: formatDateTime(s.signedAt, ctx.locale) },
		{ label: m.exports_report_signed_hash({}, ctx.o), value: s.contentHash },
		{ label: m.exports_report_signature_state({}, ctx.o), value: signatureState(ctx, s) },
		...(s.authMethod
			? [
					{
						label: m.exports_report_auth_method({}, ctx.o),
						value: authMethodLabel(ctx, s.authMethod)
					}
				]
			: [])
	];
}

function authMethodLabel(ctx: ReportContext, method: SignAuthMethod): string {
	switch (method) {
		case 'password':
			return m.exports_report_auth_password({}, ctx.o);
		case 'password_totp':
			return m.exports_report_auth_password_totp({}, ctx.o);
		case 'oidc':
			return m.exports_report_auth_oidc({}, ctx.o);
	}
}

function opinionTitle(ctx: ReportContext, s: SignatureView): string {
	if (s.kind !== 'extra') return kindLabel(s.kind, ctx.locale);
	const extra = ctx.extraOpinions.find((e) => e.key === s.extraKey);
	return extra
		? localize(extra.label, ctx.locale)
		: `${kindLabel('extra', ctx.locale)} (${s.extraKey ?? ''})`;
}

export function opinionsSection(ctx: ReportContext): Section {
	const opinions = ctx.record.signatures.filter((s) => s.kind !== 'decision');
	const blocks: Block[] = [];
	for (const s of opinions) {
		const latest = latestOf(ctx.record.signatures, s.kind, s.extraKey ?? null);
		blocks.push({ kind: 'heading', text: opinionTitle(ctx, s) });
		blocks.push({
			kind: 'fields',
			rows: [
				...(s.kind === 'data_subjects_waiver'
					? []
					: [
							{
								label: m.exports_report_verdict({}, ctx.o),
								value: verdictLabel(s.verdict, ctx.locale)
							}
						]),
				...signatureFields(ctx, s)
			]
		});
		if (latest && latest.id !== s.id) {
			blocks.push({
				kind: 'paragraph',
				tone: 'muted',
				text: m.exports_report_superseded({}, ctx.o)
			});
		}
		if (!s.current) {
			blocks.push({
				kind: 'paragraph',
				tone: 'warning',
				text: m.exports_report_stale_warning({}, ctx.o)
			});
		}
		blocks.push({ kind: 'paragraph', text: s.body || dash });
		const note = authorshipNoteOf(s.details);
		if (note)
			blocks.push({
				kind: 'paragraph',
				tone: 'warning',
				text: m.signoff_authorship_printed(
					{ saves: note.saves, total: note.totalSaves, reason: note.reason },
					ctx.o
				)
			});
	}
	return {
		id: 'opinions',
		title: m.exports_report_opinions({}, ctx.o),
		newPage: true,
		blocks: blocks.length
			? blocks
			: [{ kind: 'paragraph', tone: 'muted', text: m.exports_report_no_opinion({}, ctx.o) }]
	};
}

export function decisionSection(ctx: ReportContext): Section {
	const d = ctx.record.decision;
	const section: Section = {
		id: 'decision',
		title: m.exports_report_decision({}, ctx.o),
		blocks: []
	};
	if (!d) {
		section.blocks = [
			{ kind: 'paragraph', tone: 'strong', text: m.exports_report_not_decided({}, ctx.o) }
		];
		return section;
	}
	const scenarios = ctx.steps.scenarios?.scenarios ?? [];
	const scenario = d.details?.scenarioId
		? (scenarios.find((s) => s.id === d.details.scenarioId)?.name ?? d.details.scenarioId)
		: m.exports_report_no_scenario({}, ctx.o);
	const risks = ctx.steps.risks?.risks ?? [];
	const details = d.details ?? {
		acceptedRisks: [],
		conditions: [],
		reviewDate: '',
		scenarioId: null
	};
	section.blocks = [
		{ kind: 'paragraph', tone: 'strong', text: outcomeLabel(d.outcome, ctx.locale) },
		{
			kind: 'fields',
			rows: [
				{ label: m.exports_report_chosen_scenario({}, ctx.o), value: scenario },
				{
					label: m.exports_report_review_date({}, ctx.o),
					value: details.reviewDate ? formatDate(details.reviewDate, ctx.locale) : dash
				},
				...signatureFields(ctx, d)
			]
		},
		...(d.current
			? []
			: [
					{
						kind: 'paragraph' as const,
						tone: 'warning' as const,
						text: m.exports_report_stale_warning({}, ctx.o)
					}
				]),
		{ kind: 'heading', text: m.exports_report_rationale({}, ctx.o) },
		{ kind: 'paragraph', text: d.body || dash },
		{
			kind: 'table',
			caption: m.exports_report_accepted_risks({}, ctx.o),
			headers: [
				m.exports_report_col_risk({}, ctx.o),
				m.exports_report_residual({}, ctx.o),
				m.exports_report_col_rationale({}, ctx.o)
			],
			widths: [3, 2, 4],
			rows: details.acceptedRisks.map((a) => {
				const risk = risks.find((r) => r.id === a.riskId);
				return [
					ctx.riskName(a.riskId),
					risk
						? scoredLevel(
								risk.residualSeverity,
								risk.residualLikelihood,
								ctx.thresholds,
								ctx.locale
							)
						: dash,
					a.rationale
				];
			})
		},
		{
			kind: 'table',
			caption: m.exports_report_conditions({}, ctx.o),
			headers: [
				m.exports_report_col_condition({}, ctx.o),
				m.exports_report_col_owner({}, ctx.o),
				m.exports_report_col_due({}, ctx.o)
			],
			widths: [5, 2, 2],
			rows: details.conditions.map((c) => [c.text, c.owner, formatDate(c.dueDate, ctx.locale)])
		}
	];
	return section;
}

export function historySection(ctx: ReportContext): Section {
	const r = ctx.record;
	// The most recent entries (of the record's window), oldest first: an inspector reads how
	// the analysis unfolded. A long trail is cut (the bundle's audit-log.jsonl holds all of
	// it, chained); the record page shows it a window at a time.
	const { rows, offset, total } = r.historyWindow;
	const entries = [...r.history]
		.sort((a, b) => b.seq - a.seq)
		.slice(0, rows)
		.reverse();
	const cut = r.history.length > rows;
	return {
		id: 'history',
		title: m.exports_report_history({}, ctx.o),
		newPage: true,
		blocks: [
			{
				kind: 'table',
				caption: m.exports_report_versions({}, ctx.o),
				headers: [
					m.exports_report_col_version({}, ctx.o),
					m.exports_report_col_frozen_at({}, ctx.o),
					m.exports_report_col_frozen_by({}, ctx.o),
					m.exports_report_col_outcome({}, ctx.o),
					m.exports_report_col_hash({}, ctx.o)
				],
				widths: [1, 2, 2, 2, 4],
				rows: r.versions.map((v) => [
					`v${v.number}`,
					formatDateTime(v.frozenAt, ctx.locale),
					v.frozenBy,
					v.outcome ? outcomeLabel(v.outcome, ctx.locale) : dash,
					v.contentHash
				])
			},
			...(r.versions.length
				? []
				: [
						{
							kind: 'paragraph' as const,
							tone: 'muted' as const,
							text: m.exports_report_no_version({}, ctx.o)
						}
					]),
			{
				kind: 'table',
				caption:
					offset > 0
						? m.exports_report_audit_window(
								{ from: offset + 1, to: offset + entries.length, total },
								ctx.o
							)
						: cut
							? m.exports_report_audit_cut({ n: entries.length }, ctx.o)
							: m.exports_report_audit({ n: entries.length }, ctx.o),
				headers: [
					m.exports_report_col_date({}, ctx.o),
					m.exports_report_col_actor({}, ctx.o),
					m.exports_report_col_action_done({}, ctx.o),
					m.exports_report_col_summary({}, ctx.o)
				],
				widths: [2, 2, 2, 4],
				rows: entries.map((e) => [
					formatDateTime(e.at, ctx.locale),
					e.role ? `${e.actorLabel} (${roleLabel(e.role, ctx.locale)})` : e.actorLabel,
					auditActionLabel(e.action, ctx.locale),
					auditSummaryText(e.action, e.summary, ctx.locale)
				])
			}
		]
	};
}

export function verificationSection(ctx: ReportContext): Section {
	const files = ctx.record.content.attachments;
	return {
		id: 'verification',
		title: m.exports_report_verification({}, ctx.o),
		newPage: true,
		blocks: [
			{
				kind: 'paragraph',
				text: m.exports_report_hash_intro({ version: ctx.record.versionNumber }, ctx.o)
			},
			{ kind: 'paragraph', tone: 'mono', text: ctx.record.contentHash },
			{ kind: 'paragraph', text: m.exports_report_verify_bundle({}, ctx.o) },
			{
				kind: 'list',
				items: [
					m.exports_report_verify_step_manifest({}, ctx.o),
					m.exports_report_verify_step_signature({}, ctx.o),
					m.exports_report_verify_step_tool({}, ctx.o),
					m.exports_report_verify_step_hash({}, ctx.o)
				]
			},
			{ kind: 'paragraph', tone: 'muted', text: m.exports_report_verify_note({}, ctx.o) },
			// Attachments are bound to the content hash through their own SHA-256.
			{
				kind: 'table',
				caption: m.exports_report_attachments({ n: files.length }, ctx.o),
				headers: [
					m.exports_report_col_file({}, ctx.o),
					m.exports_report_col_size({}, ctx.o),
					m.exports_report_col_sha256({}, ctx.o)
				],
				widths: [3, 1, 5],
				rows: files.map((f) => [f.name, m.exports_report_bytes({ n: f.size }, ctx.o), f.sha256])
			}
		]
	};
}
