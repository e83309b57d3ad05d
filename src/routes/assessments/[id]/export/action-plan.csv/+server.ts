import { actionPlanCsvExport } from '$lib/server/http/data-exports';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** The action plan of `?version=N` or the working version as CSV, with the page's `?owner=` filter. */
export const GET: RequestHandler = (event) => exportResponse(event, actionPlanCsvExport);
