import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decidedDemo } from './testing/decided-demo';

type Demo = Awaited<ReturnType<typeof decidedDemo>>;
import { auditLog, type Assessment } from './db/schema';
import { reviewSignals } from './db/schema-review';
import { verify } from './audit';
import { listPage } from './assessment-list';
import { CnilImportError } from './interop/cnil-pia';
import { auditSummaryText } from './export/report-audit-labels';
import { importUpdate, reviewReasons, SignalRefusedError } from './review';

const SAMPLE = readFileSync(
	resolve(__dirname, '../../../tests/fixtures/cnil-pia/2018-02-21-pia-example.json')
);

// Against a real SQLite file seeded with the demo, and the CNIL tool's own example file.
describe('an update of a decided analysis imported from the CNIL PIA tool', () => {
	let ctx: Demo['ctx'];
	let decided: Assessment;
	let draft: Assessment;
	let actor: Demo['actor'];

	beforeEach(async () => {
		({ ctx, decided, draft, actor } = await decidedDemo());
	});
	afterEach(() => ctx.dispose());
	const file = (bytes: Uint8Array, name = 'pia-mise-a-jour.json') => ({ name, bytes });
	const signals = () => ctx.db.select().from(reviewSignals).all();

	it('is compared with the decided risks, brings the review forward and shows on the list', async () => {
		expect(listPage(ctx.db, { orgIds: [decided.orgId], page: 1 }).rows).toContainEqual(
			expect.objectContaining({ id: decided.id, changed: false })
		);
		const row = await importUpdate(ctx.db, actor('dpo'), decided.id, file(SAMPLE), 'fr');

		expect(row).toMatchObject({ kind: 'cnil_import', raisesReview: true });
		expect(row.detail).toBe('pia-mise-a-jour.json');
		// The example's measures are not the decided analysis's: each is listed once as new.
		const kinds = new Set(row.changes!.map((c) => c.kind));
		expect(kinds.has('new_measure')).toBe(true);
		const measures = row.changes!.filter((c) => c.kind === 'new_measure');
		expect(new Set(measures.map((c) => c.title)).size).toBe(measures.length);

		expect(reviewReasons(ctx.db, decided)).toMatchObject({ raised: true });
		expect(listPage(ctx.db, { orgIds: [decided.orgId], page: 1 }).rows).toContainEqual(
			expect.objectContaining({ id: decided.id, changed: true })
		);
		// One audit entry, in words in the history, and the chain still verifies.
		const entry = ctx.db
			.select()
			.from(auditLog)
			.all()
			.find((e) => e.action === 'review.signal')!;
		expect(auditSummaryText(entry.action, entry.summary, 'fr')).toBe(
			`Changement signalé : Mise à jour importée de l’outil PIA de la CNIL, ${row.changes!.length} changement(s) relevé(s), avance le réexamen`
		);
		expect(verify(ctx.db).ok).toBe(true);
	});

	it('refuses a file that is not one of the CNIL tool, and writes nothing', async () => {
		await expect(
			importUpdate(ctx.db, actor('dpo'), decided.id, file(new TextEncoder().encode('{}')), 'fr')
		).rejects.toBeInstanceOf(CnilImportError);
		expect(signals()).toEqual([]);
	});

	it('refuses an update of an analysis in progress before reading the file', async () => {
		const audit = ctx.db.select().from(auditLog).all().length;
		await expect(
			importUpdate(ctx.db, actor('dpo'), draft.id, file(SAMPLE), 'fr')
		).rejects.toBeInstanceOf(SignalRefusedError);
		expect(signals()).toEqual([]);
		expect(ctx.db.select().from(auditLog).all()).toHaveLength(audit);
	});

	it('keeps a file name as one line without control characters', async () => {
		const row = await importUpdate(
			ctx.db,
			actor('dpo'),
			decided.id,
			file(SAMPLE, 'mise\u000b à\n jour\u0000.json'),
			'fr'
		);
		expect(row.detail).toBe('mise à jour.json');
	});
});
