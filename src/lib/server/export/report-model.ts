/**
 * The DPIA report as a document model: one pure function of the record, the language and
 * the organisation's risk map. The PDF and the Word renderers both walk this model.
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/knowledge/localized';
import type { AssessmentRecord } from '$lib/server/record';
import { reportContext, type ReportContext, type ReportOptions } from './report-context';
import { formatDateTime, type Cover, type DocModel } from './report-doc';
import { outcomeLabel } from './report-labels';
import {
	contextSection,
	motifsSection,
	principlesSection,
	screeningSection
} from './report-sections-method';
import { risksSection } from './report-sections-risks';
import {
	actionPlanSection,
	benefitsSection,
	scenariosSection
} from './report-sections-arbitration';
import {
	decisionSection,
	historySection,
	opinionsSection,
	verificationSection
} from './report-sections-signoff';

export type { ReportOptions } from './report-context';

/** The order of the report: the method's order, then the signed acts, then the proof. */
export const REPORT_SECTION_IDS = [
	'screening',
	'context',
	'principles',
	'motifs',
	'risks',
	'benefits',
	'scenarios',
	'action_plan',
	'opinions',
	'decision',
	'history',
	'verification'
] as const;

function cover(ctx: ReportContext): Cover {
	const r = ctx.record;
	const d = r.decision;
	const version = r.frozen
		? m.exports_report_version_frozen({ n: r.versionNumber }, ctx.o)
		: m.exports_report_version_working({ n: r.versionNumber }, ctx.o);
	return {
		kicker: m.exports_report_kicker({}, ctx.o),
		title: r.assessment.title,
		fields: [
			{ label: m.exports_report_hospital({}, ctx.o), value: r.assessment.orgName },
			{ label: m.exports_report_processing({}, ctx.o), value: r.assessment.title },
			{
				label: m.overview_project_lead({}, ctx.o),
				value: r.assessment.projectLeadName ?? m.overview_project_lead_none({}, ctx.o)
			},
			{ label: m.exports_report_version({}, ctx.o), value: version },
			{
				label: m.exports_report_decision({}, ctx.o),
				value: d
					? m.exports_report_decision_on(
							{
								outcome: outcomeLabel(d.outcome, ctx.locale),
								date: formatDateTime(d.signedAt, ctx.locale),
								name: d.signerName
							},
							ctx.o
						)
					: m.exports_report_not_decided({}, ctx.o)
			},
			{
				label: m.exports_report_generated_at({}, ctx.o),
				value: formatDateTime(ctx.generatedAt, ctx.locale)
			},
			{ label: m.exports_report_content_hash({}, ctx.o), value: r.contentHash }
		],
		note: r.content.description || undefined
	};
}

export function reportModel(
	record: AssessmentRecord,
	locale: Locale,
	options: ReportOptions = {}
): DocModel {
	const ctx = reportContext(record, locale, options);
	return {
		locale,
		title: `${m.exports_report_kicker({}, ctx.o)} — ${record.assessment.title}`,
		subject: record.assessment.title,
		author: record.assessment.orgName,
		cover: cover(ctx),
		sections: [
			screeningSection(ctx),
			contextSection(ctx),
			principlesSection(ctx),
			motifsSection(ctx),
			risksSection(ctx),
			benefitsSection(ctx),
			scenariosSection(ctx),
			actionPlanSection(ctx),
			opinionsSection(ctx),
			decisionSection(ctx),
			historySection(ctx),
			verificationSection(ctx)
		],
		footer: m.exports_report_footer(
			{
				title: record.assessment.title,
				version: record.versionNumber,
				hash: record.contentHash.slice(0, 12)
			},
			ctx.o
		)
	};
}
