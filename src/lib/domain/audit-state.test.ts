import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalHash } from './canonical';
import {
	checkClaim,
	decisionStateHash,
	signatureStateHash,
	StateCheck,
	stateClaimOf,
	versionKey,
	type SignatureRow,
	type StateEntry,
	type StateRows,
	type VersionRow
} from './audit-state';

const content = { schema: 'x', title: 'Prise de rendez-vous', steps: { risks: { data: [1, 2] } } };
const HASH = canonicalHash(content);

const decision: SignatureRow = {
	id: 's-dec',
	assessmentId: 'a1',
	versionNumber: 1,
	kind: 'decision',
	extraKey: null,
	verdict: 'approve',
	body: 'Approuvé.',
	details: { reviewDate: '2027-01-01', acceptedRisks: [] },
	signerId: 'u-dir',
	signerName: 'Directrice',
	signerRole: 'director',
	signedAt: '2026-11-23T10:00:00.000Z',
	contentHash: HASH
};
const opinion: SignatureRow = {
	...decision,
	id: 's-dpo',
	kind: 'dpo',
	verdict: 'favourable',
	details: null,
	signerId: 'u-dpo',
	signerRole: 'dpo'
};
const version: VersionRow = {
	assessmentId: 'a1',
	number: 1,
	content,
	contentHash: HASH,
	frozenAt: decision.signedAt,
	frozenBy: decision.signerId
};

function rowsOf(signatures: SignatureRow[], versions: VersionRow[]): StateRows {
	return {
		signature: (id) => signatures.find((s) => s.id === id),
		version: (a, n) => versions.find((v) => v.assessmentId === a && v.number === n),
		decisionOf: (a, n) =>
			signatures.find((s) => s.assessmentId === a && s.versionNumber === n && s.kind === 'decision')
	};
}

const entry = (over: Partial<StateEntry>): StateEntry => ({
	seq: 7,
	action: 'opinion.sign',
	entity: 'signature',
	entityId: 's-dpo',
	assessmentId: 'a1',
	version: 1,
	stateHash: signatureStateHash(opinion),
	...over
});
const opinionClaim = stateClaimOf(entry({}))!;
const decisionClaim = stateClaimOf(
	entry({
		seq: 9,
		action: 'decision.sign',
		entityId: 's-dec',
		stateHash: decisionStateHash(decision, version)
	})
)!;

