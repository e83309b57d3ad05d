import { motifsCsvExport } from '$lib/server/http/data-exports';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** The motifs table as `motifs.csv` (the step's import reads it back); audited. */
export const GET: RequestHandler = (event) => exportResponse(event, motifsCsvExport);
