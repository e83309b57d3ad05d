import { documentResponse } from '$lib/server/export/report-export';
import type { RequestHandler } from './$types';

/** `?version=N` for a frozen version; in the requester's language; the export is audited. */
export const GET: RequestHandler = (event) =>
	documentResponse(event, 'record-of-processing', 'pdf');
