import { eq } from 'drizzle-orm';
import type { ExtraOpinion } from '$lib/domain/signoff';
import { organisations } from '../db/schema';
import type { Db } from '../db';

/** Sets the organisation's further opinions (the other settings fall back to their defaults). */
export function setExtraOpinions(db: Db, orgId: string, extraOpinions: ExtraOpinion[]): void {
	db.update(organisations)
		.set({ settings: { extraOpinions } })
		.where(eq(organisations.id, orgId))
		.run();
}
