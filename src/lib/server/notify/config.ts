/**
 * E-mail settings, from the environment (README, "Notifications par e-mail"). Without
 * SMTP_URL nothing is queued or sent and the app works the same.
 */
export interface NotifyConfig {
	/** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. */
	smtpUrl: string;
	from: string;
	/** Where the links in a mail point (adapter-node's ORIGIN). */
	origin: string;
	/** First retry after this long, doubling up to one hour (domain/notifications.ts). */
	retryBaseMs: number;
	/** How often the sender looks for mail to send. */
	pollMs: number;
	/** From this hour (server time) on, the day's digests are built. */
	digestHour: number;
}

function int(value: string | undefined, fallback: number, min: number, max: number): number {
	const n = Number(value);
	return value && Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function notifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig | null {
	const smtpUrl = env.SMTP_URL?.trim();
	if (!smtpUrl) return null;
	const origin = (env.ORIGIN?.trim() || `http://localhost:${env.PORT || '3000'}`).replace(
		/\/+$/,
		''
	);
	return {
		smtpUrl,
		from: env.SMTP_FROM?.trim() || `Atelier AIPD <no-reply@${new URL(origin).hostname}>`,
		origin,
		retryBaseMs: int(env.NOTIFY_RETRY_BASE_MS, 60_000, 100, 3_600_000),
		pollMs: int(env.NOTIFY_POLL_MS, 5_000, 100, 600_000),
		digestHour: int(env.NOTIFY_DIGEST_HOUR, 7, 0, 23)
	};
}

/** Whether events are queued at all: only when a mail server is configured. */
export function notificationsEnabled(): boolean {
	return notifyConfig() !== null;
}
