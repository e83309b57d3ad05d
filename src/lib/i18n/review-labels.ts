import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/knowledge/localized';
import type { SignalKind } from '$lib/domain/review';

const KIND: Record<SignalKind, typeof m.review_kind_other> = {
	subprocessor: m.review_kind_subprocessor,
	vulnerability: m.review_kind_vulnerability,
	incident: m.review_kind_incident,
	other: m.review_kind_other
};

/** A reported change's kind in words: the page's language, or the one given (the record). */
export function signalKindLabel(kind: SignalKind, locale?: Locale): string {
	return KIND[kind]({}, locale ? { locale } : undefined);
}
