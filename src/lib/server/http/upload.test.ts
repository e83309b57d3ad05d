import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { readUpload } from './upload';

/** A browser-like multipart request (undici writes the body and its boundary). */
function formRequest(fields: Record<string, string | File>): Request {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return new Request('http://localhost/assessments/import', { method: 'POST', body: form });
}

const json = (text: string, name = 'analyse.json') =>
	new File([text], name, { type: 'application/json' });

/** A hand-written multipart body (boundary `b`), read with a 1000-byte limit. */
async function readRaw(body: string) {
	const upload = await readUpload(
		new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=b' },
			body
		}),
		1000
	);
	if (upload === 'too_large') throw new Error('too large');
	return upload;
}

async function refusal(request: Request): Promise<number> {
	try {
		await readUpload(request, 1000);
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
	throw new Error('not refused');
}

describe('readUpload', () => {
	it('reads the fields and the file, names in UTF-8 and NUL characters dropped', async () => {
		const upload = await readUpload(
			formRequest({ orgId: 'org\0-1', file: json('{"a":"é"}', 'évaluation « CNIL ».json') }),
			1000
		);
		if (upload === 'too_large') throw new Error('too large');
		expect(upload.fields.get('orgId')).toBe('org-1');
		expect(upload.file?.name).toBe('évaluation « CNIL ».json');
		expect(new TextDecoder().decode(upload.file?.bytes)).toBe('{"a":"é"}');
	});

	it('gives no file when none was chosen (what a browser sends for an empty file input)', async () => {
		const body =
			'--b\r\nContent-Disposition: form-data; name="orgId"\r\n\r\nx\r\n' +
			'--b\r\nContent-Disposition: form-data; name="file"; filename=""\r\n' +
			'Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n';
		const upload = await readRaw(body);
		expect(upload.fields.get('orgId')).toBe('x');
		expect(upload.file).toBeNull();
	});

	it('joins a file streamed in many chunks byte for byte, in a buffer of its own, with or without an announced length', async () => {
		// 300 kB of varied bytes, sent 7,777 bytes at a time: the collector starts from the
		// announced length, or from 16 kB and doubles when none is given.
		const content = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 8)) % 256);
		const head = new TextEncoder().encode(
			'--b\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\n\r\n'
		);
		const tail = new TextEncoder().encode('\r\n--b--\r\n');
		const whole = new Uint8Array([...head, ...content, ...tail]);
		for (const announced of [true, false]) {
			const body = new ReadableStream<Uint8Array>({
				start(controller) {
					for (let i = 0; i < whole.length; i += 7777) controller.enqueue(whole.slice(i, i + 7777));
					controller.close();
				}
			});
			const upload = await readUpload(
				new Request('http://localhost/', {
					method: 'POST',
					headers: {
						'content-type': 'multipart/form-data; boundary=b',
						...(announced ? { 'content-length': String(whole.length) } : {})
					},
					body,
					duplex: 'half'
				} as RequestInit),
				1_000_000
			);
			if (upload === 'too_large' || !upload.file) throw new Error('no file');
			expect(upload.file.owned).toBe(true);
			expect(upload.file.bytes.byteOffset).toBe(0);
			expect(Buffer.compare(upload.file.bytes, content)).toBe(0);
		}
	});

	it('refuses a file over the limit while it streams, and an announced length over it at once', async () => {
		expect(await readUpload(formRequest({ file: json('x'.repeat(1001)) }), 1000)).toBe('too_large');
		const announced = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '99999999' },
			body: 'never read'
		});
		expect(await readUpload(announced, 1000)).toBe('too_large');
	});

	it('reads a form without a file (urlencoded): its fields, no file', async () => {
		const upload = await readUpload(
			new Request('http://localhost/', {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'orgId=org-2'
			}),
			1000
		);
		if (upload === 'too_large') throw new Error('too large');
		expect(upload.fields.get('orgId')).toBe('org-2');
		expect(upload.file).toBeNull();
	});

	it('reads to the end a form of many parts (a fuzzer case that never got an answer), keeping the first file', async () => {
		const part = (name: string, value: string, filename?: string) =>
			`--b\r\nContent-Disposition: form-data; name="${name}"` +
			(filename === undefined ? '' : `; filename="${filename}"\r\nContent-Type: text/csv`) +
			`\r\n\r\n${value}\r\n`;
		const body =
			Array.from({ length: 25 }, (_, i) => part(`f${i % 12}`, `v${i}`)).join('') +
			part('file', 'first', 'a.json') +
			part('file', 'second', 'b.json') +
			part('other', 'x', 'c.csv') +
			part('description', 'é'.repeat(500_000)) +
			'--b--\r\n';
		const upload = await readRaw(body);
		expect(upload.fields.get('f3')).toBe('v3');
		expect(upload.fields.get('description')?.length).toBeLessThanOrEqual(100_000);
		expect(upload.file?.name).toBe('a.json');
		expect(new TextDecoder().decode(upload.file?.bytes)).toBe('first');
	});

	it('answers 400 to a body that is not a form, or a cut one', async () => {
		const text = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'file=x'
		});
		expect(await refusal(text)).toBe(400);
		const whole = formRequest({ file: json('{"a":1}') });
		const bytes = new Uint8Array(await whole.arrayBuffer());
		const cut = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': whole.headers.get('content-type')! },
			body: bytes.subarray(0, bytes.length - 20)
		});
		expect(await refusal(cut)).toBe(400);
	});
});
