import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changesSince, VULNERABILITY_REVIEW_SEVERITY, type ReviewedContent } from './review';
import {
	MATRIX,
	base,
	copy,
	with_,
	kinds,
	newActors,
	arbCountry,
	arbContent,
	arbAnyActors,
	type Actor
} from './review-fixtures';

describe('changesSince', () => {
	it('finds nothing between identical contents', () => {
		expect(changesSince(base, base)).toEqual([]);
		expect(changesSince(base, copy(base))).toEqual([]);
	});

	it('lists a new party with its country', () => {
		const current = with_({ actors: [...base.actors, { name: 'AWS', country: 'US' }] });
		expect(changesSince(base, current)).toEqual([
			{ kind: 'new_actor', name: 'AWS', country: 'US' }
		]);
	});

	it('matches parties by name, case and outer spacing aside', () => {
		const current = with_({
			actors: [
				{ name: ' Doctolib ', country: 'FR' },
				{ name: 'OVHCLOUD', country: 'FR' }
			]
		});
		expect(changesSince(base, current)).toEqual([]);
		const decided = with_({ actors: [{ name: 'doctolib', country: 'FR' }] });
		expect(
			changesSince(decided, with_({ actors: [{ name: ' Doctolib ', country: 'FR' }] }))
		).toEqual([]);
	});

	it('lists a party moved to another country, with the former and the new one', () => {
		const current = with_({
			actors: [
				{ name: 'doctolib', country: 'DE' },
				{ name: 'OVHcloud', country: 'FR' }
			]
		});
		expect(changesSince(base, current)).toEqual([
			{ kind: 'actor_country', name: 'doctolib', from: 'FR', to: 'DE' }
		]);
	});

	it('does not list a party that was removed', () => {
		const current = with_({ actors: [{ name: 'Doctolib', country: 'FR' }] });
		expect(changesSince(base, current)).toEqual([]);
	});

	it('lists a new transfer destination once, even with two transfers to it', () => {
		const current = with_({ transfers: [{ country: 'US' }, { country: 'IN' }, { country: 'IN' }] });
		expect(changesSince(base, current)).toEqual([{ kind: 'new_transfer_country', country: 'IN' }]);
	});

	it('does not list a country that already was a destination', () => {
		const current = with_({ transfers: [{ country: 'US' }, { country: 'US' }] });
		expect(changesSince(base, current)).toEqual([]);
	});

	it('lists a new finding of severity 3 or 4, not one of severity 2 or an existing one', () => {
		const current = with_({
			findings: [
				{ id: 'f1', title: 'Chiffrement au repos absent (revu)', severity: 4 },
				{ id: 'f2', title: 'Journalisation incomplète', severity: 2 },
				{ id: 'f3', title: 'Mots de passe faibles', severity: 3 },
				{ id: 'f4', title: 'Injection SQL', severity: 4 }
			]
		});
		expect(changesSince(base, current)).toEqual([
			{ kind: 'new_finding', title: 'Mots de passe faibles', severity: 3 },
			{ kind: 'new_finding', title: 'Injection SQL', severity: 4 }
		]);
	});

	it('lists one risk matrix change, however many cells changed', () => {
		const matrix = MATRIX.map((row) => row.map((v) => Math.min(4, v + 1)));
		expect(changesSince(base, with_({ riskMatrix: matrix }))).toEqual([{ kind: 'risk_matrix' }]);
		expect(changesSince(base, with_({ riskMatrix: MATRIX.slice(1) }))).toEqual([
			{ kind: 'risk_matrix' }
		]);
	});

	it('lists every kind of change together, parties first and the matrix last', () => {
		const current: ReviewedContent = {
			riskMatrix: [[1]],
			actors: [
				{ name: 'Doctolib', country: 'CH' },
				{ name: 'AWS', country: 'US' }
			],
			transfers: [{ country: 'CH' }],
			findings: [{ id: 'f9', title: 'Fuite', severity: 4 }]
		};
		expect(kinds(changesSince(base, current))).toEqual([
			'actor_country',
			'new_actor',
			'new_transfer_country',
			'new_finding',
			'risk_matrix'
		]);
	});

	it('finds nothing between a content and itself', () => {
		fc.assert(
			fc.property(arbContent, (x) => {
				expect(changesSince(x, x)).toEqual([]);
				expect(changesSince(x, copy(x))).toEqual([]);
			})
		);
	});

	it('never lists more new parties than the current version has', () => {
		fc.assert(
			fc.property(arbContent, arbContent, arbAnyActors, (decided, current, actors) => {
				expect(newActors(changesSince(decided, current)).length).toBeLessThanOrEqual(
					current.actors.length
				);
				const withAny = { ...current, actors };
				expect(newActors(changesSince(decided, withAny)).length).toBeLessThanOrEqual(actors.length);
			})
		);
	});

	it('lists exactly one more new party when one with a fresh name is added', () => {
		fc.assert(
			fc.property(
				arbContent,
				arbContent,
				fc.nat({ max: 6 }),
				arbCountry,
				(decided, current, at, country) => {
					// '#' is outside the names' alphabet: the name is unknown to both versions.
					const fresh: Actor = { name: `#Nouveau ${at}`, country };
					const actors = [...current.actors];
					actors.splice(Math.min(at, actors.length), 0, fresh);
					const before = changesSince(decided, current);
					const after = changesSince(decided, { ...current, actors });
					expect(newActors(after).length).toBe(newActors(before).length + 1);
					expect(after.length).toBe(before.length + 1);
					expect(after).toContainEqual({ kind: 'new_actor', name: fresh.name, country });
				}
			)
		);
	});

	it('lists each new transfer destination once, and only those the decided one lacked', () => {
		fc.assert(
			fc.property(arbContent, arbContent, (decided, current) => {
				const listed = changesSince(decided, current).flatMap((c) =>
					c.kind === 'new_transfer_country' ? [c.country] : []
				);
				const before = new Set(decided.transfers.map((t) => t.country));
				const expected = new Set(
					current.transfers.map((t) => t.country).filter((c) => !before.has(c))
				);
				expect(new Set(listed).size).toBe(listed.length);
				expect(new Set(listed)).toEqual(expected);
			})
		);
	});

	it('lists only new findings of severity 3 or more, each once', () => {
		fc.assert(
			fc.property(arbContent, arbContent, (decided, current) => {
				const listed = changesSince(decided, current).filter((c) => c.kind === 'new_finding');
				const known = new Set(decided.findings.map((f) => f.id));
				const expected = current.findings
					.filter((f) => !known.has(f.id) && f.severity >= VULNERABILITY_REVIEW_SEVERITY)
					.map((f) => ({ kind: 'new_finding', title: f.title, severity: f.severity }));
				expect(listed).toEqual(expected);
				for (const c of listed) expect(c.severity).toBeGreaterThanOrEqual(3);
			})
		);
	});
});

