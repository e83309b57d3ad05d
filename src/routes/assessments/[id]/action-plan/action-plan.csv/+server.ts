import { actionPlanToCsv, filterByOwner } from '$lib/domain/action-plan';
import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import { actionPlanOf } from '$lib/server/action-plan';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/**
 * The action plan as CSV, in the reader's language, with the page's owner filter if any.
 * Semicolons and a BOM for spreadsheets in French locales; formula-like cells are
 * neutralised by `actionPlanToCsv`.
 */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = event.params.id;
	const { assessment, membership } = requireAssessment(db, user, id, 'assessment.export');
	const owner = (event.url.searchParams.get('owner') ?? '').trim().slice(0, 200);
	const items = filterByOwner(actionPlanOf(db, assessment.id), owner);
	const csv = actionPlanToCsv(items, event.locals.locale);

	audit.record(db, actorOf(user, membership), {
		action: 'action_plan.export_csv',
		entity: 'assessment',
		entityId: id,
		assessmentId: id,
		summary: 'action plan CSV exported'
	});

	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="plan-action.csv"',
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
