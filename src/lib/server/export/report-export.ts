/**
 * The generated documents (report, patient notice, record-of-processing entry; PDF or
 * Word) as exports: what each renders and how its file is named. The response itself
 * (checks, audit entry, headers) is exportResponse's.
 */
import type { ExportSpec } from '$lib/server/http/export-response';
import type { Db } from '$lib/server/db';
import { getOrgSettings } from '$lib/server/org-settings';
import { renderDocumentOf, type DocumentFormat, type DocumentKind } from './documents';
import type { ReportOptions } from './report-model';

export type { DocumentFormat, DocumentKind } from './documents';

const FILE_PREFIX: Record<DocumentKind, string> = {
	report: 'aipd',
	notice: 'notice-patients',
	'record-of-processing': 'registre-traitement',
	art36: 'consultation-cnil-art36'
};

/** The organisation's settings that change what a document says (its risk map, its opinions). */
export function reportOptionsFor(db: Db, orgId: string, generatedAt = new Date()): ReportOptions {
	const settings = getOrgSettings(db, orgId);
	// The risk map comes with the record (frozen with the content), not from today's settings.
	return { extraOpinions: settings.extraOpinions, generatedAt };
}

/** `<kind>.<format>` of the version asked for, in the reader's language. */
export function documentExport(kind: DocumentKind, format: DocumentFormat): ExportSpec {
	return {
		kind: `${kind}.${format}`,
		ext: format,
		filename: FILE_PREFIX[kind],
		render: async ({ db, record, locale, now, event }) =>
			new Uint8Array(
				await renderDocumentOf(kind, format, record, locale, {
					...reportOptionsFor(db, record.assessment.orgId, now),
					// The patient notice has a variant written for adolescents.
					audience: event.url.searchParams.get('audience') === 'adolescent' ? 'adolescent' : 'adult'
				})
			)
	};
}
