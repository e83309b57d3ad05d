import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportModel } from './export/report-model';
import { signedDemo, type SignedFixture } from './export/report-fixture';
import { record as audit, SYSTEM_ACTOR } from './audit';
import { HISTORY_ROWS, loadRecord } from './record';

/** The captions and first cells (dates) of the history section's audit table. */
function auditTable(r: NonNullable<ReturnType<typeof loadRecord>>) {
	const doc = reportModel(r, 'fr', { generatedAt: new Date('2026-12-07T12:00:00Z') });
	const history = doc.sections.find((s) => s.id === 'history')!;
	const tables = history.blocks.filter((b) => b.kind === 'table');
	return tables.at(-1) as { caption: string; rows: string[][] };
}

describe('a record told a window of its audit trail at a time', () => {
	let fx: SignedFixture;
	beforeEach(async () => {
		fx = await signedDemo();
		for (let i = 1; i <= 120; i++) {
			audit(fx.ctx.db, SYSTEM_ACTOR, {
				action: 'step.save',
				entity: 'assessment_step',
				entityId: `${fx.assessmentId}:context`,
				assessmentId: fx.assessmentId,
				summary: `Étape enregistrée n° ${i}`
			});
		}
	});
	afterEach(() => fx.ctx.dispose());

	const seqsOf = (history: { seq: number }[]) => history.map((e) => e.seq);

	it('skips the most recent entries of later windows and counts them all', () => {
		const all = fx.ctx.db.$client
			.prepare('SELECT seq FROM audit_log WHERE assessment_id = ? ORDER BY seq DESC')
			.pluck()
			.all(fx.assessmentId) as number[];
		expect(all.length).toBeGreaterThan(120);

		const second = loadRecord(fx.ctx.db, fx.assessmentId, undefined, { rows: 50, offset: 50 })!;
		// One past the window, so the report knows there is more.
		expect(seqsOf(second.history)).toEqual(all.slice(50, 101));
		expect(second.historyWindow).toEqual({ rows: 50, offset: 50, total: all.length });
		const table = auditTable(second);
		expect(table.rows).toHaveLength(50);
		expect(table.caption).toContain(`entrées 51 à 100 sur ${all.length}`);

		const last = Math.floor((all.length - 1) / 50) * 50;
		const tail = loadRecord(fx.ctx.db, fx.assessmentId, undefined, { rows: 50, offset: last })!;
		expect(seqsOf(tail.history)).toEqual(all.slice(last));
		expect(auditTable(tail).caption).toContain(`entrées ${last + 1} à ${all.length} sur`);
	});

	it('tells the reports the most recent HISTORY_ROWS entries, as before', () => {
		const r = loadRecord(fx.ctx.db, fx.assessmentId)!;
		expect(r.historyWindow).toMatchObject({ rows: HISTORY_ROWS, offset: 0 });
		const table = auditTable(r);
		expect(table.rows.length).toBe(Math.min(HISTORY_ROWS, r.historyWindow.total));
		expect(table.caption).not.toContain(' sur ');
	});
});
