import { documentExport } from '$lib/server/export/report-export';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** The art. 36(3) file for the CNIL; `?version=N` for a frozen version; audited (exportResponse). */
export const GET: RequestHandler = (event) => exportResponse(event, documentExport('art36', 'pdf'));
