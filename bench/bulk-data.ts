/**
 * Analyses written straight into the table, as many as a hospital group may hold: the list
 * only reads them, and 10,000 audited creations from the template would take minutes.
 * A quarter are decided with a review date; leads and dates vary so filters have work.
 */
import type { Db } from '../src/lib/server/db';

/** Inserts bare analyses numbered `from` to `from + count - 1` into `orgId`. */
export function insertBareAssessments(
	sqlite: Db['$client'],
	orgId: string,
	leads: readonly { id: string }[],
	from: number,
	count: number
): string[] {
	const insert = sqlite.prepare(
		`INSERT INTO assessments (id, org_id, title, status, created_by, updated_by, updated_at,
		   project_lead_id, review_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const ids: string[] = [];
	sqlite.transaction(() => {
		for (let i = from; i < from + count; i++) {
			const lead = leads[i % leads.length]!;
			const decided = i % 4 === 0;
			const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 5).toISOString();
			const review = new Date(Date.UTC(2026, 0, 1) + (i % 1000) * 86_400_000)
				.toISOString()
				.slice(0, 10);
			const id = `bench-${String(i).padStart(6, '0')}`;
			insert.run(
				id,
				orgId,
				`Prise de rendez-vous en ligne — service ${i % 40} du site ${i % 12} (n° ${i})`,
				decided ? 'decided' : 'draft',
				lead.id,
				lead.id,
				day,
				lead.id,
				decided ? review : null
			);
			ids.push(id);
		}
	})();
	return ids;
}
