import { documentExport } from '$lib/server/export/report-export';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** `?version=N` for a frozen version; in the reader's language; audited (exportResponse). */
export const GET: RequestHandler = (event) =>
	exportResponse(event, documentExport('notice', 'docx'));
