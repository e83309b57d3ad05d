import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { ROLES } from '$lib/domain/roles';
import { getDb } from '$lib/server/db';
import {
	actorOf,
	orgsWhere,
	requireRole,
	requireUser,
	type CurrentUser
} from '$lib/server/http/access';
import { formFail, formValues, validate } from '$lib/server/http/forms';
import { conflictFail } from '$lib/server/http/conflict';
import { memberships } from '$lib/server/db/schema';
import { isStale } from '$lib/server/versioned';
import { newPasswordSchema } from '$lib/server/auth/password-form';
import * as users from '$lib/server/users';
import { disableTotp } from '$lib/server/auth/totp';
import type { Actions, PageServerLoad } from './$types';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

function requireAdmin(event: Event) {
	const user = requireUser(event);
	const orgs = orgsWhere(user, 'users.manage');
	if (!orgs.length) error(403, { message: 'forbidden' });
	return { user, orgs };
}

/** An account may be managed only if every organisation it belongs to is administered by the actor. */
function requireManageable(user: CurrentUser, targetId: string) {
	const adminOrgs = new Set(orgsWhere(user, 'users.manage').map((o) => o.orgId));
	const targetOrgs = users.orgIdsOf(getDb(), targetId);
	if (!targetOrgs.length) error(404, { message: 'not_found' });
	if (!targetOrgs.every((o) => adminOrgs.has(o))) return false;
	return true;
}

export const load: PageServerLoad = (event) => {
	const { user } = requireAdmin(event);
	// Re-read: an action of this same request (createOrg) may have added a membership.
	const orgs = orgsWhere(users.currentUser(getDb(), user), 'users.manage');
	return {
		orgs: orgs.map((o) => ({ id: o.orgId, name: o.orgName })),
		roles: ROLES,
		members: users.membersOf(
			getDb(),
			orgs.map((o) => o.orgId)
		)
	};
};

/** Errors of the per-row forms of the members table: one message above the table. */
function rowFail(status: number, target: string, rowError: string) {
	return formFail(status, {}, {}, { target, rowError });
}

const id = z.string().min(1).max(64);
const createSchema = (email: () => string) =>
	z.object({
		email: z.email({ message: 'admin_email_invalid' }).max(254),
		name: z.string().trim().min(1).max(200),
		orgId: id,
		role: z.enum(ROLES),
		password: newPasswordSchema(email)
	});
const roleSchema = z.object({
	userId: id,
	orgId: id,
	role: z.enum(ROLES),
	version: z.coerce.number().int().positive()
});
const targetSchema = z.object({ userId: id, orgId: id });

export const actions: Actions = {
	createUser: async (event) => {
		const { user } = requireAdmin(event);
		const form = await event.request.formData();
		const parsed = validate(
			createSchema(() => String(form.get('email') ?? '')),
			form,
			{ omit: ['password'] }
		);
		if (!parsed.ok) return parsed.failure;
		const membership = requireRole(user, parsed.data.orgId, 'users.manage');
		try {
			await users.createMember(getDb(), actorOf(user, membership), parsed.data);
		} catch (e) {
			if (e instanceof users.EmailTakenError) {
				const { password: _omitted, ...values } = parsed.data;
				return formFail(400, { email: { code: 'admin_email_already_member' } }, values, {
					emailTaken: true
				});
			}
			throw e;
		}
		return { done: 'created' };
	},
	setRole: async (event) => {
		const { user } = requireAdmin(event);
		const form = await event.request.formData();
		const parsed = validate(roleSchema, form);
		if (!parsed.ok) return parsed.failure;
		const { userId, orgId, role, version } = parsed.data;
		const membership = requireRole(user, orgId, 'users.manage');
		try {
			users.setRole(getDb(), actorOf(user, membership), userId, orgId, role, version);
		} catch (e) {
			if (isStale(e, memberships)) {
				return conflictFail(
					getDb(),
					e,
					{ values: formValues(form) },
					{
						extra: { target: userId, rowError: 'admin_stale' }
					}
				);
			}
			throw e;
		}
		return { done: 'role', target: userId };
	},
	resetPassword: async (event) => {
		const { user } = requireAdmin(event);
		const form = await event.request.formData();
		const target = targetSchema.safeParse(Object.fromEntries(form));
		if (!target.success) return rowFail(400, '', 'field_invalid');
		const { userId, orgId } = target.data;
		const membership = requireRole(user, orgId, 'users.manage');
		if (!requireManageable(user, userId)) return rowFail(403, userId, 'admin_not_manageable');
		const email = users.membersOf(getDb(), [orgId]).find((r) => r.userId === userId)?.email ?? '';
		const parsed = validate(z.object({ password: newPasswordSchema(() => email) }), form, {
			omit: ['password']
		});
		if (!parsed.ok) {
			return rowFail(400, userId, parsed.failure.data.errors.password?.code ?? 'field_invalid');
		}
		await users.setPassword(
			getDb(),
			actorOf(user, membership),
			userId,
			parsed.data.password,
			orgId
		);
		return { done: 'password', target: userId };
	},
	/** For someone who lost both their phone and their recovery codes: they enrol again. */
	resetTotp: async (event) => {
		const { user } = requireAdmin(event);
		const target = targetSchema.safeParse(Object.fromEntries(await event.request.formData()));
		if (!target.success) return rowFail(400, '', 'field_invalid');
		const { userId, orgId } = target.data;
		const membership = requireRole(user, orgId, 'users.manage');
		if (!requireManageable(user, userId)) return rowFail(403, userId, 'admin_not_manageable');
		disableTotp(getDb(), actorOf(user, membership), userId);
		return { done: 'totp', target: userId };
	},
	disable: (event) => toggle(event, true),
	enable: (event) => toggle(event, false),
	createOrg: async (event) => {
		const { user } = requireAdmin(event);
		const parsed = validate(
			z.object({ orgName: z.string().trim().min(1).max(200) }),
			await event.request.formData()
		);
		if (!parsed.ok) return parsed.failure;
		users.createOrganisation(getDb(), actorOf(user), parsed.data.orgName, user.id);
		return { done: 'org' };
	}
};

async function toggle(event: Event & { request: Request }, disabled: boolean) {
	const { user } = requireAdmin(event);
	const target = targetSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!target.success) return rowFail(400, '', 'field_invalid');
	const { userId, orgId } = target.data;
	const membership = requireRole(user, orgId, 'users.manage');
	if (disabled && userId === user.id) return rowFail(400, userId, 'admin_cannot_disable_self');
	if (!requireManageable(user, userId)) return rowFail(403, userId, 'admin_not_manageable');
	users.setDisabled(getDb(), actorOf(user, membership), userId, disabled, orgId);
	return { done: disabled ? 'disabled' : 'enabled', target: userId };
}
