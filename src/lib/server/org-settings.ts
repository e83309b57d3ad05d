import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	DEFAULT_THRESHOLDS,
	matrixThresholdsSchema,
	type MatrixThresholds
} from '$lib/domain/scoring';
import { extraOpinionSchema, type ExtraOpinion } from '$lib/domain/signoff';
import type { Role } from '$lib/domain/roles';
import { organisations } from './db/schema';
import { prepared } from './db/prepared';
import type { Db } from './db';

/**
 * An organisation's settings, kept as JSON in `organisations.settings` and always read
 * through this schema: a missing or unreadable setting falls back to its default, so an
 * older row never breaks a page.
 */
export const orgSettingsSchema = z.object({
	/** The 4×4 risk map this organisation uses (severity × likelihood → level). */
	thresholds: matrixThresholdsSchema,
	/** Two-factor required to sign and, after login, asked of the sensitive roles. */
	requireTotp: z.boolean(),
	/** Further opinions asked before a decision (e.g. the medical committee chair). */
	extraOpinions: z
		.array(extraOpinionSchema)
		.max(10)
		.refine((list) => new Set(list.map((e) => e.key)).size === list.length, 'duplicate_key')
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** The roles for which an organisation may require two-factor authentication. */
export const TOTP_ROLES: readonly Role[] = ['admin', 'dpo', 'director', 'security'];

export const DEFAULT_SETTINGS: OrgSettings = {
	thresholds: DEFAULT_THRESHOLDS,
	requireTotp: false,
	extraOpinions: []
};

/** Reads each setting on its own, so one bad value does not reset the others. */
export function parseSettings(raw: unknown): OrgSettings {
	const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const field = <K extends keyof OrgSettings>(key: K): OrgSettings[K] => {
		const parsed = orgSettingsSchema.shape[key].safeParse(value[key]);
		return (parsed.success ? parsed.data : DEFAULT_SETTINGS[key]) as OrgSettings[K];
	};
	return {
		thresholds: field('thresholds') as MatrixThresholds,
		requireTotp: field('requireTotp'),
		extraOpinions: field('extraOpinions') as ExtraOpinion[]
	};
}

export function getOrgSettings(db: Db, orgId: string): OrgSettings {
	return parseSettings(settingsOf(db).get({ orgId })?.settings);
}

/** Read on every signed-in request (the two-factor gate): built once (db/prepared.ts). */
const settingsOf = prepared((db) =>
	db
		.select({ settings: organisations.settings })
		.from(organisations)
		.where(eq(organisations.id, sql.placeholder('orgId')))
		.prepare()
);

/** Whether this role must use two-factor in this organisation. */
export function totpRequired(settings: OrgSettings, role: Role): boolean {
	return settings.requireTotp && TOTP_ROLES.includes(role);
}
