import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Role } from '$lib/domain/roles';
import { getDb, type Db } from '../db';
import { assessments } from '../db/schema';
import { demoEmail, seedDemo } from '../seed';
import * as steps from '../steps';
import { currentUser, findByEmail } from '../users';
import { defineStep, defineStepPage } from './step-page';

/*
 * The factory against a real database (getDb() on a temporary file): what a StepDef's hooks
 * do to a save, and that every action checks its own capability.
 */

const noteSchema = z.object({ note: z.string().trim().min(1).max(50) });
const noteStep = defineStep({
	key: 'screening',
	schema: noteSchema,
	// What the user leaves empty is filled before the schema reads it.
	fill: (draft) => ({ note: '(vide)', ...(draft as object) }),
	check: (content) =>
		content.note === 'interdit' ? [{ path: 'note', code: 'forbidden_note' }] : [],
	load: ({ assessment }, base) => ({ echo: `${assessment.id}/${base.step.key}` }),
	actions: {
		touch: {
			capability: 'step.evaluate',
			run: (_ctx, form) => ({ touched: String(form.get('what')) })
		}
	}
});

const page = defineStepPage(noteStep);

let dir: string;
let db: Db;
let assessmentId: string;

function event(role: Role, fields?: Record<string, string>) {
	const user = findByEmail(db, demoEmail(role))!;
	const url = new URL(`http://localhost/assessments/${assessmentId}/screening`);
	const body = new FormData();
	for (const [k, v] of Object.entries(fields ?? {})) body.append(k, v);
	return {
		locals: { user: currentUser(db, user), locale: 'fr' as const, sessionExpired: false },
		url,
		params: { id: assessmentId },
		request: new Request(url, { method: 'POST', body })
	} as unknown as Parameters<typeof page.actions.save>[0];
}

const version = () => steps.getStep(db, assessmentId, 'screening')!.version;

async function refusal(run: () => unknown): Promise<number> {
	try {
		await run();
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
	throw new Error('expected a refusal');
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'workbench-step-page-'));
	process.env.DATABASE_URL = join(dir, 'test.db');
	process.env.WORKBENCH_DATA_DIR = dir;
	db = getDb();
	await seedDemo(db, 'Une-phrase-de-passe-demo');
	assessmentId = db.select().from(assessments).get()!.id;
});

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('defineStepPage', () => {
	it('loads the step, its comments and attachments and the step’s own data in one page', () => {
		const data = page.load(event('auditor'));
		expect(data.step.key).toBe('screening');
		expect(data.extras.step).toBe('screening');
		expect(data.echo).toBe(`${assessmentId}/screening`);
		expect(data.can).toEqual({ edit: false, requestReview: false, evaluate: false });
	});

	it('fills the draft before the schema and saves the filled content', async () => {
		const before = version();
		const result = await page.actions.save(event('contributor', { version: String(before) }));
		expect(result).toEqual({ saved: before + 1, unchanged: false });
		expect(steps.getStep(db, assessmentId, 'screening')!.data).toEqual({ note: '(vide)' });
	});

	it('refuses what the check refuses, with the field error and the typing kept', async () => {
		const before = version();
		const result = await page.actions.save(
			event('contributor', { version: String(before), note: 'interdit' })
		);
		expect(result).toMatchObject({
			status: 400,
			data: { errors: { note: { code: 'forbidden_note' } }, draft: { note: 'interdit' } }
		});
		expect(version()).toBe(before);
	});

	it('answers a stale version with 409, who saved, and the typing kept', async () => {
		const stale = version() - 1;
		const result = await page.actions.save(
			event('contributor', { version: String(stale), note: 'ma version' })
		);
		expect(result).toMatchObject({
			status: 409,
			data: { draft: { note: 'ma version' }, conflict: { version: stale + 1 } }
		});
		const conflict = (result as unknown as { data: { conflict: { who: string } } }).data.conflict;
		expect(conflict.who).not.toBe('');
	});

	it('checks each action’s own capability, the step’s extra actions included', async () => {
		const v = String(version());
		expect(await refusal(() => page.actions.save(event('auditor', { version: v })))).toBe(403);
		expect(await refusal(() => page.actions.touch(event('contributor', { what: 'x' })))).toBe(403);
		expect(await page.actions.touch(event('dpo', { what: 'x' }))).toEqual({ touched: 'x' });
		expect(await refusal(() => page.actions.evaluate(event('contributor', { version: v })))).toBe(
			403
		);
	});

	it('refuses a form without its version as a malformed form, before any schema', async () => {
		expect(await refusal(() => page.actions.save(event('dpo', { note: 'x' })))).toBe(400);
	});
});
