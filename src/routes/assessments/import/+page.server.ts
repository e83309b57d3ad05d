import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { actorOf, orgsWhere, requireRole, requireUser } from '$lib/server/http/access';
import {
	CnilImportError,
	MAX_IMPORT_BYTES,
	importCnilPia,
	type ImportProblem
} from '$lib/server/interop/cnil-pia';
import { readUpload } from '$lib/server/http/upload';
import type { Actions, PageServerLoad } from './$types';

const orgSchema = z.string().min(1).max(64);

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const orgs = orgsWhere(user, 'assessment.create');
	if (!orgs.length) error(403, { message: 'forbidden' });
	return {
		orgs: orgs.map((o) => ({ id: o.orgId, name: o.orgName })),
		maxBytes: MAX_IMPORT_BYTES
	};
};

function refuse(status: number, problem: ImportProblem, fileName: string, orgId: string) {
	return fail(status, {
		importError: problem,
		fileName: fileName.slice(0, 200),
		values: { orgId }
	});
}

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		if (!orgsWhere(user, 'assessment.create').length) error(403, { message: 'forbidden' });
		const tooLarge = { code: 'too_large', max: MAX_IMPORT_BYTES } as const;
		const form = await readUpload(event.request, MAX_IMPORT_BYTES);
		if (form === 'too_large') return refuse(413, tooLarge, '', '');
		const orgId = orgSchema.safeParse(form.fields.get('orgId'));
		if (!orgId.success) error(400, { message: 'bad_form' });
		const membership = requireRole(user, orgId.data, 'assessment.create');

		const file = form.file;
		if (!file) return refuse(400, { code: 'no_file' }, '', orgId.data);

		let created;
		try {
			// Parsed in a worker thread: the server keeps answering everyone meanwhile.
			created = await importCnilPia(
				getDb(),
				{ ...actorOf(user, membership), userId: user.id },
				orgId.data,
				file,
				event.locals.locale
			);
		} catch (e) {
			if (e instanceof CnilImportError) {
				const status =
					e.problem.code === 'too_large' || e.problem.code === 'too_complex' ? 413 : 400;
				return refuse(status, e.problem, file.name, orgId.data);
			}
			throw e;
		}
		// The report says what went where; the assessment is one link away from it.
		redirect(303, `/assessments/${created.id}/import-report`);
	}
};
