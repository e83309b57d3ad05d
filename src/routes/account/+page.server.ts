import { z } from 'zod';
import { decodeHex } from '@oslojs/encoding';
import { getDb } from '$lib/server/db';
import { actorOf, requireUser, type CurrentUser } from '$lib/server/http/access';
import { formFail, validate } from '$lib/server/http/forms';
import type { FieldError } from '$lib/i18n/field-errors';
import { newPasswordSchema } from '$lib/server/auth/password-form';
import { verifyStepUp, type StepUpResult } from '$lib/server/auth/step-up';
import * as totp from '$lib/server/auth/totp';
import { setPassword } from '$lib/server/users';
import { notificationsEnabled } from '$lib/server/notify/config';
import {
	isMailLocale,
	isNotifyMode,
	notifyPreferences,
	setNotifyPreferences
} from '$lib/server/notify/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	const state = totp.totpState(db, user.id);
	const secret = !state.enabled && state.secret ? decodeHex(state.secret) : null;
	return {
		email: user.email,
		name: user.name,
		memberships: user.memberships,
		notify: { ...notifyPreferences(db, user.id), enabled: notificationsEnabled() },
		twoFactor: {
			enabled: state.enabled,
			enabledAt: state.enabledAt,
			remainingCodes: state.enabled ? totp.remainingRecoveryCodes(db, user.id) : 0,
			// Shown while enrolling only: once enabled, the secret never leaves the server again.
			enrolment: secret
				? {
						qr: totp.qrCodeDataUri(totp.keyUri(secret, user.email)),
						secret: totp.secretForDisplay(secret)
					}
				: null,
			requiredBy: totp.organisationsRequiringTotp(db, user.memberships)
		}
	};
};

const PASSWORDS = ['current', 'password', 'confirm'];

type Section = 'enrol' | 'regenerate' | 'disable';

/** A refused re-authentication as errors under the form's own fields. */
function refusal(section: Section, result: Exclude<StepUpResult, { ok: true }>) {
	const fields = {
		enrol: 'enrolPassword',
		regenerate: 'regenPassword',
		disable: 'disablePassword'
	};
	if (result.reason === 'throttled') {
		return formFail(429, {}, {}, { tf: section, throttledSeconds: result.retryAfterSeconds ?? 1 });
	}
	const errors =
		result.reason === 'wrong_password'
			? { [fields[section]]: { code: 'password_wrong_current' } }
			: result.reason === 'code_required'
				? { disableCode: { code: 'required' } }
				: { disableCode: { code: 'twofactor_code_wrong' } };
	return formFail(400, errors, {}, { tf: section, refused: result.reason });
}

/** Missing or malformed fields, kept apart from the other refusals (see formFail). */
function invalid(section: Section, errors: Record<string, FieldError>) {
	return formFail(400, errors, {}, { tf: section, invalidInput: true as const });
}

async function stepUp(
	event: { getClientAddress: () => string },
	user: CurrentUser,
	input: { password: string; code?: string },
	passwordOnly: boolean
) {
	return verifyStepUp(getDb(), user, input, {
		totpRequired: false,
		passwordOnly,
		purpose: 'account',
		ip: event.getClientAddress()
	});
}

const password = z.string().min(1).max(1024);

export const actions: Actions = {
	notify: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const mode = form.get('mode');
		const locale = form.get('mailLocale');
		const errors: Record<string, FieldError> = {};
		if (!isNotifyMode(mode)) errors.mode = { code: 'field_invalid' };
		if (!isMailLocale(locale)) errors.mailLocale = { code: 'field_invalid' };
		if (!isNotifyMode(mode) || !isMailLocale(locale)) {
			return formFail(400, errors, {}, { notify: true as const });
		}
		setNotifyPreferences(getDb(), actorOf(user), user.id, { mode, locale });
		return { notify: true as const, notifySaved: true };
	},

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
		// Throttled and audited like a login: this form must not be a password oracle.
		const check = await stepUp(event, user, { password: parsed.data.current }, true);
		if (!check.ok) {
			if (check.reason === 'throttled') {
				return formFail(429, {}, {}, { throttledSeconds: check.retryAfterSeconds ?? 1 });
			}
			return formFail(
				400,
				{ current: { code: 'password_wrong_current' } },
				{},
				{ wrongCurrent: true }
			);
		}
		// Every other session ends; this device stays signed in.
		await setPassword(
			db,
			actorOf(user),
			user.id,
			parsed.data.password,
			null,
			event.locals.session?.id
		);
		return { passwordChanged: true };
	},

	totpStart: async (event) => {
		const user = requireUser(event);
		totp.startEnrolment(getDb(), actorOf(user), user.id);
		return { tf: 'started' as const };
	},

	totpCancel: async (event) => {
		const user = requireUser(event);
		totp.cancelEnrolment(getDb(), actorOf(user), user.id);
		return { tf: 'cancelled' as const };
	},

	totpConfirm: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const form = await event.request.formData();
		const parsed = validate(z.object({ enrolPassword: password, enrolCode: password }), form, {
			omit: ['enrolPassword']
		});
		if (!parsed.ok) return invalid('enrol', parsed.failure.data.errors);
		// The password too: a borrowed session must not be able to tie the account to another phone.
		const check = await stepUp(event, user, { password: parsed.data.enrolPassword }, true);
		if (!check.ok) return refusal('enrol', check);
		const codes = totp.confirmEnrolment(
			db,
			actorOf(user),
			user.id,
			parsed.data.enrolCode,
			undefined,
			event.locals.session?.id
		);
		if (!codes) {
			return formFail(
				400,
				{ enrolCode: { code: 'twofactor_code_wrong' } },
				{},
				{
					tf: 'enrol' as const,
					wrongCode: true
				}
			);
		}
		return { tf: 'enabled' as const, recoveryCodes: codes };
	},

	totpRegenerate: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const parsed = validate(z.object({ regenPassword: password }), form, {
			omit: ['regenPassword']
		});
		if (!parsed.ok) return invalid('regenerate', parsed.failure.data.errors);
		if (!totp.userHasTotp(getDb(), user.id))
			return formFail(409, {}, {}, { tf: 'regenerate' as const, notEnabled: true });
		const check = await stepUp(event, user, { password: parsed.data.regenPassword }, true);
		if (!check.ok) return refusal('regenerate', check);
		const codes = totp.regenerateRecoveryCodes(getDb(), actorOf(user), user.id);
		return { tf: 'regenerated' as const, recoveryCodes: codes };
	},

	totpDisable: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const form = await event.request.formData();
		const required = totp.organisationsRequiringTotp(db, user.memberships);
		if (required.length) {
			return formFail(403, {}, {}, { tf: 'disable' as const, requiredBy: required });
		}
		const parsed = validate(z.object({ disablePassword: password, disableCode: password }), form, {
			omit: ['disablePassword']
		});
		if (!parsed.ok) return invalid('disable', parsed.failure.data.errors);
		if (!totp.userHasTotp(db, user.id)) return { tf: 'disabled' as const };
		const check = await stepUp(
			event,
			user,
			{ password: parsed.data.disablePassword, code: parsed.data.disableCode },
			false
		);
		if (!check.ok) return refusal('disable', check);
		totp.disableTotp(db, actorOf(user), user.id);
		return { tf: 'disabled' as const };
	}
};
