import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import type { AssessmentRecord } from '$lib/server/record';
import { renderDocument, RENDER_BUDGET } from './render-worker';
import { DEFAULT_IDLE_MS, idleMsOf, WorkerJobError, workerStats } from './render-worker-run';
import { signedDemo, type SignedFixture } from './report-fixture';

async function pdfText(pdf: Buffer): Promise<string> {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
		mergePages: true
	});
	return text.replace(/\s+/g, '');
}

const titled = (record: AssessmentRecord, title: string): AssessmentRecord => ({
	...record,
	assessment: { ...record.assessment, title }
});

describe('render workers kept warm between jobs', () => {
	let fx: SignedFixture;
	beforeAll(async () => (fx = await signedDemo()));
	afterAll(() => fx.ctx.dispose());

	const report = (record: AssessmentRecord, budget = RENDER_BUDGET) =>
		renderDocument({ kind: 'report', format: 'pdf', record, locale: 'fr', options: {} }, budget);

	it('reuses the worker of the previous job, and the second document holds only its own data', async () => {
		const first = await report(titled(fx.record(), 'PremierDossierAlpha'));
		const before = { ...workerStats };
		const second = await report(titled(fx.record(), 'SecondDossierBeta'));
		expect(workerStats.reused).toBe(before.reused + 1);
		expect(workerStats.started).toBe(before.started);
		const [a, b] = [await pdfText(first), await pdfText(second)];
		expect(a).toContain('PremierDossierAlpha');
		expect(b).toContain('SecondDossierBeta');
		expect(b).not.toContain('PremierDossierAlpha');
	});

	it('ends a worker whose job failed, and starts a fresh one for the next job', async () => {
		await report(fx.record());
		const bad = renderDocument(
			// A kind no model knows: the job throws inside the worker.
			{ kind: 'nope' as 'report', format: 'pdf', record: fx.record(), locale: 'fr', options: {} },
			RENDER_BUDGET
		);
		await expect(bad).rejects.toMatchObject({ name: 'WorkerJobError', reason: 'failed' });
		const before = { ...workerStats };
		const pdf = await report(fx.record());
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(workerStats.started).toBe(before.started + 1);
	});

	it('WORKBENCH_RENDER_IDLE_MS=0 keeps no worker: each job starts its own', async () => {
		const previous = process.env.WORKBENCH_RENDER_IDLE_MS;
		process.env.WORKBENCH_RENDER_IDLE_MS = '0';
		try {
			await report(fx.record());
			const before = { ...workerStats };
			await report(fx.record());
			expect(workerStats.started).toBe(before.started + 1);
			expect(workerStats.reused).toBe(before.reused);
		} finally {
			if (previous === undefined) delete process.env.WORKBENCH_RENDER_IDLE_MS;
			else process.env.WORKBENCH_RENDER_IDLE_MS = previous;
		}
	});

	it('ends a worker over its time budget; the next job gets a fresh one', async () => {
		await report(fx.record());
		// No report lays out in a millisecond: the budget is over before the answer.
		const late = report(fx.record(), { ...RENDER_BUDGET, timeoutMs: 1 });
		await expect(late).rejects.toBeInstanceOf(WorkerJobError);
		await expect(late).rejects.toMatchObject({ reason: 'time' });
		const before = { ...workerStats };
		await report(fx.record());
		expect(workerStats.started).toBe(before.started + 1);
	});
});

describe('WORKBENCH_RENDER_IDLE_MS', () => {
	it('takes milliseconds as digits; anything else keeps the default', () => {
		expect(idleMsOf('0')).toBe(0);
		expect(idleMsOf(' 60000 ')).toBe(60_000);
		for (const bad of [undefined, '', '-1', '1e3', 'five', '1.5', '9999999999'])
			expect(idleMsOf(bad)).toBe(DEFAULT_IDLE_MS);
	});
});
