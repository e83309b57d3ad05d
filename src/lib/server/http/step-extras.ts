import { fail } from '@sveltejs/kit';
import { can } from '$lib/domain/roles';
import type { StepKey } from '$lib/domain/method/steps';
import type { FieldError } from '$lib/i18n/field-errors';
import {
	ACCEPT_ATTRIBUTE,
	AttachmentError,
	MAX_ATTACHMENT_BYTES,
	listAttachments,
	saveAttachment,
	type AttachmentErrorInfo
} from '../attachments';
import { addComment, commentSchema, listComments, MAX_COMMENT_LENGTH } from '../comments';
import { fieldErrors } from './forms';
import { FrozenError, isFrozen } from '../steps';
import { readForm, stepContext, type StepActionEvent, type StepContext } from './step-context';

/*
 * Comments and attachments of a method step: defineStepPage (step-page.ts) adds their data
 * to every step page and their actions to every step's. In the page: <StepShell {data}
 * {form}>…</StepShell> then <StepExtras …/>. Their results use their own keys (`comment*`,
 * `upload*`), never `errors`/`saved`, so StepShell's alerts do not react to them.
 */

/** Boundaries, the file's part headers and the other fields of the upload form. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The step's comments and attachments, and what the user may add. */
export function stepExtrasData(ctx: StepContext, step: StepKey) {
	const { db, assessment, membership } = ctx;
	const frozen = isFrozen(assessment);
	return {
		extras: {
			step,
			comments: listComments(db, assessment.id, step),
			attachments: listAttachments(db, assessment.id, step),
			accept: ACCEPT_ATTRIBUTE,
			maxBytes: MAX_ATTACHMENT_BYTES,
			maxCommentLength: MAX_COMMENT_LENGTH,
			can: {
				comment: !frozen && can(membership.role, 'step.comment'),
				upload: !frozen && can(membership.role, 'step.edit')
			}
		}
	};
}

function uploadFail(info: AttachmentErrorInfo) {
	const status =
		info.code === 'too_large'
			? 413
			: info.code === 'mismatch' || info.code === 'bad_extension' || info.code === 'not_utf8'
				? 415
				: info.code === 'frozen'
					? 409
					: 400;
	return fail(status, { uploadError: info });
}

/** `?/comment` (capability step.comment) and `?/upload` (capability step.edit). */
export function stepExtrasActions(step: StepKey) {
	return {
		comment: async (event: StepActionEvent) => {
			const { db, assessment, actor } = stepContext(event, 'step.comment');
			const form = await readForm(event);
			const raw = form.get('body');
			const body = typeof raw === 'string' ? raw : '';
			const commentDraft = body.slice(0, MAX_COMMENT_LENGTH * 2);
			const parsed = commentSchema.safeParse({ body });
			if (!parsed.success) {
				const commentError: FieldError = fieldErrors(parsed.error.issues).body ?? {
					code: 'invalid'
				};
				return fail(400, { commentError, commentDraft });
			}
			try {
				addComment(db, actor, assessment, step, parsed.data.body);
			} catch (e) {
				if (e instanceof FrozenError) {
					return fail(409, {
						commentError: { code: 'comments_error_frozen' } as FieldError,
						commentDraft
					});
				}
				throw e;
			}
			return { commentAdded: true as const };
		},
		upload: async (event: StepActionEvent) => {
			const { db, assessment, actor } = stepContext(event, 'step.edit');
			// Refuse an oversized upload from its announced length, before reading it.
			const length = Number(event.request.headers.get('content-length'));
			if (Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD) {
				return uploadFail({ code: 'too_large', size: length });
			}
			const form = await readForm(event);
			const file = form.get('file');
			if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
				return uploadFail({ code: 'no_file' });
			}
			if (file.size > MAX_ATTACHMENT_BYTES) {
				return uploadFail({ code: 'too_large', name: file.name, size: file.size });
			}
			try {
				const bytes = new Uint8Array(await file.arrayBuffer());
				const row = await saveAttachment(db, actor, assessment, step, { name: file.name, bytes });
				return { uploaded: row.originalName };
			} catch (e) {
				if (e instanceof AttachmentError) return uploadFail(e.info);
				throw e;
			}
		}
	};
}
