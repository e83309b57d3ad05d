import { noticeExport } from '$lib/server/http/notice-export';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/**
 * `?version=N` for a frozen version, `?audience=adolescent` for the variant for adolescents;
 * refused (422, with the list of what to fill in) while required information is missing.
 */
export const GET: RequestHandler = (event) => exportResponse(event, noticeExport('docx'));
