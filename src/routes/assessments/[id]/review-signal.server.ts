import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { REPORTED_KINDS } from '$lib/domain/review';
import { actorOf, assessmentAccess } from '$lib/server/http/access';
import { formFail, formValues, validate } from '$lib/server/http/forms';
import {
	SIGNAL_DETAIL_MAX,
	SignalRefusedError,
	importUpdate,
	signalChange
} from '$lib/server/review';
import { CnilImportError, MAX_IMPORT_BYTES } from '$lib/server/interop/cnil-pia';
import { readUpload } from '$lib/server/http/upload';

const signalSchema = z
	.object({
		kind: z.enum(REPORTED_KINDS),
		// Empty ("not applicable") or missing: no severity; otherwise a finding's scale, 1-4.
		severity: z.preprocess(
			(v) => (v === '' || v === undefined ? null : v),
			z.union([z.null(), z.coerce.number().int().min(1).max(4)])
		),
		detail: z.string().trim().min(1).max(SIGNAL_DETAIL_MAX)
	})
	.refine((v) => v.kind !== 'vulnerability' || v.severity !== null, {
		path: ['severity'],
		message: 'review_severity_required'
	});

/** "Signaler un changement" on a decided analysis: what was typed is kept on a refusal. */
export async function signalChangeAction(event: RequestEvent<{ id: string }>) {
	const { user, db, assessment, membership } = assessmentAccess(event, 'review.signal');
	const form = await event.request.formData();
	const parsed = validate(signalSchema, form);
	if (!parsed.ok)
		return formFail(400, parsed.failure.data.errors, formValues(form), { signal: true });
	try {
		signalChange(db, { ...actorOf(user, membership), userId: user.id }, assessment.id, {
			...parsed.data,
			severity: parsed.data.kind === 'vulnerability' ? parsed.data.severity : null
		});
	} catch (e) {
		if (e instanceof SignalRefusedError) {
			return formFail(409, {}, formValues(form), { signal: true, signalRefused: true });
		}
		throw e;
	}
	return { signal: true, signalled: true };
}

/**
 * "Importer une mise à jour" on a decided analysis: a file of the CNIL's PIA tool is
 * compared with the decided version and recorded as a change that brings the review forward.
 */
export async function importUpdateAction(event: RequestEvent<{ id: string }>) {
	const { user, db, assessment, membership } = assessmentAccess(event, 'review.signal');
	const refuse = (status: number, problem: CnilImportError['problem'], fileName = '') =>
		fail(status, { update: true, importError: problem, fileName: fileName.slice(0, 200) });
	const tooLarge = { code: 'too_large', max: MAX_IMPORT_BYTES } as const;
	const form = await readUpload(event.request, MAX_IMPORT_BYTES);
	if (form === 'too_large') return refuse(413, tooLarge);
	const file = form.file;
	if (!file) return refuse(400, { code: 'no_file' });
	try {
		const signal = await importUpdate(
			db,
			{ ...actorOf(user, membership), userId: user.id },
			assessment.id,
			file,
			event.locals.locale
		);
		return { update: true, imported: signal.changes?.length ?? 0 };
	} catch (e) {
		if (e instanceof SignalRefusedError) return fail(409, { update: true, updateRefused: true });
		if (e instanceof CnilImportError) {
			const big = e.problem.code === 'too_large' || e.problem.code === 'too_complex';
			return refuse(big ? 413 : 400, e.problem, file.name);
		}
		throw e;
	}
}
