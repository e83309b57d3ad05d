import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatures } from '../db/schema';
import { loadRecord } from '../record';
import { demoEmail } from '../seed';
import { findByEmail } from '../users';
import {
	assessmentJsonBytes,
	assessmentJsonSchemaDocument,
	toAssessmentJson
} from './assessment-json';
import type { AssessmentRecord } from '../record';
import { bundleFixture } from './bundle-fixture';

const SCHEMA_FILE = 'docs/assessment.schema.json';

type Schema = Record<string, unknown>;

/**
 * The subset of JSON Schema 2020-12 the published schema uses (type, const, enum, pattern,
 * minimum, maximum, properties, required, additionalProperties, items, anyOf), applied to
 * the parsed file: the check runs against the committed document, not against zod.
 */
function problems(schema: Schema, value: unknown, at = ''): string[] {
	const out: string[] = [];
	const typeOf = (v: unknown) =>
		v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
	if (schema.anyOf) {
		const ok = (schema.anyOf as Schema[]).some((s) => problems(s, value, at).length === 0);
		return ok ? [] : [`${at}: matches no alternative`];
	}
	if (schema.type !== undefined) {
		const types = ([] as string[]).concat(schema.type as string);
		const t = typeOf(value);
		if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
			return [`${at}: ${t} is not ${types.join('|')}`];
		}
	}
	if ('const' in schema && value !== schema.const) out.push(`${at}: not ${String(schema.const)}`);
	if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${at}: not in enum`);
	if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value as string)) {
		out.push(`${at}: does not match ${schema.pattern}`);
	}
	if (typeof schema.minimum === 'number' && (value as number) < schema.minimum)
		out.push(`${at}: < min`);
	if (typeof schema.maximum === 'number' && (value as number) > schema.maximum)
		out.push(`${at}: > max`);
	if (schema.properties && typeof value === 'object' && value !== null) {
		const props = schema.properties as Record<string, Schema>;
		for (const key of (schema.required as string[] | undefined) ?? []) {
			if (!(key in value)) out.push(`${at}/${key}: required`);
		}
		for (const [key, v] of Object.entries(value)) {
			if (props[key]) out.push(...problems(props[key], v, `${at}/${key}`));
			else if (schema.additionalProperties === false) out.push(`${at}/${key}: not allowed`);
		}
	}
	if (schema.items && Array.isArray(value)) {
		value.forEach((v, i) => out.push(...problems(schema.items as Schema, v, `${at}/${i}`)));
	}
	return out;
}

describe('assessment.json and its published JSON Schema', () => {
	let fx: Awaited<ReturnType<typeof bundleFixture>>;
	let published: Schema;

	beforeAll(async () => {
		// UPDATE_SCHEMA=1 rewrites the committed file after an intended change (then prettier).
		if (process.env.UPDATE_SCHEMA) {
			writeFileSync(SCHEMA_FILE, JSON.stringify(assessmentJsonSchemaDocument(), null, '\t') + '\n');
		}
		published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
		fx = await bundleFixture();
	});
	afterAll(() => fx.dispose());

	it('is committed exactly as the zod schema generates it (draft 2020-12)', () => {
		expect(published).toEqual(assessmentJsonSchemaDocument());
		expect(published.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(published.title).toBe('dpia-workbench/assessment@1');
	});

	it('validates a generated assessment.json with signatures and a decision', () => {
		const director = findByEmail(fx.db, demoEmail('director'))!;
		const dpo = findByEmail(fx.db, demoEmail('dpo'))!;
		const hash = loadRecord(fx.db, fx.assessment.id)!.contentHash;
		const base = { assessmentId: fx.assessment.id, versionNumber: 1, contentHash: hash };
		fx.db
			.insert(signatures)
			.values([
				{
					...base,
					id: 'sig-dpo',
					kind: 'dpo',
					verdict: 'favourable',
					body: 'Avis favorable.',
					signerId: dpo.id,
					signerName: dpo.name,
					signerRole: 'dpo',
					signedAt: '2026-11-20T10:00:00.000Z'
				},
				{
					...base,
					id: 'sig-decision',
					kind: 'decision',
					verdict: 'approve_with_conditions',
					body: 'Mise en service autorisée.',
					details: {
						scenarioId: null,
						acceptedRisks: [],
						conditions: [{ text: 'Chiffrer', owner: 'RSSI', dueDate: '2027-01-31' }],
						reviewDate: '2027-11-20'
					},
					signerId: director.id,
					signerName: director.name,
					signerRole: 'director',
					signedAt: '2026-11-21T10:00:00.000Z'
				}
			])
			.run();
		const json = JSON.parse(assessmentJsonBytes(loadRecord(fx.db, fx.assessment.id)!).toString());
		expect(problems(published, json)).toEqual([]);
		expect(json.signatures).toHaveLength(2);
		expect(json.decision).toMatchObject({ outcome: 'approve_with_conditions', current: true });
		expect(json.content.attachments).toHaveLength(2);
		expect(Object.keys(json.content.steps)).toContain('risks');

		// The validator is not a rubber stamp.
		expect(problems(published, { ...json, extra: 1 })).toEqual(['/extra: not allowed']);
		expect(problems(published, { ...json, contentHash: 'abc' })).toEqual([
			'/contentHash: does not match ^[0-9a-f]{64}$'
		]);
		const { decision: _decision, ...withoutDecision } = json;
		expect(problems(published, withoutDecision)).toEqual(['/decision: required']);
	});

	it('writes the signed content verbatim, with fields the schema does not name yet', () => {
		const record = loadRecord(fx.db, fx.assessment.id)!;
		const content = { ...record.content, laterField: { kept: true } };
		const json = toAssessmentJson({ ...record, content } as AssessmentRecord);
		expect(json.content).toBe(content);
		expect(problems(published, JSON.parse(JSON.stringify(json)))).toEqual([]);
	});
});
