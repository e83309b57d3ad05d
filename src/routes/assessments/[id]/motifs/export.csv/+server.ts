import { error } from '@sveltejs/kit';
import { motifsSchema } from '$lib/domain/method/motifs';
import { motifsToCsv } from '$lib/domain/method/motifs-csv';
import { actorOf, requireAssessment, requireUser } from '$lib/server/http/access';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import * as steps from '$lib/server/steps';
import type { RequestHandler } from './$types';

/**
 * The motifs table as CSV, for review in a spreadsheet. Semicolons and a BOM: that is what
 * spreadsheets in French locales open without an import wizard; the importer reads both
 * separators. Formula-like cells are neutralised by `motifsToCsv`.
 */
export const GET: RequestHandler = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = event.params.id;
	const { assessment, membership } = requireAssessment(db, user, id, 'assessment.export');
	const step = steps.getStep(db, assessment.id, 'motifs');
	if (!step) error(404, { message: 'not_found' });
	// A step never saved has no table yet; a saved one was validated by this same schema.
	const parsed = step.data == null ? { rows: [] } : motifsSchema.parse(step.data);
	const csv = motifsToCsv(parsed.rows, { delimiter: ';', bom: true });

	audit.record(db, actorOf(user, membership), {
		action: 'step.export_csv',
		entity: 'assessment_step',
		entityId: `${id}/motifs`,
		assessmentId: id,
		summary: 'motifs CSV exported'
	});

	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="motifs.csv"',
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
