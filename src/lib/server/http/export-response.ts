/**
 * The one response helper of every download of an assessment (the endpoints under
 * /assessments/[id]/export/** and the motifs CSV), so that each endpoint is one line and
 * none can drift: the access check, `?version=N`, the audit entry, the file name and the
 * headers are written here once.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import { contentDisposition } from '$lib/server/attachments';
import * as audit from '$lib/server/audit';
import { getDb, type Db } from '$lib/server/db';
import type { Assessment } from '$lib/server/db/schema';
import { exportFileName } from '$lib/server/export/bundle-format';
import { WorkerJobError } from '$lib/server/export/render-worker-run';
import { exportRecord } from '$lib/server/http/export-record';
import type { AssessmentRecord } from '$lib/server/record';

/** The sealed (English, fixed-form) summary of an export; report-audit-summaries reads it back. */
export function exportAuditSummary(
	spec: Pick<ExportSpec, 'kind' | 'ext'>,
	version: number,
	locale: string,
	contentHash: string
): string {
	return `${spec.kind} (${spec.ext.toUpperCase()}) of version ${version} exported in ${locale}, content sha256 ${contentHash}`;
}

export type ExportExt = 'pdf' | 'docx' | 'zip' | 'json' | 'csv';

export const CONTENT_TYPES: Record<ExportExt, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	zip: 'application/zip',
	json: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

export interface ExportContext {
	event: RequestEvent<{ id: string }>;
	db: Db;
	assessment: Assessment;
	/** The version asked for with `?version=N`, else the working one. */
	record: AssessmentRecord;
	locale: 'fr' | 'en';
	now: Date;
	/**
	 * Writes the export's audit entry, once. Called after `render` unless `render` called it
	 * itself: the evidence bundle does, so that it holds its own export entry.
	 */
	audit: () => void;
}

export type ExportBody = Uint8Array | string | ReadableStream<Uint8Array>;

export interface ExportSpec {
	/** The file as the audit entry names it: `report.pdf`, `evidence bundle`. */
	kind: string;
	ext: ExportExt;
	render: (ctx: ExportContext) => ExportBody | Promise<ExportBody>;
	/**
	 * The download's name: by default `aipd-<title>-v<N>-<date>.<ext>`; a string replaces
	 * its first word (`plan-action`), a function names it whole.
	 */
	filename?: string | ((ctx: ExportContext) => string);
	/**
	 * A response that refuses the export before anything is rendered or audited (the patient
	 * notice while information is missing), or null to go on.
	 */
	refuse?: (ctx: ExportContext) => Response | null;
}

function fileName(spec: ExportSpec, ctx: ExportContext): string {
	if (typeof spec.filename === 'function') return spec.filename(ctx);
	const name = exportFileName(ctx.assessment.title, ctx.record.versionNumber, ctx.now, spec.ext);
	return spec.filename ? name.replace(/^aipd-/, `${spec.filename}-`) : name;
}

/** A plain ASCII name stays `filename="…"` alone; anything else also gets `filename*`. */
function disposition(name: string): string {
	return /^[\w.-]+$/.test(name) ? `attachment; filename="${name}"` : contentDisposition(name);
}

export async function exportResponse(
	event: RequestEvent<{ id: string }>,
	spec: ExportSpec
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
	const locale = event.locals.locale;
	let audited = false;
	const ctx: ExportContext = {
		event,
		db,
		assessment,
		record,
		locale,
		now: new Date(),
		audit: () => {
			if (audited) return;
			audited = true;
			audit.record(db, actorOf(user, membership), {
				action: 'assessment.export',
				entity: 'assessment',
				entityId: assessment.id,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				summary: exportAuditSummary(spec, record.versionNumber, locale, record.contentHash)
			});
		}
	};
	const refusal = spec.refuse?.(ctx);
	if (refusal) return refusal;
	const body = await renderWithin(spec, ctx);
	ctx.audit();
	return new Response(body as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES[spec.ext],
			'content-disposition': disposition(fileName(spec, ctx)),
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
}

/** A document over its time or memory budget is a 503 the user can read, not a crash. */
async function renderWithin(spec: ExportSpec, ctx: ExportContext): Promise<ExportBody> {
	try {
		return await spec.render(ctx);
	} catch (e) {
		if (e instanceof WorkerJobError && e.reason !== 'failed') {
			error(503, { message: `export_budget_${e.reason}` });
		}
		throw e;
	}
}
