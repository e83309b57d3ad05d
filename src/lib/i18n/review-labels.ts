import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/domain/knowledge/localized';
import { getLocale } from '$lib/paraglide/runtime';
import type { ContentChange, SignalKind } from '$lib/domain/review';

const KIND: Record<SignalKind, typeof m.review_kind_other> = {
	subprocessor: m.review_kind_subprocessor,
	vulnerability: m.review_kind_vulnerability,
	incident: m.review_kind_incident,
	other: m.review_kind_other,
	cnil_import: m.review_kind_cnil_import,
	risk_matrix: m.review_kind_risk_matrix
};

/** A reported change's kind in words: the page's language, or the one given (the record). */
export function signalKindLabel(kind: SignalKind, locale?: Locale): string {
	return KIND[kind]({}, locale ? { locale } : undefined);
}

/** A country code with its name in the page's language; a blank one is "to confirm". */
function country(code: string): string {
	if (!code) return m.review_country_unknown();
	try {
		const name = new Intl.DisplayNames([getLocale()], { type: 'region' }).of(code);
		return `${name ?? code} (${code})`;
	} catch {
		return code;
	}
}

/** One line of the reviewer's checklist: what the comparison of two contents found. */
export function contentChangeText(c: ContentChange): string {
	switch (c.kind) {
		case 'new_actor':
			return m.review_change_new_actor({ name: c.name, country: country(c.country) });
		case 'actor_country':
			return m.review_change_actor_country({
				name: c.name,
				from: country(c.from),
				to: country(c.to)
			});
		case 'new_transfer_country':
			return m.review_change_new_transfer_country({ country: country(c.country) });
		case 'new_finding':
			return m.review_change_new_finding({ severity: c.severity, title: c.title });
		case 'finding_raised':
			return m.review_change_finding_raised({ title: c.title, from: c.from, to: c.to });
		case 'risk_matrix':
			return m.review_change_risk_matrix();
		case 'new_risk':
			return m.review_change_new_risk({ title: c.title });
		case 'risk_level':
			return m.review_change_risk_level({
				title: c.title,
				fromSeverity: c.from.severity,
				fromLikelihood: c.from.likelihood,
				toSeverity: c.to.severity,
				toLikelihood: c.to.likelihood
			});
		case 'new_measure':
			return m.review_change_new_measure({ title: c.title, risk: c.risk });
		case 'catalogue_revised':
			return m.review_change_catalogue_revised({ title: c.title, date: c.date, note: c.note });
		case 'catalogue_added':
			return m.review_change_catalogue_added({ title: c.title, date: c.date, note: c.note });
	}
}
