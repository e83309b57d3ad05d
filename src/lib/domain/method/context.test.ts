import { describe, expect, it } from 'vitest';
import { bookingContext } from '../knowledge/booking-template-context';
import { actorSchema, contextSchema, dataRowSchema, purposeSchema, type Context } from './context';

function emptyContext(): Context {
	return {
		description: '',
		purposes: [],
		dataInventory: [],
		dataSubjects: { kinds: [], notes: '' },
		actors: [],
		lifecycle: { collection: '', import: '', storage: '', reminders: '', deletion: '' },
		assets: []
	};
}

const actor = {
	name: 'Hôpital',
	role: 'controller',
	country: 'FR',
	hdsCertified: 'unknown',
	iso27001: 'no',
	keysHeldBy: '',
	notes: ''
};

describe('contextSchema', () => {
	it('accepts an empty draft: completeness is the reviewer’s call', () => {
		expect(contextSchema.safeParse(emptyContext()).success).toBe(true);
	});

	it('accepts the booking template context', () => {
		expect(contextSchema.safeParse(bookingContext('fr')).success).toBe(true);
	});

	it('caps the description at 10000 characters', () => {
		const ok = { ...emptyContext(), description: 'd'.repeat(10000) };
		expect(contextSchema.safeParse(ok).success).toBe(true);
		const tooLong = contextSchema.safeParse({ ...ok, description: 'd'.repeat(10001) });
		expect(tooLong.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['description'] });
	});

	it('caps the number of rows', () => {
		const row = { name: 'Server', type: 'hardware', owner: '' };
		const parsed = contextSchema.safeParse({
			...emptyContext(),
			assets: Array.from({ length: 201 }, () => row)
		});
		expect(parsed.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['assets'] });
	});

	it('rejects unknown and duplicated data-subject kinds', () => {
		const unknown = contextSchema.safeParse({
			...emptyContext(),
			dataSubjects: { kinds: ['patients', 'aliens'], notes: '' }
		});
		expect(unknown.error?.issues[0]?.path).toEqual(['dataSubjects', 'kinds', 1]);
		const twice = contextSchema.safeParse({
			...emptyContext(),
			dataSubjects: { kinds: ['minors', 'minors'], notes: '' }
		});
		expect(twice.error?.issues[0]).toMatchObject({
			code: 'custom',
			path: ['dataSubjects', 'kinds', 1]
		});
	});
});

describe('purposeSchema', () => {
	const purpose = { text: 'Book consultations online', legalBasis: 'public_task' };

	it('requires an art. 9(2) exception when the purpose involves health data', () => {
		const parsed = purposeSchema.safeParse({ ...purpose, involvesHealthData: true });
		expect(parsed.error?.issues).toMatchObject([
			{ code: 'invalid_value', path: ['healthException'] }
		]);
		expect(
			purposeSchema.safeParse({
				...purpose,
				involvesHealthData: true,
				healthException: 'h_health_care'
			}).success
		).toBe(true);
	});

	it('does not need an exception without health data', () => {
		expect(purposeSchema.safeParse({ ...purpose, involvesHealthData: false }).success).toBe(true);
	});

	it('rejects unknown bases and exceptions, and an empty text', () => {
		expect(
			purposeSchema.safeParse({ ...purpose, legalBasis: 'convenience', involvesHealthData: false })
				.success
		).toBe(false);
		expect(
			purposeSchema.safeParse({ ...purpose, involvesHealthData: true, healthException: 'k_other' })
				.success
		).toBe(false);
		expect(
			purposeSchema.safeParse({ ...purpose, text: '  ', involvesHealthData: false }).error
				?.issues[0]
		).toMatchObject({ code: 'too_small', path: ['text'] });
	});
});

describe('actorSchema', () => {
	it('accepts an ISO 3166 alpha-2 code or an empty country to be confirmed', () => {
		expect(actorSchema.safeParse(actor).success).toBe(true);
		expect(actorSchema.safeParse({ ...actor, country: '' }).success).toBe(true);
	});

	it('rejects anything else as a country', () => {
		for (const country of ['fr', 'FRA', 'XX', 'France', 'UK']) {
			const parsed = actorSchema.safeParse({ ...actor, country });
			expect(parsed.error?.issues[0]?.path).toEqual(['country']);
		}
	});

	it('keeps certifications tri-state', () => {
		expect(actorSchema.safeParse({ ...actor, hdsCertified: 'maybe' }).success).toBe(false);
		expect(actorSchema.safeParse({ ...actor, role: 'auditor' }).success).toBe(false);
	});

	it('limits short fields to 200 characters', () => {
		expect(actorSchema.safeParse({ ...actor, name: 'n'.repeat(201) }).success).toBe(false);
	});
});

describe('dataRowSchema', () => {
	it('takes a list of named fields', () => {
		const row = {
			category: 'Identity',
			fields: ['IPP', 'Name'],
			source: 'HIS',
			sensitive: false,
			retention: '20 years',
			recipients: 'Secretaries'
		};
		expect(dataRowSchema.safeParse(row).success).toBe(true);
		expect(dataRowSchema.safeParse({ ...row, fields: ['IPP', ''] }).success).toBe(false);
		expect(dataRowSchema.safeParse({ ...row, sensitive: 'yes' }).success).toBe(false);
	});
});
