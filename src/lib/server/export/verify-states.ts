import {
	describeProblem,
	StateCheck,
	versionKey,
	type SignatureRow,
	type StateClaim,
	type StateRows,
	type StateTable,
	type VersionRow
} from '$lib/domain/audit-state';
import type { AssessmentJson } from './assessment-json';
import { FILES } from './bundle-format';

/**
 * The bundle's rows against its own log: each signature of assessment.json, and the frozen
 * version, must hash to the `stateHash` its entry in audit-log.jsonl recorded
 * (src/lib/domain/audit-state.ts). A bundle exported from a database whose signatures
 * were rewritten (triggers dropped) is self-consistent in every other respect: its
 * assessment.json says the new verdict, its log still vouches for the old one.
 *
 * `claims` are the entries of this version (entries of other versions name rows the bundle
 * does not hold); `content` is assessment.json's content as parsed, not zod's copy.
 */
export function checkBundleStates(
	a: AssessmentJson,
	content: unknown,
	claims: readonly StateClaim[],
	failures: string[],
	notes: string[]
): void {
	const assessmentId = a.assessment.id;
	const signatures = new Map<string, SignatureRow>(
		a.signatures.map((s) => [s.id, { ...s, assessmentId }])
	);
	const decision = [...signatures.values()].filter((s) => s.kind === 'decision').at(-1);
	const frozen = a.versions.find((v) => v.number === a.versionNumber);
	// assessment.json names who froze the version (`frozenBy` is a name); the row holds the
	// id, which is the deciding signer's by construction (signoffs.ts).
	const version: VersionRow | undefined =
		a.frozen && frozen
			? {
					assessmentId,
					number: a.versionNumber,
					content,
					contentHash: a.contentHash,
					frozenAt: frozen.frozenAt,
					frozenBy: decision?.signerId ?? frozen.frozenBy
				}
			: undefined;
	const thisVersion = (id: string, n: number) => id === assessmentId && n === a.versionNumber;
	const rows: StateRows = {
		signature: (id) => signatures.get(id),
		version: (id, n) => (thisVersion(id, n) ? version : undefined),
		decisionOf: (id, n) => (thisVersion(id, n) ? decision : undefined)
	};
	const check = new StateCheck(rows);
	for (const claim of claims) check.push(claim);
	const all: { table: StateTable; id: string }[] = [...signatures.keys()].map((id) => ({
		table: 'signatures',
		id
	}));
	if (version)
		all.push({ table: 'assessment_versions', id: versionKey(assessmentId, a.versionNumber) });
	const verdict = check.finish(all);
	if (verdict.ok) {
		notes.push(
			`signatures${version ? ' and frozen version' : ''}: ${verdict.claims} state hash(es) in ${FILES.auditLog} recomputed from ${FILES.assessment}`
		);
	} else {
		failures.push(
			`${FILES.assessment}: the state of ${describeProblem(verdict.first)} differs from what ${FILES.auditLog} recorded` +
				(verdict.problems > 1 ? ` (and ${verdict.problems - 1} more)` : '')
		);
	}
}