describe('state claims', () => {
	it('an opinion entry hashes what earlier versions hashed: the whole row', () => {
		expect(signatureStateHash(opinion)).toBe(canonicalHash({ ...opinion }));
		// Extra fields (assessment.json's `current`) are not part of the state.
		expect(signatureStateHash({ ...opinion, current: true } as SignatureRow)).toBe(
			signatureStateHash(opinion)
		);
	});

	it('hashes how the signer authenticated when it is recorded, and only then', () => {
		// Earlier signatures (no method recorded) keep the hash their entries hold.
		expect(signatureStateHash({ ...opinion, authMethod: null })).toBe(signatureStateHash(opinion));
		const viaDirectory = { ...opinion, authMethod: 'oidc' };
		expect(signatureStateHash(viaDirectory)).toBe(canonicalHash(viaDirectory));
		// A method rewritten behind the triggers no longer matches its entry.
		const claim = stateClaimOf(entry({ stateHash: signatureStateHash(viaDirectory) }))!;
		expect(checkClaim(claim, rowsOf([viaDirectory], []))).toBeNull();
		expect(
			checkClaim(claim, rowsOf([{ ...viaDirectory, authMethod: 'password' }], []))
		).not.toBeNull();
	});

	it('names the rows from the entry’s own fields; other entries claim nothing', () => {
		expect(opinionClaim).toEqual({
			kind: 'opinion',
			seq: 7,
			stateHash: signatureStateHash(opinion),
			signatureId: 's-dpo'
		});
		expect(decisionClaim).toMatchObject({ kind: 'decision', assessmentId: 'a1', versionNumber: 1 });
		expect(
			stateClaimOf(entry({ action: 'decision.sign', entity: 'assessment', entityId: 'a1' }))
		).toEqual({ kind: 'legacy-decision', seq: 7, assessmentId: 'a1', versionNumber: 1 });
		expect(stateClaimOf(entry({ action: 'step.save', entity: 'step' }))).toBeNull();
	});

	it('genuine rows pass', () => {
		const rows = rowsOf([opinion, decision], [version]);
		expect(checkClaim(opinionClaim, rows)).toBeNull();
		expect(checkClaim(decisionClaim, rows)).toBeNull();
	});

	const signatureFields = Object.keys(decision) as (keyof SignatureRow)[];
	it('any change of any field of a signature is reported on that row, at its entry', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...signatureFields),
				fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
				(field, value) => {
					fc.pre(canonicalHash(value) !== canonicalHash(decision[field]));
					const forged = { ...decision, [field]: value } as SignatureRow;
					// The version row follows its signature where they share fields: a forger would
					// rewrite both, so that only the entry's hash can tell.
					const v = {
						...version,
						contentHash: forged.contentHash,
						frozenAt: forged.signedAt,
						frozenBy: forged.signerId,
						assessmentId: forged.assessmentId,
						number: forged.versionNumber
					};
					const rows: StateRows = {
						signature: (id) => (id === 's-dec' ? forged : undefined),
						version: () => v,
						decisionOf: () => forged
					};
					const problem = checkClaim(decisionClaim, rows);
					expect(problem?.seq).toBe(9);
					expect(problem?.reason === 'changed' || problem?.reason === 'mismatch').toBe(true);
				}
			)
		);
	});

	it('a forged verdict is reported on the signatures row', () => {
		const forged = { ...decision, verdict: 'reject' };
		expect(checkClaim(decisionClaim, rowsOf([opinion, forged], [version]))).toEqual({
			table: 'signatures',
			id: 's-dec',
			seq: 9,
			reason: 'changed'
		});
		const forgedOpinion = { ...opinion, verdict: 'unfavourable' };
		expect(checkClaim(opinionClaim, rowsOf([forgedOpinion], []))).toMatchObject({
			table: 'signatures',
			id: 's-dpo',
			reason: 'changed'
		});
	});

	it('frozen content edited, with or without its hash, is reported on the version row', () => {
		const edited = { ...content, title: 'Autre' };
		for (const v of [
			{ ...version, content: edited },
			{ ...version, content: edited, contentHash: canonicalHash(edited) }
		]) {
			expect(checkClaim(decisionClaim, rowsOf([decision], [v]))).toEqual({
				table: 'assessment_versions',
				id: versionKey('a1', 1),
				seq: 9,
				reason: 'mismatch'
			});
		}
	});

	it('a deleted row is missing; a row no entry vouches for is unaudited, after every entry', () => {
		expect(checkClaim(opinionClaim, rowsOf([], []))).toMatchObject({ reason: 'missing' });
		const check = new StateCheck(rowsOf([opinion, decision], [version]));
		check.push(opinionClaim);
		check.push(decisionClaim);
		const verdict = check.finish([
			{ table: 'signatures', id: 's-dpo' },
			{ table: 'signatures', id: 's-forged' },
			{ table: 'assessment_versions', id: versionKey('a1', 1) }
		]);
		expect(verdict).toEqual({
			ok: false,
			claims: 2,
			problems: 1,
			first: { table: 'signatures', id: 's-forged', seq: null, reason: 'unaudited' }
		});
	});

	it('a legacy decision entry still checks the frozen version against its decision', () => {
		const legacy = stateClaimOf(
			entry({ action: 'decision.sign', entity: 'assessment', entityId: 'a1' })
		)!;
		expect(checkClaim(legacy, rowsOf([decision], [version]))).toBeNull();
		expect(
			checkClaim(legacy, rowsOf([decision], [{ ...version, frozenBy: 'u-other' }]))
		).toMatchObject({
			table: 'assessment_versions',
			reason: 'mismatch'
		});
	});
});
