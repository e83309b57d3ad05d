import { z } from 'zod';
import { newMeasureProblems, risksSchema } from '$lib/domain/method/risks';
import { requireAssessment, requireUser } from '$lib/server/http/access';
import { getDb } from '$lib/server/db';
import { formFail } from '$lib/server/http/forms';
import { listFindings } from '$lib/server/findings';
import { getOrgSettings } from '$lib/server/org-settings';
import { FormShapeError, parseNestedForm } from '$lib/server/http/nested-form';
import { stepActions, stepLoad } from '$lib/server/step-page';
import { stepExtrasActions, stepExtrasLoad } from '$lib/server/step-extras';
import * as steps from '$lib/server/steps';
import { fillNewRisks } from './fill';
import type { Actions, PageServerLoad } from './$types';

const base = stepLoad('risks');
const extras = stepExtrasLoad('risks');

/** The security findings, shown read-only under the risks they are linked to. */
function linkedFindings(assessmentId: string) {
	return listFindings(getDb(), assessmentId).map((f) => ({
		id: f.id,
		title: f.title,
		status: f.status,
		riskIds: f.riskIds
	}));
}

/** The organisation's risk-level table: levels shown beside the scores follow it. */
function orgThresholds(event: Parameters<PageServerLoad>[0]) {
	const db = getDb();
	const { assessment } = requireAssessment(db, requireUser(event), event.params.id);
	return getOrgSettings(db, assessment.orgId).thresholds;
}

export const load: PageServerLoad = (event) => {
	const data = { ...base(event), ...extras(event) };
	return {
		...data,
		findings: linkedFindings(data.assessment.id),
		thresholds: orgThresholds(event)
	};
};

const schemaFor = (locale: 'fr' | 'en') =>
	z.preprocess((draft) => fillNewRisks(draft, locale), risksSchema);

const generic = stepActions('risks', risksSchema);

export const actions: Actions = {
	...generic,
	/**
	 * The generic save, plus one check the schema cannot make: a planned measure added now
	 * cannot be due in the past (one recorded earlier may be, it is simply late).
	 */
	save: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const { assessment } = requireAssessment(db, user, event.params.id, 'step.edit');
		const schema = schemaFor(event.locals.locale);
		const form = await event.request.clone().formData();
		let draft: Record<string, unknown> | null = null;
		try {
			draft = parseNestedForm(form);
		} catch (e) {
			if (!(e instanceof FormShapeError)) throw e;
		}
		const parsed = draft ? schema.safeParse(draft) : null;
		if (draft && parsed?.success) {
			const stored = risksSchema.safeParse(steps.getStep(db, assessment.id, 'risks')?.data);
			const today = new Date().toISOString().slice(0, 10);
			const problems = newMeasureProblems(stored.data, parsed.data, today);
			if (problems.length > 0) {
				const errors = Object.fromEntries(
					problems.map((p) => [p, { code: 'measure_due_in_past' }])
				);
				return formFail(400, errors, {}, { draft });
			}
		}
		return stepActions('risks', schema).save(event);
	},
	...stepExtrasActions('risks')
};
