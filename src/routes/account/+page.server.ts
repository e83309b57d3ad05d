import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { actorOf, requireUser } from '$lib/server/access';
import { formFail, validate } from '$lib/server/forms';
import { newPasswordSchema } from '$lib/server/auth/password-form';
import { verifyPassword } from '$lib/server/auth/password';
import { createSession } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { users } from '$lib/server/db/schema';
import { setPassword } from '$lib/server/users';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { email: user.email, name: user.name, memberships: user.memberships };
};

const PASSWORDS = ['current', 'password', 'confirm'];

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const form = await event.request.formData();
		const schema = z
			.object({
				current: z.string().min(1).max(1024),
				password: newPasswordSchema(() => user.email),
				confirm: z.string().max(1024)
			})
			.refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'password_mismatch' });
		const parsed = validate(schema, form, { omit: PASSWORDS });
		if (!parsed.ok) return parsed.failure;
		const row = db.select().from(users).where(eq(users.id, user.id)).get();
		if (!row || !(await verifyPassword(row.passwordHash, parsed.data.current))) {
			return formFail(
				400,
				{ current: { code: 'password_wrong_current' } },
				{},
				{ wrongCurrent: true }
			);
		}
		await setPassword(db, actorOf(user), user.id, parsed.data.password, null);
		// Every session, this one included, was ended; this device gets a fresh one.
		const { token, session } = createSession(db, user.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		return { passwordChanged: true };
	}
};
