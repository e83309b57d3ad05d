import { withoutNotifications } from './notify/outbox';
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '$lib/domain/roles';
import { organisations } from './db/schema';
import { SYSTEM_ACTOR } from './audit';
import { createMember, createOrganisation } from './users';
import { create as createAssessment } from './assessments';
import { seedDecidedExample } from './seed-decided';
import type { Db } from './db';

export const DEMO_ORG = 'Centre hospitalier de démonstration';
// Documented in the README; passes the policy (length, not in the common list).
export const DEFAULT_DEMO_PASSWORD = 'Demo-Workbench-2026!';
export const demoEmail = (role: Role) => `${role}@demo.local`;

const DEMO_NAMES: Record<Role, string> = {
	admin: 'Alice Admin',
	dpo: 'Dominique Delorme (DPO)',
	director: 'Bernard Directeur',
	security: 'Sophie Sécurité (RSSI)',
	contributor: 'Claire Contributrice',
	representative: 'Rémi Représentant',
	auditor: 'Annie Auditrice'
};

export function demoPassword(): string {
	return process.env.WORKBENCH_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

/**
 * Seeds the demo only on an empty database (no organisation yet), so a second
 * start adds nothing and a real installation is never touched. Returns whether it seeded.
 */
export async function seedDemo(db: Db, password = demoPassword()): Promise<boolean> {
	const count =
		db
			.select({ n: sql<number>`count(*)` })
			.from(organisations)
			.get()?.n ?? 0;
	if (count > 0) return false;
	const org = createOrganisation(db, SYSTEM_ACTOR, DEMO_ORG, null);
	const ids = {} as Record<Role, string>;
	for (const role of ROLES) {
		const user = await createMember(db, SYSTEM_ACTOR, {
			email: demoEmail(role),
			name: DEMO_NAMES[role],
			password,
			role,
			orgId: org.id
		});
		ids[role] = user.id;
	}
	createAssessment(
		db,
		{ userId: ids.dpo, label: demoEmail('dpo'), role: 'dpo', orgId: org.id },
		{ orgId: org.id, title: '', description: '', template: 'booking' },
		'fr'
	);
	withoutNotifications(() => seedDecidedExample(db, org.id, ids));
	return true;
}
