import { Readable } from 'node:stream';
import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import { contentDisposition } from '$lib/server/attachments';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { buildBundle } from '$lib/server/export/bundle';
import { exportFileName } from '$lib/server/export/bundle-format';
import { renderReportPdf } from '$lib/server/export/report-pdf';
import { reportOptionsFor } from '$lib/server/export/report-export';
import { exportRecord } from '$lib/server/export/request';
import { signingKey } from '$lib/server/export/signing-key';
import { newId } from '$lib/server/ids';
import { logError } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * The evidence bundle (docs/evidence-bundle.md), streamed: attachments and the audit log
 * are never held whole in memory. The export is audited once the report is rendered and
 * the files are found, so the bundle holds its own export entry as the chain head.
 */
export const GET: RequestHandler = async (event) => {
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
	const stream = await buildBundle({
		db,
		record,
		locale: event.locals.locale,
		// The same report as export/report.pdf: the organisation's matrix and opinions.
		renderReport: (r, locale) =>
			renderReportPdf(r, locale, reportOptionsFor(db, assessment.orgId, now)),
		key: signingKey(),
		now,
		onReady: () =>
			audit.record(db, actorOf(user, membership), {
				action: 'assessment.export',
				entity: 'assessment',
				entityId: assessment.id,
				assessmentId: assessment.id,
				orgId: assessment.orgId,
				summary: `evidence bundle (ZIP) of version ${record.versionNumber} exported, content sha256 ${record.contentHash}`
			})
	});
	// Headers are gone by then: a late fault can only cut the download, and is logged.
	stream.on('error', (error) =>
		logError({ id: newId(), error, event: 'bundle_stream_failed', assessmentId: assessment.id })
	);
	const name = exportFileName(assessment.title, record.versionNumber, now, 'zip');
	return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': contentDisposition(name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
