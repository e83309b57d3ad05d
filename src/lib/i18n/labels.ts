import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/domain/roles';

const ROLE_LABELS: Record<Role, () => string> = {
	admin: m.role_admin,
	dpo: m.role_dpo,
	director: m.role_director,
	security: m.role_security,
	contributor: m.role_contributor,
	representative: m.role_representative,
	auditor: m.role_auditor
};

export function roleLabel(role: Role): string {
	return ROLE_LABELS[role]();
}

const STATUS_LABELS: Record<string, () => string> = {
	draft: m.status_draft,
	in_review: m.status_in_review,
	opinions: m.status_opinions,
	awaiting_decision: m.status_awaiting_decision,
	decided: m.status_decided,
	archived: m.status_archived
};

export function statusLabel(status: string): string {
	return (STATUS_LABELS[status] ?? (() => status))();
}

/** Dates are stored in UTC; people read them in the hospital's time zone and language. */
export function formatDate(iso: string | null | undefined, locale: string): string {
	if (!iso) return '';
	return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', {
		dateStyle: 'medium',
		timeStyle: 'short'
	});
}
