import { actionPlanToCsv, filterByOwner } from '$lib/domain/action-plan';
import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import { todayIso } from '$lib/server/action-plan';
import { contentDisposition } from '$lib/server/attachments';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { exportFileName } from '$lib/server/export/bundle-format';
import { recordActionPlan } from '$lib/server/export/report-action-plan';
import { exportRecord } from '$lib/server/export/request';
import type { RequestHandler } from './$types';

/**
 * The action plan of one version (`?version=N`, default the working one) as CSV, with the
 * same builder and CSV format as the action-plan page's download, and its owner filter.
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
	const record = exportRecord(db, assessment, event.url);
	const owner = (event.url.searchParams.get('owner') ?? '').trim().slice(0, 200);
	const items = filterByOwner(recordActionPlan(record, todayIso()), owner);
	const csv = actionPlanToCsv(items, event.locals.locale);
	audit.record(db, actorOf(user, membership), {
		action: 'assessment.export',
		entity: 'assessment',
		entityId: assessment.id,
		assessmentId: assessment.id,
		orgId: assessment.orgId,
		summary: `action-plan.csv (CSV, ${event.locals.locale}) of version ${record.versionNumber} exported, content sha256 ${record.contentHash}`
	});
	const name = exportFileName(assessment.title, record.versionNumber, new Date(), 'csv').replace(
		/^aipd-/,
		'plan-action-'
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition(name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
