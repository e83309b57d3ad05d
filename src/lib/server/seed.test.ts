import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLES } from '$lib/domain/roles';
import { seedDemo, demoEmail, DEMO_ORG } from './seed';
import * as audit from './audit';
import { tempDatabase } from './testing/temp-db';
import { verifyPassword } from './auth/password';
import { findByEmail } from './users';
import { DECIDED_DEMO_TITLE } from './seed-decided';
import { loadRecord } from './record';

function counts(ctx: ReturnType<typeof tempDatabase>) {
	const q = (t: string) =>
		(ctx.db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
	return {
		organisations: q('organisations'),
		users: q('users'),
		memberships: q('memberships'),
		assessments: q('assessments'),
		steps: q('assessment_steps'),
		audit: q('audit_log')
	};
}

describe('demo seed', () => {
	let ctx: ReturnType<typeof tempDatabase>;
	beforeEach(() => (ctx = tempDatabase()));
	afterEach(() => ctx.dispose());

	it('creates the demo organisation, one account per role and the template assessment', async () => {
		expect(await seedDemo(ctx.db, 'Une-phrase-de-passe-demo')).toBe(true);
		const c = counts(ctx);
		expect(c).toMatchObject({
			organisations: 1,
			users: ROLES.length,
			memberships: ROLES.length,
			assessments: 2
		});
		const org = ctx.db.$client.prepare('SELECT name FROM organisations').get() as { name: string };
		expect(org.name).toBe(DEMO_ORG);
		const title = ctx.db.$client.prepare('SELECT title FROM assessments ORDER BY rowid').get() as {
			title: string;
		};
		expect(title.title).toBe(
			'Prise de rendez-vous en ligne — services pilotes gynécologie-obstétrique et pédiatrie'
		);
		const dpo = findByEmail(ctx.db, demoEmail('dpo'));
		expect(dpo && (await verifyPassword(dpo.passwordHash, 'Une-phrase-de-passe-demo'))).toBe(true);
		// Every seeded change is in the audit trail, and the chain verifies: organisation,
		// accounts, the draft; then the decided example (creation, 4 step edits by the project
		// team, 7 step evaluations by the DPO, 3 state changes, 3 opinions, the decision).
		expect(c.audit).toBe(1 + ROLES.length + 1 + 1 + 4 + 7 + 3 + 3 + 1);
		expect(audit.verify(ctx.db)).toMatchObject({ ok: true, count: c.audit });
	});

	it('includes an example taken to a signed decision, every signature current', async () => {
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		const decided = ctx.db.$client
			.prepare('SELECT id, status FROM assessments WHERE title = ?')
			.get(DECIDED_DEMO_TITLE) as { id: string; status: string };
		expect(decided.status).toBe('decided');
		const record = loadRecord(ctx.db, decided.id)!;
		expect(record.frozen).toBe(true);
		expect(record.decision?.outcome).toBe('approve_with_conditions');
		expect(record.signatures.map((s) => [s.kind, s.current])).toEqual([
			['dpo', true],
			['security', true],
			['data_subjects', true],
			['decision', true]
		]);
	});

	it('is idempotent: a second start adds nothing', async () => {
		await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
		const first = counts(ctx);
		expect(await seedDemo(ctx.db, 'Une-phrase-de-passe-demo')).toBe(false);
		expect(counts(ctx)).toEqual(first);
	});
});
