/**
 * The data exports (JSON, CSV) and the evidence bundle, as exportResponse specs: what each
 * file holds, built from the version asked for.
 */
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { actionPlanToCsv, filterByOwner } from '$lib/domain/action-plan';
import { motifsSchema } from '$lib/domain/method/motifs';
import { motifsToCsv } from '$lib/domain/method/motifs-csv';
import { todayIso } from '$lib/server/action-plan';
import type { ExportSpec } from '$lib/server/http/export-response';
import { exportCnilPia, exportFileName as cnilFileName } from '$lib/server/interop/cnil-pia';
import { newId } from '$lib/server/ids';
import { logError } from '$lib/server/log';
import { assessmentJsonBytes } from '$lib/server/export/assessment-json';
import { buildBundle } from '$lib/server/export/bundle';
import { reportOptionsFor } from '$lib/server/export/report-export';
import { recordActionPlan } from '$lib/server/export/report-action-plan';
import { renderReportPdf } from '$lib/server/export/documents';
import { signingKey } from '$lib/server/export/signing-key';

/** One version as `assessment.json` (schema docs/assessment.schema.json), as in the bundle. */
export const assessmentJsonExport: ExportSpec = {
	kind: 'assessment.json',
	ext: 'json',
	render: ({ record }) => new Uint8Array(assessmentJsonBytes(record))
};

/**
 * The assessment as a file the CNIL PIA software imports: the steps it knows, as they
 * stand now, with their comments. Read from the working rows, so an earlier version is
 * refused rather than answered with today's content.
 */
export const cnilPiaExport: ExportSpec = {
	kind: 'cnil-pia.json',
	ext: 'json',
	filename: ({ assessment }) => cnilFileName(assessment.title),
	render: ({ db, event, assessment, locale }) => {
		if (event.url.searchParams.has('version')) error(400, { message: 'bad_version' });
		return JSON.stringify(exportCnilPia(db, assessment, locale), null, 2);
	}
};

/** The page's owner filter (`?owner=`), trimmed and bounded as the page reads it. */
function ownerOf(url: URL): string {
	return (url.searchParams.get('owner') ?? '').trim().slice(0, 200);
}

/**
 * The action plan as CSV, with the action-plan page's owner filter. Semicolons and a BOM
 * for spreadsheets in French locales; formula-like cells are neutralised by
 * `actionPlanToCsv`.
 */
export const actionPlanCsvExport: ExportSpec = {
	kind: 'action-plan.csv',
	ext: 'csv',
	filename: 'plan-action',
	render: ({ event, record, locale }) =>
		actionPlanToCsv(filterByOwner(recordActionPlan(record, todayIso()), ownerOf(event.url)), locale)
};

/**
 * The motifs table as CSV, for review in a spreadsheet, under the name the step's import
 * expects. Formula-like cells are neutralised by `motifsToCsv`.
 */
export const motifsCsvExport: ExportSpec = {
	kind: 'motifs.csv',
	ext: 'csv',
	filename: () => 'motifs.csv',
	render: ({ record }) => {
		const data = record.content.steps.motifs?.data;
		// A step never saved has no table yet; a saved one was validated by this same schema.
		const rows = data == null ? [] : motifsSchema.parse(data).rows;
		return motifsToCsv(rows, { delimiter: ';', bom: true });
	}
};

/**
 * The evidence bundle (docs/evidence-bundle.md), streamed: attachments and the audit log
 * are never held whole in memory. The export is audited once the report is rendered and the
 * files are found, so the bundle holds its own export entry as the chain head.
 */
export const bundleExport: ExportSpec = {
	kind: 'evidence bundle',
	ext: 'zip',
	render: async ({ db, record, locale, now, audit }) => {
		const stream = await buildBundle({
			db,
			record,
			locale,
			// The same report as export/report.pdf: the organisation's matrix and opinions.
			renderReport: (r, l) =>
				renderReportPdf(r, l, reportOptionsFor(db, record.assessment.orgId, now)),
			key: signingKey(),
			now,
			onReady: audit
		});
		// Headers are gone by then: a late fault can only cut the download, and is logged.
		stream.on('error', (error) =>
			logError({
				id: newId(),
				error,
				event: 'bundle_stream_failed',
				assessmentId: record.assessment.id
			})
		);
		return pullStream(stream);
	}
};

/**
 * A Node stream as a web stream, read only when the client asks for more. Not
 * `Readable.toWeb`: on Node 20 it enqueues into a stream the client has cancelled and
 * throws `ERR_INVALID_STATE` outside any handler, which ends the whole server (seen when a
 * bundle download was aborted).
 */
function pullStream(stream: Readable): ReadableStream<Uint8Array> {
	const chunks = stream[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { value, done } = await chunks.next();
			if (done) controller.close();
			else controller.enqueue(new Uint8Array(value as Buffer));
		},
		async cancel() {
			await chunks.return?.();
			stream.destroy();
		}
	});
}
