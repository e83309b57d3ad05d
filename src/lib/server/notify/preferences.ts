import { eq } from 'drizzle-orm';
import { NOTIFY_MODES, type NotifyMode } from '$lib/domain/notifications';
import { locales } from '$lib/paraglide/runtime';
import { mutate, type Actor } from '../audit';
import { users } from '../db/schema';
import type { Db } from '../db';

export type MailLocale = (typeof locales)[number];

export interface NotifyPreferences {
	mode: NotifyMode;
	/** The language of the mails; French until the user chooses (the sender does the same). */
	locale: MailLocale;
}

export function isNotifyMode(value: unknown): value is NotifyMode {
	return (NOTIFY_MODES as readonly unknown[]).includes(value);
}

export function isMailLocale(value: unknown): value is MailLocale {
	return (locales as readonly unknown[]).includes(value);
}

export function notifyPreferences(db: Db, userId: string): NotifyPreferences {
	const row = db
		.select({ mode: users.notifyMode, locale: users.locale })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return {
		mode: row?.mode ?? 'immediate',
		locale: isMailLocale(row?.locale) ? row.locale : 'fr'
	};
}

/**
 * The user's own choice, audited like every other change of an account. Pending mails
 * already queued keep their delivery: the choice applies to what happens next.
 */
export function setNotifyPreferences(
	db: Db,
	actor: Actor,
	userId: string,
	prefs: NotifyPreferences
): void {
	mutate(db, actor, (tx) => {
		const updated = tx
			.update(users)
			.set({ notifyMode: prefs.mode, locale: prefs.locale })
			.where(eq(users.id, userId))
			.returning({ version: users.version })
			.get();
		return {
			result: undefined,
			event: {
				action: 'user.notify_preferences',
				entity: 'user',
				entityId: userId,
				orgId: null,
				version: updated?.version ?? null,
				summary: `notifications ${prefs.mode}, mail language ${prefs.locale}`,
				state: { userId, ...prefs }
			}
		};
	});
}
