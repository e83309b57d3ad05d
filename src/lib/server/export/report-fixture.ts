/**
 * Test fixture shared by the export tests: the demo database (booking template
 * assessment) with opinions and a decision written straight into the signatures table,
 * as the signing flow would leave them.
 */
import { randomUUID } from 'node:crypto';
import { seedDemo, demoEmail } from '$lib/server/seed';
import { tempDatabase } from '$lib/server/testing/temp-db';
import { loadRecord } from '$lib/server/record';
import type { DecisionDetails } from '$lib/domain/signoff';

export const STALE_HASH = 'a'.repeat(64);

export interface SignedFixture {
	ctx: ReturnType<typeof tempDatabase>;
	assessmentId: string;
	record: () => NonNullable<ReturnType<typeof loadRecord>>;
}

export async function signedDemo(options: { decide?: boolean } = {}): Promise<SignedFixture> {
	const ctx = tempDatabase();
	await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
	const q = ctx.db.$client;
	// The demo's template assessment: the one nobody has signed yet (the seed may add
	// decided examples next to it).
	const assessmentId = (
		q
			.prepare(
				'SELECT id FROM assessments WHERE id NOT IN (SELECT assessment_id FROM signatures) ORDER BY rowid LIMIT 1'
			)
			.get() as { id: string }
	).id;
	const userId = (email: string) =>
		(q.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: string }).id;
	const hash = loadRecord(ctx.db, assessmentId)!.contentHash;
	const insert = q.prepare(
		`INSERT INTO signatures (id, assessment_id, version_number, kind, extra_key, verdict, body, details,
		   signer_id, signer_name, signer_role, signed_at, content_hash)
		 VALUES (?, ?, 1, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	insert.run(
		randomUUID(),
		assessmentId,
		'security',
		'reservations',
		'Avis du RSSI sur une version antérieure du contenu.',
		null,
		userId(demoEmail('security')),
		'Sophie Sécurité',
		'security',
		'2026-11-20T09:00:00.000Z',
		STALE_HASH
	);
	insert.run(
		randomUUID(),
		assessmentId,
		'dpo',
		'reservations',
		'Avis favorable sous réserve de ne reprendre aucun historique.',
		null,
		userId(demoEmail('dpo')),
		'Denise Délégée',
		'dpo',
		'2026-11-21T10:00:00.000Z',
		hash
	);
	if (options.decide !== false) {
		const details: DecisionDetails = {
			scenarioId: 'no-import-neutral-sms',
			acceptedRisks: [
				{ riskId: 'us_hosting_cloud_act', rationale: 'Clés hors de l’hébergeur ; réexamen annuel.' }
			],
			conditions: [
				{
					text: 'Obtenir la clause d’audit au contrat.',
					owner: 'Direction des achats',
					dueDate: '2027-03-31'
				}
			],
			reviewDate: '2027-11-01'
		};
		insert.run(
			randomUUID(),
			assessmentId,
			'decision',
			'approve_with_conditions',
			'Le scénario sans reprise d’historique est retenu.',
			JSON.stringify(details),
			userId(demoEmail('director')),
			'Didier Directeur',
			'director',
			'2026-11-22T11:00:00.000Z',
			hash
		);
	}
	return { ctx, assessmentId, record: () => loadRecord(ctx.db, assessmentId)! };
}
