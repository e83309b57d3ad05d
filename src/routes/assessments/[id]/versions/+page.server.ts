import { error } from '@sveltejs/kit';
import { diffContent } from '$lib/domain/content-diff';
import { readablePath, readableValue } from '$lib/domain/content-paths';
import { assessmentAccess } from '$lib/server/http/access';
import { contentHash, currentContent, type AssessmentContent } from '$lib/server/content';
import { frozenVersion, versionsOf } from '$lib/server/record';
import type { PageServerLoad } from './$types';

/** How a value is shown in the diff: text as typed, anything else as compact JSON. */
function show(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	return JSON.stringify(value, null, 1);
}

/**
 * Every version of an assessment (the decided ones frozen, plus the one being worked on)
 * and what changed between two of them.
 */
export const load: PageServerLoad = (event) => {
	const { db, assessment } = assessmentAccess(event);
	const versions = versionsOf(db, assessment.id);
	const working = assessment.status === 'decided' ? null : assessment.versionNumber;
	const numbers = [...versions.map((v) => v.number), ...(working ? [working] : [])];
	const contentOf = (n: number): AssessmentContent | undefined => {
		const frozen = frozenVersion(db, assessment.id, n);
		if (frozen) return frozen.content as AssessmentContent;
		return n === working ? currentContent(db, assessment) : undefined;
	};
	const param = (name: string, fallback: number | undefined) => {
		const raw = event.url.searchParams.get(name);
		if (raw === null) return fallback;
		const n = Number(raw);
		if (!numbers.includes(n)) error(404, { message: 'not_found' });
		return n;
	};
	const to = param('to', numbers.at(-1));
	const from = param('from', numbers.length > 1 ? numbers.at(-2) : undefined);
	let diff = null;
	if (from !== undefined && to !== undefined) {
		const a = contentOf(from)!;
		const b = contentOf(to)!;
		// The version number itself always differs; it is not a change of content.
		const changes = diffContent({ ...a, versionNumber: 0 }, { ...b, versionNumber: 0 });
		diff = {
			from,
			to,
			// In the reader's words; the internal path stays available (a tooltip) for audits.
			changes: changes.slice(0, 500).map((c) => ({
				path: c.path,
				where: readablePath(c.path, [a, b], event.locals.locale),
				kind: c.kind,
				before: show(readableValue(c.before, event.locals.locale)),
				after: show(readableValue(c.after, event.locals.locale))
			})),
			truncated: changes.length > 500
		};
	}
	return {
		assessment: { id: assessment.id, title: assessment.title },
		versions,
		working: working
			? { number: working, contentHash: contentHash(currentContent(db, assessment)) }
			: null,
		numbers,
		diff
	};
};
