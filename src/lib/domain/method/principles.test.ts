import { describe, expect, it } from 'vitest';
import { PROCESSOR_CLAUSE_KEYS, PROCESSOR_CLAUSES } from '../knowledge/processor-clauses';
import {
	clauseCheckSchema,
	contractGaps,
	emptyProcessorContract,
	principlesSchema,
	processorContractSchema,
	transferSchema,
	type Principles
} from './principles';

function draft(): Principles {
	return {
		minimisation: [],
		accuracy: '',
		retention: [],
		rights: {
			information: '',
			access: '',
			rectification: '',
			erasure: '',
			restriction_objection: '',
			portability: ''
		},
		processorContract: emptyProcessorContract(),
		transfers: []
	};
}

describe('principlesSchema', () => {
	it('accepts a blank draft with an unticked checklist', () => {
		expect(principlesSchema.safeParse(draft()).success).toBe(true);
	});

	it('rejects minimisation rows without a field name', () => {
		const parsed = principlesSchema.safeParse({
			...draft(),
			minimisation: [{ field: '', needed: true, why: '' }]
		});
		expect(parsed.error?.issues[0]?.path).toEqual(['minimisation', 0, 'field']);
	});
});

describe('processor contract checklist', () => {
	it('has the seven art. 28 clauses plus breach notification, HDS host and processor record', () => {
		expect(PROCESSOR_CLAUSE_KEYS).toHaveLength(10);
		expect(PROCESSOR_CLAUSES.map((clause) => clause.key)).toEqual([...PROCESSOR_CLAUSE_KEYS]);
		expect(PROCESSOR_CLAUSE_KEYS.slice(7)).toEqual([
			'breach_notification',
			'certified_health_host',
			'processor_record'
		]);
		for (const clause of PROCESSOR_CLAUSES) {
			expect(clause.label.fr && clause.label.en && clause.help.fr && clause.help.en).toBeTruthy();
		}
	});

	it('starts with every clause missing and no evidence', () => {
		const contract = emptyProcessorContract();
		expect(Object.keys(contract)).toEqual([...PROCESSOR_CLAUSE_KEYS]);
		expect(Object.values(contract).every((c) => c.status === 'missing' && c.evidence === '')).toBe(
			true
		);
		expect(contractGaps(contract)).toHaveLength(10);
	});

	it('needs evidence for a present or partial clause', () => {
		for (const status of ['present', 'partial']) {
			expect(clauseCheckSchema.safeParse({ status, evidence: '' }).error?.issues).toMatchObject([
				{ code: 'too_small', path: ['evidence'] }
			]);
			expect(clauseCheckSchema.safeParse({ status, evidence: 'DPA art. 7.2' }).success).toBe(true);
		}
		expect(clauseCheckSchema.safeParse({ status: 'not_applicable', evidence: '' }).success).toBe(
			true
		);
		expect(clauseCheckSchema.safeParse({ status: 'unsure', evidence: '' }).success).toBe(false);
	});

	it('requires every clause and refuses unknown ones', () => {
		const { audits: _dropped, ...partial } = emptyProcessorContract();
		expect(processorContractSchema.safeParse(partial).success).toBe(false);
		const extra = { ...emptyProcessorContract(), free_lunch: { status: 'present', evidence: 'x' } };
		expect(processorContractSchema.safeParse(extra).success).toBe(false);
	});

	it('lists partial and missing clauses as gaps, in catalogue order', () => {
		const contract = emptyProcessorContract();
		for (const key of PROCESSOR_CLAUSE_KEYS) contract[key] = { status: 'present', evidence: 'ok' };
		contract.audits = { status: 'partial', evidence: 'annex 2, remote audits only' };
		contract.staff_confidentiality = { status: 'missing', evidence: '' };
		contract.processor_record = { status: 'not_applicable', evidence: '' };
		expect(contractGaps(contract)).toEqual([
			{ key: 'staff_confidentiality', status: 'missing' },
			{ key: 'audits', status: 'partial' }
		]);
	});
});

describe('transferSchema', () => {
	const transfer = {
		recipient: 'Cloud host',
		country: 'US',
		mechanism: 'sccs',
		supplementaryMeasures: 'Keys held outside the host',
		thirdCountryLaw: 'CLOUD Act',
		conclusion: '',
		outcome: 'to_assess'
	};

	it('accepts a small transfer impact assessment', () => {
		expect(transferSchema.safeParse(transfer).success).toBe(true);
	});

	it('needs a real country and a known mechanism', () => {
		expect(transferSchema.safeParse({ ...transfer, country: '' }).success).toBe(false);
		expect(transferSchema.safeParse({ ...transfer, mechanism: 'trust' }).success).toBe(false);
		expect(transferSchema.safeParse({ ...transfer, outcome: 'fine' }).success).toBe(false);
	});

	it('says whether the country is missing or names no country (message keys)', () => {
		const messageFor = (country: unknown) =>
			transferSchema.safeParse({ ...transfer, country }).error?.issues[0]?.message;
		expect(messageFor('')).toBe('required');
		expect(messageFor(undefined)).toBe('required');
		expect(messageFor('Narnia')).toBe('country_unknown');
		expect(messageFor('us')).toBe('country_unknown');
	});
});
