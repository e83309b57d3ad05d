import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/knowledge/localized';

import { FINDING_STATUSES, type FindingStatus } from '$lib/domain/finding-status';

/**
 * Each status as the findings page, the risks page and the documents word it: one table,
 * so a page and the PDF never disagree. Pages use the request's language; a document
 * passes the locale it is built in.
 */
export const FINDING_STATUS_TEXT: Record<FindingStatus, (o?: { locale: Locale }) => string> = {
	open: (o) => m.findings_status_open({}, o),
	in_progress: (o) => m.findings_status_in_progress({}, o),
	resolved: (o) => m.findings_status_resolved({}, o),
	accepted: (o) => m.findings_status_accepted({}, o)
};

export const FINDING_STATUS_ORDER = FINDING_STATUSES;
