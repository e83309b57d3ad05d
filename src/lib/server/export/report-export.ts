/**
 * The GET handlers of the generated documents (report, patient notice, record-of-processing
 * entry; PDF or Word): the same checks, audit entry and headers for each, so the seven
 * routes are one line each.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf, requireAssessment, requireUser } from '$lib/server/access';
import { contentDisposition } from '$lib/server/attachments';
import * as audit from '$lib/server/audit';
import { getDb, type Db } from '$lib/server/db';
import { getOrgSettings } from '$lib/server/org-settings';
import type { AssessmentRecord } from '$lib/server/record';
import { exportFileName } from './bundle-format';
import { renderNoticeDocx, renderNoticePdf } from './notice';
import { renderRecordOfProcessingDocx, renderRecordOfProcessingPdf } from './record-of-processing';
import type { ReportOptions } from './report-model';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';
import { exportRecord } from './request';

export type DocumentKind = 'report' | 'notice' | 'record-of-processing';
export type DocumentFormat = 'pdf' | 'docx';

type Renderer = (r: AssessmentRecord, l: 'fr' | 'en', o: ReportOptions) => Promise<Buffer>;

const RENDERERS: Record<DocumentKind, Record<DocumentFormat, Renderer>> = {
	report: { pdf: renderReportPdf, docx: renderReportDocx },
	notice: { pdf: renderNoticePdf, docx: renderNoticeDocx },
	'record-of-processing': { pdf: renderRecordOfProcessingPdf, docx: renderRecordOfProcessingDocx }
};

const FILE_PREFIX: Record<DocumentKind, string> = {
	report: 'aipd',
	notice: 'notice-patients',
	'record-of-processing': 'registre-traitement'
};

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/** The organisation's settings that change what a document says (its risk map, its opinions). */
export function reportOptionsFor(db: Db, orgId: string, generatedAt = new Date()): ReportOptions {
	const settings = getOrgSettings(db, orgId);
	// The risk map comes with the record (frozen with the content), not from today's settings.
	return { extraOpinions: settings.extraOpinions, generatedAt };
}

export async function documentResponse(
	event: RequestEvent<{ id: string }>,
	kind: DocumentKind,
	format: DocumentFormat
): Promise<Response> {
	const user = requireUser(event);
	const db = getDb();
	const { assessment, membership } = requireAssessment(
		db,
		user,
		event.params.id,
		'assessment.export'
	);
	const record = exportRecord(db, assessment, event.url);
	const now = new Date();
	const locale = event.locals.locale;
	const audience = event.url.searchParams.get('audience') === 'adolescent' ? 'adolescent' : 'adult';
	const body = await RENDERERS[kind][format](record, locale, {
		...reportOptionsFor(db, assessment.orgId, now),
		audience
	});
	audit.record(db, actorOf(user, membership), {
		action: 'assessment.export',
		entity: 'assessment',
		entityId: assessment.id,
		assessmentId: assessment.id,
		orgId: assessment.orgId,
		summary: `${kind}.${format} (${format.toUpperCase()}, ${locale}) of version ${record.versionNumber} exported, content sha256 ${record.contentHash}`
	});
	const name = exportFileName(assessment.title, record.versionNumber, now, format).replace(
		/^aipd-/,
		`${FILE_PREFIX[kind]}-`
	);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': contentDisposition(name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
}
