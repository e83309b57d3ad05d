import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import { contentDisposition } from '$lib/server/attachments';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { assessmentJsonBytes } from '$lib/server/export/assessment-json';
import { exportFileName } from '$lib/server/export/bundle-format';
import { exportRecord } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/** One version as `assessment.json` (schema docs/assessment.schema.json), as in the bundle. */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { assessment, membership } = requireAssessment(
		db,
		user,
		event.params.id,
		'assessment.export'
	);
	const record = exportRecord(db, assessment, event.url);
	const body = assessmentJsonBytes(record);
	audit.record(db, actorOf(user, membership), {
		action: 'assessment.export',
		entity: 'assessment',
		entityId: assessment.id,
		assessmentId: assessment.id,
		orgId: assessment.orgId,
		summary: `assessment.json (JSON) of version ${record.versionNumber} exported, content sha256 ${record.contentHash}`
	});
	const name = exportFileName(assessment.title, record.versionNumber, new Date(), 'json');
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': contentDisposition(name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
