/**
 * yazl computes each ZIP entry's CRC-32 with buffer-crc32, a loop over every byte in
 * JavaScript: 0.3 s of the request thread for the 63 MB bundle of the export benchmark
 * (issue 13). Node (≥ 20.15, the project needs 20.19) computes the same CRC-32 in C with
 * zlib.crc32. yazl has no option to choose, so importing this module points the one
 * function yazl calls, `unsigned(buffer, crcSoFar)`, at zlib's. The tests compare the two
 * on random data and check the CRC of every entry of a bundle against its bytes.
 */
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';

type Crc32Unsigned = (data: Buffer, crcSoFar?: number) => number;

// The copy of buffer-crc32 that yazl itself loads: resolved from yazl's own location.
const fromHere = createRequire(import.meta.url);
const yazlCrc = createRequire(fromHere.resolve('yazl'))('buffer-crc32') as {
	unsigned: Crc32Unsigned;
};

/** buffer-crc32's own function, kept for the tests' comparison. */
export const javascriptCrc32: Crc32Unsigned = yazlCrc.unsigned;

/** zlib's CRC-32, with buffer-crc32's signature (a missing `crcSoFar` starts from 0). */
export const nativeCrc32: Crc32Unsigned = (data, crcSoFar = 0) => crc32(data, crcSoFar);

yazlCrc.unsigned = nativeCrc32;
