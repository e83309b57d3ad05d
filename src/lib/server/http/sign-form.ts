import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { FieldError } from '$lib/i18n/field-errors';
import type { Capability, Role } from '$lib/domain/roles';
import type { CurrentUser } from '../access';
import { verifyStepUp } from '../auth/step-up';
import { consumeDirectoryStepUp } from '../auth/step-up-oidc';
import type { SignAuthMethod } from '../db/schema';
import { getOrgSettings, totpRequired } from '../org-settings';
import { loadRecord } from '../record';
import { assessmentAccess, type AccessEvent } from './access';
import { formValues } from './forms';
import { SignerRoleError } from '../signoffs';
import { WorkflowRefusalError } from '../workflow';
import type { Db } from '../db';

/**
 * The fields a signing form may carry besides its own. Anything else (`signedBy`,
 * `signerId`, `status`…) is refused outright: the signer, the role, the time and the hash
 * come from the server, and a form that tries to set them is not a mistake to correct
 * silently.
 */
export const STEP_UP_FIELDS = ['password', 'code', 'seenHash'] as const;

export function unexpectedFields(form: FormData, allowed: readonly string[]): string[] {
	const known = new Set<string>([...allowed, ...STEP_UP_FIELDS]);
	return [...new Set([...form.keys()])].filter((k) => !known.has(k));
}

export type StepUpFailure = { ok: false; status: number; errors: Record<string, FieldError> };
export type SignerConfirmed = { ok: true; authMethod: SignAuthMethod };

/**
 * Who signs proves it again. Signed in through the directory: a fresh authentication at
 * the provider, made within the last 10 minutes and used once (lib/server/auth/step-up-oidc.ts).
 * Otherwise the password again, then the two-factor code when the user has it (or when the
 * organisation requires it for this role). The method goes into the signature.
 */
export async function confirmSigner(
	event: Pick<RequestEvent, 'getClientAddress' | 'locals'>,
	db: Db,
	user: CurrentUser,
	orgId: string,
	role: Role,
	form: FormData
): Promise<StepUpFailure | SignerConfirmed> {
	const session = event.locals.session;
	if (session?.oidcProvider) {
		if (consumeDirectoryStepUp(db, session.id, user)) return { ok: true, authMethod: 'oidc' };
		return {
			ok: false,
			status: 403,
			errors: { _form: { code: 'signoff_directory_stepup_required' } }
		};
	}
	const password = form.get('password');
	const code = form.get('code');
	if (typeof password !== 'string' || password === '')
		return { ok: false, status: 400, errors: { password: { code: 'required' } } };
	let ip: string | null = null;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = null;
	}
	const result = await verifyStepUp(
		db,
		user,
		{ password, code: typeof code === 'string' ? code : null },
		{ totpRequired: totpRequired(getOrgSettings(db, orgId), role), ip, purpose: 'signing' }
	);
	if (result.ok) return { ok: true, authMethod: result.usedTotp ? 'password_totp' : 'password' };
	switch (result.reason) {
		case 'wrong_password':
			return { ok: false, status: 400, errors: { password: { code: 'signoff_wrong_password' } } };
		case 'code_required':
			return { ok: false, status: 400, errors: { code: { code: 'signoff_code_required' } } };
		case 'wrong_code':
			return { ok: false, status: 400, errors: { code: { code: 'signoff_wrong_code' } } };
		case 'totp_enrolment_required':
			return {
				ok: false,
				status: 403,
				errors: { _form: { code: 'signoff_totp_enrolment_required' } }
			};
		case 'throttled':
			return {
				ok: false,
				status: 429,
				errors: { _form: { code: 'signoff_throttled' } }
			};
	}
}

/** What a refused signature answers (403 for the wrong role, 409 with the workflow's reason); anything else is rethrown. */
export function signRefusal(e: unknown, values: Record<string, string>) {
	if (e instanceof SignerRoleError)
		return fail(403, {
			errors: { _form: { code: 'signoff_wrong_role' } },
			values,
			wrongRole: true
		});
	if (e instanceof WorkflowRefusalError)
		return fail(409, {
			errors: { _form: { code: `signoff_refused_${e.reason}` } },
			values,
			refused: e.reason
		});
	throw e;
}

/**
 * What both sign-off pages (opinions, decision) read first and show above their forms:
 * the assessment (read access checked), the record whose content hash a signature will
 * bind to, and the labels of the organisation's further opinions.
 */
export function signoffPage(event: AccessEvent) {
	const access = assessmentAccess(event);
	const { db, assessment } = access;
	const record = loadRecord(db, assessment.id);
	if (!record) error(404, { message: 'not_found' });
	const settings = getOrgSettings(db, assessment.orgId);
	const header = {
		assessment: {
			id: assessment.id,
			title: assessment.title,
			status: assessment.status,
			versionNumber: assessment.versionNumber
		},
		contentHash: record.contentHash,
		extraLabels: Object.fromEntries(settings.extraOpinions.map((e) => [e.key, e.label]))
	};
	return { ...access, record, settings, header };
}

/**
 * The start of every signing action: the capability checked, the form read, what was
 * typed kept (never the password or code), and a form carrying fields beyond `allowed`
 * (given the names it holds) refused whole.
 */
export async function openSignForm(
	event: AccessEvent & Pick<RequestEvent, 'request'>,
	capability: Capability,
	allowed: (keys: string[]) => readonly string[]
) {
	const access = assessmentAccess(event, capability);
	const form = await event.request.formData();
	const values = formValues(form, ['password', 'code']);
	const extra = unexpectedFields(form, allowed([...form.keys()]));
	const failure = extra.length
		? fail(400, {
				errors: { _form: { code: 'signoff_unexpected_field' } as FieldError },
				values,
				unexpected: extra
			})
		: null;
	return { ...access, form, values, failure };
}
