import { assessmentAccess } from '$lib/server/http/access';
import { importReportOf } from '$lib/server/interop/import-report';
import type { PageServerLoad } from './$types';

/** What the import of a CNIL PIA file did: where each text went, notes, warnings. */
export const load: PageServerLoad = (event) => {
	const { db, assessment } = assessmentAccess(event, 'assessment.read');
	return {
		assessment: { id: assessment.id, title: assessment.title },
		report: importReportOf(db, assessment.id)
	};
};
