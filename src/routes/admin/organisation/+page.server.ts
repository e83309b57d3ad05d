import { error, type RequestEvent } from '@sveltejs/kit';
import { actorOf, orgsWhere, requireRole, requireUser } from '$lib/server/http/access';
import { getDb } from '$lib/server/db';
import { formFail } from '$lib/server/http/forms';
import { conflictFail } from '$lib/server/http/conflict';
import * as write from '$lib/server/org-settings-write';
import type { Actions, PageServerLoad } from './$types';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * The organisation whose settings are shown: `?org=` among those the user administers, the
 * first of them otherwise. Another organisation answers 403, whether it exists or not.
 */
function requireAdminOrg(event: Event) {
	const user = requireUser(event);
	const orgs = orgsWhere(user, 'users.manage');
	if (!orgs.length) error(403, { message: 'forbidden' });
	const orgId = event.url.searchParams.get('org') ?? orgs[0]?.orgId ?? '';
	const membership = requireRole(user, orgId, 'users.manage');
	return { user, membership, orgs };
}

export const load: PageServerLoad = (event) => {
	const { membership, orgs } = requireAdminOrg(event);
	const stored = write.readSettings(getDb(), membership.orgId);
	return {
		org: { id: membership.orgId, name: membership.orgName },
		orgs: orgs.map((o) => ({ id: o.orgId, name: o.orgName })),
		version: stored.version,
		draft: write.draftOf(stored.settings)
	};
};

function versionOf(form: FormData): number | null {
	const raw = form.get('version');
	const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
	return Number.isInteger(n) && n > 0 ? n : null;
}

async function save(event: RequestEvent, resetThresholds: boolean) {
	const { user, membership } = requireAdminOrg(event);
	const form = await event.request.formData();
	const typed = write.draftFromForm(form);
	const draft = resetThresholds ? write.withDefaultThresholds(typed) : typed;
	const version = versionOf(form);
	if (version === null) {
		return formFail(400, { _form: { code: 'field_invalid' } }, {}, { draft, invalid: true });
	}
	const checked = write.validateDraft(draft);
	if (!checked.ok) return formFail(400, checked.errors, {}, { draft, invalid: true });
	const db = getDb();
	try {
		const saved = write.saveSettings(
			db,
			actorOf(user, membership),
			membership.orgId,
			version,
			checked.settings
		);
		return { saved: saved.version, reset: resetThresholds };
	} catch (e) {
		if (e instanceof write.StaleSettingsError) {
			// The newer settings are shown as a draft too, beside the one typed.
			return conflictFail(
				db,
				e,
				{ draft },
				{ shown: (now) => ({ draft: write.draftOf(now.settings) }) }
			);
		}
		throw e;
	}
}

export const actions: Actions = {
	save: (event) => save(event, false),
	reset: (event) => save(event, true)
};
