import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { assessmentAccess } from '$lib/server/http/access';
import { contentDisposition, openAttachment } from '$lib/server/attachments';
import type { RequestHandler } from './$types';

/**
 * Downloads an attachment, to members of the assessment's organisation only. Always as
 * an `attachment` with `nosniff`: an uploaded file is never rendered by the browser in
 * the application's origin. Streamed, so a 20 MB file is not held in memory.
 */
export const GET: RequestHandler = (event) => {
	const { db, assessment } = assessmentAccess(event, 'assessment.read');
	const found = openAttachment(db, assessment.id, event.params.attachmentId);
	if (!found) error(404, { message: 'not_found' });
	const { row, stream } = found;
	const body = Readable.toWeb(stream()) as unknown as ReadableStream<Uint8Array>;
	return new Response(body, {
		headers: {
			'content-type': row.mime === 'text/csv' ? 'text/csv; charset=utf-8' : row.mime,
			'content-length': String(row.size),
			'content-disposition': contentDisposition(row.originalName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store',
			// Should a browser render it anyway: no script, no plugin, no framing.
			'content-security-policy': "default-src 'none'; sandbox",
			// RFC 9530: lets a client check the bytes against the recorded SHA-256.
			'repr-digest': `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`
		}
	});
};
