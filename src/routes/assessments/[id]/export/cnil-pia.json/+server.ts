import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { exportCnilPia, exportFileName } from '$lib/server/interop/cnil-pia';
import type { RequestHandler } from './$types';

/**
 * The assessment as a file the CNIL PIA software imports. Another organisation's assessment
 * answers 404 and a role without the export capability 403 (requireAssessment); each
 * download is written to the audit trail.
 */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const { assessment, membership } = requireAssessment(
		db,
		user,
		event.params.id,
		'assessment.export'
	);
	const file = exportCnilPia(db, assessment, event.locals.locale);
	const body = JSON.stringify(file, null, 2);

	audit.record(db, actorOf(user, membership), {
		action: 'assessment.export',
		entity: 'assessment',
		entityId: assessment.id,
		assessmentId: assessment.id,
		orgId: assessment.orgId,
		version: assessment.version,
		summary: `exported as CNIL PIA software JSON (${file.answers.length} answers, ${file.measures.length} measures, ${file.evaluations.length} evaluations)`
	});

	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(assessment.title)}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
