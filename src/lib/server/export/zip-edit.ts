import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';

/**
 * Reading and rewriting small ZIPs whole, for tests and for anyone checking what a
 * tampered bundle does to the verifier. Not for production bundles (holds every entry
 * in memory).
 */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
	const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
	const files = new Map<string, Buffer>();
	try {
		for await (const entry of zip.eachEntry()) {
			const chunks: Buffer[] = [];
			for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) {
				chunks.push(c);
			}
			files.set(entry.fileName, Buffer.concat(chunks));
		}
	} finally {
		zip.close();
	}
	return files;
}

export async function writeZip(path: string, files: Map<string, Buffer>): Promise<void> {
	const zip = new ZipFile();
	for (const [name, bytes] of files)
		zip.addBuffer(bytes, name, { compress: name !== 'report.pdf' });
	zip.end();
	await pipeline(zip.outputStream, createWriteStream(path));
}

/** Flips the bits of one byte of a stored (uncompressed) entry, in place. */
export async function flipStoredByte(path: string, name: string, offset: number): Promise<void> {
	const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
	let position: number | undefined;
	try {
		for await (const entry of zip.eachEntry()) {
			if (entry.fileName !== name) continue;
			if (entry.compressionMethod !== 0) throw new Error(`${name} is compressed`);
			if (offset >= entry.uncompressedSize) throw new Error(`${name} is too short`);
			const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
			position = fileDataStart + offset;
		}
	} finally {
		zip.close();
	}
	if (position === undefined) throw new Error(`${name} not in ${path}`);
	const handle = await open(path, 'r+');
	try {
		const byte = Buffer.alloc(1);
		await handle.read(byte, 0, 1, position);
		byte[0] = byte[0]! ^ 0xff;
		await handle.write(byte, 0, 1, position);
	} finally {
		await handle.close();
	}
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * What a forger would do after editing files: recompute every size and hash in the
 * manifest and SHA256SUMS. Returns the new manifest bytes (unsigned) and stores them.
 */
export function reseal(files: Map<string, Buffer>): Buffer {
	const m = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
		files: { path: string; size: number; sha256: string }[];
	};
	const others = m.files.filter((f) => f.path !== 'SHA256SUMS');
	for (const f of others) {
		f.sha256 = sha256(files.get(f.path)!);
		f.size = files.get(f.path)!.length;
	}
	files.set('SHA256SUMS', Buffer.from(others.map((f) => `${f.sha256}  ${f.path}\n`).join('')));
	const sums = m.files.find((f) => f.path === 'SHA256SUMS');
	if (sums) {
		sums.sha256 = sha256(files.get('SHA256SUMS')!);
		sums.size = files.get('SHA256SUMS')!.length;
	}
	const bytes = Buffer.from(JSON.stringify(m, null, 2) + '\n');
	files.set('manifest.json', bytes);
	return bytes;
}
