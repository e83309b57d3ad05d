import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { error } from '@sveltejs/kit';
import Busboy from '@fastify/busboy';

/** Boundaries, part headers and the other fields around an uploaded file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** A form with one uploaded file, read by `readUpload`. */
export interface Upload {
	/** The other fields, NUL characters dropped (as tolerantFormData does for every form). */
	fields: Map<string, string>;
	/** The file, or null when none was chosen (an empty part without a name). */
	file: UploadedFile | null;
}

/**
 * An uploaded file's bytes, in a buffer of their own (`owned`): nobody else holds it, so
 * it can be moved to a worker thread without a copy.
 */
export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
	owned?: true;
}

/**
 * Collects a stream's chunks into one buffer as they arrive, so that no single step copies
 * the whole file: joining 10 MB of chunks at the end (Buffer.concat, then a copy for the
 * worker) held the request thread ~100 ms, which other users' pages waited out (measured
 * by `npm run bench:responsive`). `expected` sizes the buffer (the body's announced
 * length); past it, the buffer doubles.
 */
class Collector {
	private buffer: Uint8Array;
	size = 0;
	constructor(expected: number) {
		this.buffer = new Uint8Array(Math.max(expected, 16 * 1024));
	}
	add(chunk: Uint8Array) {
		if (this.size + chunk.length > this.buffer.length) {
			const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.size + chunk.length));
			grown.set(this.buffer.subarray(0, this.size));
			this.buffer = grown;
		}
		this.buffer.set(chunk, this.size);
		this.size += chunk.length;
	}
	/** The bytes, a view of the collector's own buffer (handed over: add no more). */
	bytes(): Uint8Array {
		return this.buffer.subarray(0, this.size);
	}
}

/**
 * Reads a form holding one file (field `fileField`) as it streams in, or answers
 * 'too_large' when it exceeds `maxBytes`: refused from the announced length before a byte
 * is read (a 200 MB upload gets the page's own message, not the server's body-limit
 * error), or as soon as the file runs over. A body that is not a form: 400.
 *
 * Why not `request.formData()`: for a 10 MB file it reads the whole body, copies it and
 * parses it in long synchronous stretches (with the file's own arrayBuffer(), 200–350 ms
 * of a blocked request thread, measured by `npm run bench:responsive`). busboy parses each
 * chunk as it arrives, and the file's bytes are joined once at the end.
 */
export async function readUpload(
	request: Request,
	maxBytes: number,
	fileField = 'file'
): Promise<Upload | 'too_large'> {
	const length = Number(request.headers.get('content-length'));
	if (Number.isFinite(length) && length > maxBytes + MULTIPART_OVERHEAD) return 'too_large';
	const type = request.headers.get('content-type') ?? '';
	// busboy reads multipart and urlencoded forms (the latter without a file: the caller's
	// own checks then answer, authorization first) and refuses any other type: 400.
	if (!request.body) error(400, { message: 'bad_form' });
	let parser;
	try {
		parser = Busboy({
			headers: { 'content-type': type },
			// No `parts`, `fields` or `files` limit: once one is reached, this busboy stops
			// reading the rest and the request never ends (found by the fuzzer). The body's
			// length bounds them all, each field is cut at 100,000 bytes, and only the first
			// file of `fileField` is kept.
			limits: { fileSize: maxBytes, fieldSize: 100_000 }
		});
	} catch {
		error(400, { message: 'bad_form' });
	}
	const fields = new Map<string, string>();
	let file: Upload['file'] = null;
	let tooLarge = false;
	let seenFile = false;
	parser.on('field', (name, value) => {
		const key = name.replaceAll('\0', '');
		// The first value of a repeated field, as FormData.get gives it.
		if (!fields.has(key)) fields.set(key, value.replaceAll('\0', ''));
	});
	parser.on('file', (name, stream, filename) => {
		if (name !== fileField || seenFile) {
			stream.resume();
			return;
		}
		seenFile = true;
		// The file is at most the body's length and at most maxBytes.
		const collected = new Collector(
			Math.min(Number.isFinite(length) && length > 0 ? length : 0, maxBytes)
		);
		stream.on('data', (chunk: Buffer) => {
			if (!tooLarge) collected.add(chunk);
		});
		stream.on('limit', () => (tooLarge = true));
		// A cut body fails the parser too, and that failure is the answer (400).
		stream.on('error', () => {});
		stream.on('end', () => {
			if (tooLarge || (collected.size === 0 && !filename)) return;
			file = { name: filename ?? '', bytes: collected.bytes(), owned: true };
		});
	});
	try {
		await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser);
	} catch (e) {
		// Over the server's body limit (a streamed body without a length): its 413.
		if ((e as { status?: number })?.status === 413) return 'too_large';
		error(400, { message: 'bad_form' });
	}
	return tooLarge ? 'too_large' : { fields, file };
}
