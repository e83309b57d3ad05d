import { assessmentJsonExport } from '$lib/server/http/data-exports';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** One version as `assessment.json` (schema docs/assessment.schema.json), as in the bundle. */
export const GET: RequestHandler = (event) => exportResponse(event, assessmentJsonExport);
