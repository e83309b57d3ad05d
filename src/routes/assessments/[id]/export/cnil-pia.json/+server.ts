import { cnilPiaExport } from '$lib/server/http/data-exports';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** The working version as a file the CNIL PIA software imports. */
export const GET: RequestHandler = (event) => exportResponse(event, cnilPiaExport);
