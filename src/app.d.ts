import type { CurrentUser } from '$lib/server/access';
import type { Session } from '$lib/server/db/schema';
import type { PendingLogin } from '$lib/server/auth/login';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Correlates the friendly error page with the one-line JSON log entry. */
			id?: string;
		}
		interface Locals {
			user: CurrentUser | null;
			session: Session | null;
			/** A session whose password was accepted and whose two-factor code is still due. */
			pendingLogin: PendingLogin | null;
			locale: 'fr' | 'en';
			/** A session cookie came in but its session had ended (idle, absolute, logout elsewhere). */
			sessionExpired: boolean;
			/**
			 * The response will be sent `Cache-Control: no-store` (a signed-in or half-signed-in
			 * session): set before the page renders, so that no ETag is computed for it
			 * (vite/no-store-etag.ts).
			 */
			noStore?: boolean;
		}
	}
}

export {};
