import { documentResponse } from '$lib/server/export/report-export';
import type { RequestHandler } from './$types';

/** The prior-consultation file (art. 36(3)); `?version=N` for a frozen version; audited. */
export const GET: RequestHandler = (event) => documentResponse(event, 'art36', 'docx');
