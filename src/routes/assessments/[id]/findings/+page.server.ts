import { can } from '$lib/domain/roles';
import { actorOf, assessmentAccess } from '$lib/server/http/access';
import {
	createFinding,
	findingSchema,
	findingStatusSchema,
	listFindings,
	updateFinding
} from '$lib/server/findings';
import { fieldErrors, formFail, formValues } from '$lib/server/http/forms';
import { FrozenError, getStep, isFrozen } from '$lib/server/steps';
import { isStale } from '$lib/server/versioned';
import { conflictFail } from '$lib/server/http/conflict';
import { securityFindings } from '$lib/server/db/schema-findings';
import { findingContent } from '$lib/server/content';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export interface RiskOption {
	id: string;
	title: string;
}

/** The risks of the `risks` step (id and title), read leniently: a draft may be partial. */
function riskOptions(db: Db, assessmentId: string): RiskOption[] {
	const data: unknown = getStep(db, assessmentId, 'risks')?.data;
	const list =
		typeof data === 'object' && data !== null && 'risks' in data && Array.isArray(data.risks)
			? (data.risks as unknown[])
			: [];
	const options: RiskOption[] = [];
	for (const item of list) {
		if (typeof item !== 'object' || item === null) continue;
		const { id, title } = item as { id?: unknown; title?: unknown };
		if (typeof id !== 'string' || id === '') continue;
		options.push({ id, title: typeof title === 'string' && title !== '' ? title : id });
	}
	return options;
}

export const load: PageServerLoad = (event) => {
	const { db, assessment, membership } = assessmentAccess(event);
	const frozen = isFrozen(assessment);
	return {
		assessment: { id: assessment.id, title: assessment.title, frozen },
		findings: listFindings(db, assessment.id).map((f) => ({
			...findingContent(f),
			version: f.version
		})),
		risks: riskOptions(db, assessment.id),
		canEdit: !frozen && can(membership.role, 'finding.edit')
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, db, assessment, membership } = assessmentAccess(event, 'finding.edit');
		const form = await event.request.formData();
		const known = new Set(riskOptions(db, assessment.id).map((r) => r.id));
		const riskIds = form
			.getAll('riskIds')
			.filter((v): v is string => typeof v === 'string' && known.has(v));
		const values = formValues(form, ['riskIds']);
		const parsed = findingSchema.safeParse(values);
		if (!parsed.success) {
			return formFail(400, fieldErrors(parsed.error.issues), values, { add: true, riskIds });
		}
		try {
			createFinding(db, { ...actorOf(user, membership), userId: user.id }, assessment, {
				...parsed.data,
				riskIds
			});
		} catch (e) {
			if (e instanceof FrozenError) return formFail(409, {}, values, { frozen: true, riskIds });
			throw e;
		}
		return { added: true };
	},
	status: async (event) => {
		const { user, db, assessment, membership } = assessmentAccess(event, 'finding.edit');
		const form = await event.request.formData();
		const values = formValues(form);
		const parsed = findingStatusSchema.safeParse(values);
		if (!parsed.success) {
			return formFail(400, fieldErrors(parsed.error.issues), values, {
				statusFor: values.findingId ?? ''
			});
		}
		const { findingId, version, status } = parsed.data;
		try {
			updateFinding(
				db,
				{ ...actorOf(user, membership), userId: user.id },
				assessment,
				findingId,
				version,
				{ status }
			);
		} catch (e) {
			if (isStale(e, securityFindings)) {
				return conflictFail(db, e, { values }, { extra: { stale: findingId } });
			}
			if (e instanceof FrozenError) return formFail(409, {}, values, { statusFrozen: true });
			throw e;
		}
		return { updated: findingId };
	}
};
