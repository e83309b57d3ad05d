import { error } from '@sveltejs/kit';

/** Boundaries, part headers and the other fields around an uploaded file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The form of an upload, or 'too_large' when it exceeds `maxBytes` plus the multipart
 * overhead: refused from the announced length before a byte is read (a 200 MB upload gets
 * the page's own message, not the server's body-limit error), or when a streamed body
 * without a length runs over the server's limit. A body that is not a form: 400.
 */
export async function readUploadForm(
	request: Request,
	maxBytes: number
): Promise<FormData | 'too_large'> {
	const length = Number(request.headers.get('content-length'));
	if (Number.isFinite(length) && length > maxBytes + MULTIPART_OVERHEAD) return 'too_large';
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: number })?.status === 413) return 'too_large';
		error(400, { message: 'bad_form' });
	}
}

/** The form's uploaded file, or null when none was chosen (an empty part without a name). */
export function uploadedFile(form: FormData, name = 'file'): File | null {
	const file = form.get(name);
	return file instanceof File && !(file.size === 0 && file.name === '') ? file : null;
}
