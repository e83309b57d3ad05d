import { bundleExport } from '$lib/server/http/data-exports';
import { exportResponse } from '$lib/server/http/export-response';
import type { RequestHandler } from './$types';

/** The evidence bundle (docs/evidence-bundle.md) of `?version=N` or the working version. */
export const GET: RequestHandler = (event) => exportResponse(event, bundleExport);
