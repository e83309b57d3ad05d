import { createRequire } from 'node:module';
import fc from 'fast-check';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from './bundle-fixture';
import { javascriptCrc32, nativeCrc32 } from './zip-crc';

describe('ZIP CRC-32 computed by zlib', () => {
	it('gives buffer-crc32’s results, whole or chunk by chunk', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat(), (bytes, at) => {
				const data = Buffer.from(bytes);
				const cut = data.length === 0 ? 0 : at % data.length;
				const [head, tail] = [data.subarray(0, cut), data.subarray(cut)];
				const whole = javascriptCrc32(data);
				expect(nativeCrc32(data)).toBe(whole);
				expect(nativeCrc32(tail, nativeCrc32(head))).toBe(whole);
				expect(whole).toBe(javascriptCrc32(tail, javascriptCrc32(head)));
			})
		);
		// The standard check value of CRC-32 (ISO-HDLC): "123456789" → 0xCBF43926.
		expect(nativeCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
	});

	describe('in an evidence bundle', () => {
		let fx: Awaited<ReturnType<typeof bundleFixture>>;
		let path: string;
		beforeAll(async () => {
			fx = await bundleFixture();
			path = await fx.build();
		});
		afterAll(() => fx.dispose());

		it('is the function yazl calls', () => {
			const yazlRequire = createRequire(createRequire(import.meta.url).resolve('yazl'));
			expect(yazlRequire('buffer-crc32').unsigned).toBe(nativeCrc32);
		});

		it('writes for every entry the CRC-32 of its bytes', async () => {
			// yauzl does not check CRCs itself: each entry's bytes are checked here.
			const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
			let checked = 0;
			try {
				for await (const entry of zip.eachEntry()) {
					const chunks: Buffer[] = [];
					const stream = await zip.openReadStreamPromise(entry);
					for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
					expect(entry.crc32, entry.fileName).toBe(javascriptCrc32(Buffer.concat(chunks)));
					checked++;
				}
			} finally {
				zip.close();
			}
			expect(checked).toBeGreaterThan(5);
		});
	});
});
