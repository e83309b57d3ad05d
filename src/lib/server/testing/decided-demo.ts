import type { Role } from '$lib/domain/roles';
import { seedDemo, demoEmail } from '../seed';
import { DECIDED_DEMO_TITLE } from '../seed-decided';
import { findByEmail } from '../users';
import { assessments } from '../db/schema';
import { tempDatabase } from './temp-db';

/**
 * A real SQLite file seeded with the demo, for the tests of what follows a decision: its
 * decided analysis (approved with three conditions), its draft, and an actor per demo role.
 */
export async function decidedDemo() {
	const ctx = tempDatabase();
	await seedDemo(ctx.db, 'Une-phrase-de-passe-demo');
	const all = ctx.db.select().from(assessments).all();
	const decided = all.find((a) => a.title === DECIDED_DEMO_TITLE)!;
	const draft = all.find((a) => a.title !== DECIDED_DEMO_TITLE)!;
	const actor = (role: Role) => ({
		userId: findByEmail(ctx.db, demoEmail(role))!.id,
		label: demoEmail(role),
		role,
		orgId: decided.orgId
	});
	return { ctx, decided, draft, actor };
}
