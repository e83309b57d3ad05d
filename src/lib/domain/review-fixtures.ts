/** Shared fixtures of the review tests (review.test.ts, review-changes.test.ts). */
import fc from 'fast-check';
import type { ContentChange, ReviewedContent } from './review';

export type Actor = ReviewedContent['actors'][number];
export type Finding = ReviewedContent['findings'][number];

export const MATRIX = [
	[1, 1, 2, 2],
	[1, 2, 2, 3],
	[2, 2, 3, 4],
	[2, 3, 4, 4]
];

export const base: ReviewedContent = {
	riskMatrix: MATRIX,
	actors: [
		{ name: 'Doctolib', country: 'FR' },
		{ name: 'OVHcloud', country: 'FR' }
	],
	transfers: [{ country: 'US' }],
	findings: [{ id: 'f1', title: 'Chiffrement au repos absent', severity: 3 }]
};

/** The same content as another, rebuilt from scratch (no shared arrays). */
export const copy = (c: ReviewedContent): ReviewedContent => ({
	riskMatrix: c.riskMatrix.map((row) => [...row]),
	actors: c.actors.map((a) => ({ ...a })),
	transfers: c.transfers.map((t) => ({ ...t })),
	findings: c.findings.map((f) => ({ ...f }))
});

export const with_ = (patch: Partial<ReviewedContent>): ReviewedContent => ({
	...copy(base),
	...patch
});

export const kinds = (changes: ContentChange[]) => changes.map((c) => c.kind);
export const newActors = (changes: ContentChange[]) =>
	changes.filter((c) => c.kind === 'new_actor');

/** How the module matches parties (kept here so the properties can avoid collisions). */
export const actorKey = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase('fr');

// Arbitraries: small alphabets so that collisions (same country, same id) do happen.
export const arbMatrix = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 5 }), {
	maxLength: 5
});
export const arbCountry = fc.constantFrom('FR', 'DE', 'US', 'IE', 'CH', '');
export const arbName = fc.string({
	unit: fc.constantFrom('a', 'B', 'c', ' ', 'é', 'É'),
	maxLength: 6
});
/** Actors with distinct names as the module matches them (case and outer spacing aside). */
export const arbActors = fc.uniqueArray(fc.record({ name: arbName, country: arbCountry }), {
	maxLength: 6,
	selector: (a) => actorKey(a.name)
});
export const arbFinding: fc.Arbitrary<Finding> = fc.record({
	id: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5'),
	title: fc.string({ maxLength: 8 }),
	severity: fc.integer({ min: 0, max: 4 })
});
export const arbContent: fc.Arbitrary<ReviewedContent> = fc.record({
	riskMatrix: arbMatrix,
	actors: arbActors,
	transfers: fc.array(fc.record({ country: arbCountry }), { maxLength: 6 }),
	findings: fc.array(arbFinding, { maxLength: 6 })
});
/** Any actor list, duplicates by name included. */
export const arbAnyActors = fc.array(fc.record({ name: arbName, country: arbCountry }), {
	maxLength: 6
});