describe('changesSince, on untidy input', () => {
	const untidy: ReviewedContent = {
		...copy(base),
		actors: [
			{ name: 'Routeur  SMS', country: 'FR' },
			{ name: 'routeur sms', country: 'DE' },
			{ name: '', country: '' },
			{ name: ' ', country: '' }
		],
		findings: [{ id: 'f9', title: 'Faille mineure', severity: 2 }]
	};

	it('finds nothing between a content with homonym or blank parties and itself', () => {
		expect(changesSince(untidy, copy(untidy))).toEqual([]);
	});

	it('lists a new party once, however many rows and spellings it has', () => {
		const current = {
			...copy(base),
			actors: [...base.actors, { name: 'X', country: 'FR' }, { name: 'x ', country: 'FR' }]
		};
		expect(changesSince(base, current)).toEqual([{ kind: 'new_actor', name: 'X', country: 'FR' }]);
	});

	it('reads inner spacing and the case of a country code as the same', () => {
		const current = {
			...copy(base),
			actors: [
				{ name: 'Doc tolib', country: 'FR' },
				{ name: 'OVHcloud', country: 'fr' }
			],
			transfers: [{ country: ' us' }]
		};
		const before = {
			...copy(base),
			actors: [...base.actors, { name: 'Doc  tolib', country: 'FR' }]
		};
		expect(changesSince(before, current)).toEqual([]);
	});

	it('lists a finding whose severity rose to 3 or more', () => {
		const current = { ...copy(untidy), findings: [{ id: 'f9', title: 'Faille', severity: 4 }] };
		expect(changesSince(untidy, current)).toContainEqual({
			kind: 'finding_raised',
			title: 'Faille',
			from: 2,
			to: 4
		});
	});
});
