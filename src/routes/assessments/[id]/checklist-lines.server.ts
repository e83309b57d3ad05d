import { m } from '$lib/paraglide/messages';
import type { Blocker } from '$lib/domain/decision/gate';
import type { ChecklistGroup } from '$lib/domain/workflow-checklist';
import type { Locale, Localized } from '$lib/domain/knowledge/localized';
import { kindLabel } from '$lib/i18n/signoff-labels';
import { msg, subjectText } from './decision/gate-labels';
import { refLabel } from './decision/gate-view.server';

/**
 * The checklist in words, written on the server: the page receives sentences and links
 * rather than the gate's catalogues and texts (the overview stays light).
 */
export function checklistLines(
	assessmentId: string,
	groups: readonly ChecklistGroup[],
	locale: Locale,
	extraLabels: Record<string, Localized>
) {
	const text = (b: Blocker): string => {
		if (b.code === 'screening_missing') return m.checklist_screening_missing({}, { locale });
		if (b.code === 'opinion_missing' || b.code === 'opinion_stale') {
			const [kind, extra] = b.ref.split(':');
			const who = kindLabel(kind ?? b.ref, extra ?? null, extraLabels, locale);
			return b.code === 'opinion_stale'
				? m.checklist_opinion_stale({ who }, { locale })
				: m.checklist_opinion_missing({ who }, { locale });
		}
		const subject = subjectText(b.ref, b.subject, refLabel(b.ref), locale, extraLabels);
		return msg(`decision_blocker_${b.code}`, { subject });
	};
	// The decision page's answers have anchors; every other page is a step of the method.
	const href = (b: Blocker) =>
		b.page === 'decision'
			? `/assessments/${assessmentId}/decision#answer-${b.ref}`
			: `/assessments/${assessmentId}/${b.page.replace('_', '-')}`;
	return groups.map((g) => ({
		action: g.action,
		items: g.items.map((b) => ({ key: `${b.code}|${b.ref}`, text: text(b), href: href(b) }))
	}));
}
