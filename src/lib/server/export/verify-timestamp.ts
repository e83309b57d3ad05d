import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FILES } from './bundle-format';
import { inScratch, replyInfo } from './timestamp';

const run = promisify(execFile);

/**
 * Checks `manifest.tsr`, the RFC 3161 timestamp of manifest.json, with `openssl ts`: the
 * reply is granted and stamps the SHA-256 of the manifest's bytes; with the TSA's CA
 * certificate (`--tsa-ca`), `openssl ts -verify` also checks the TSA's signature and
 * certificate chain. Without it the time is reported but not vouched for.
 */
export async function checkTimestamp(
	manifest: Buffer,
	reply: Buffer,
	tsaCaPem: string | undefined,
	failures: string[],
	notes: string[]
): Promise<void> {
	const name = FILES.timestamp;
	await inScratch(async (dir) => {
		await writeFile(join(dir, 'manifest.json'), manifest);
		await writeFile(join(dir, 'manifest.tsr'), reply);
		let info;
		try {
			info = await replyInfo(dir, 'manifest.tsr');
		} catch (e) {
			failures.push(`${name}: not a timestamp reply openssl can read (${firstLine(e)})`);
			return;
		}
		const expected = createHash('sha256').update(manifest).digest('hex');
		if (!info.granted) failures.push(`${name}: the timestamp was not granted`);
		if (info.algorithm !== 'sha256' || info.imprint !== expected) {
			failures.push(
				`${name}: stamps ${String(info.algorithm)} ${String(info.imprint)}, expected sha256 ${expected} (${FILES.manifest})`
			);
			return;
		}
		if (tsaCaPem === undefined) {
			notes.push(
				`timestamp: ${FILES.manifest} stamped at ${info.time}; TSA certificate not checked (pass --tsa-ca <pem>)`
			);
			return;
		}
		await writeFile(join(dir, 'tsa-ca.pem'), tsaCaPem);
		try {
			const args = ['ts', '-verify', '-data', 'manifest.json', '-in', 'manifest.tsr'];
			await run('openssl', [...args, '-CAfile', 'tsa-ca.pem'], { cwd: dir });
			notes.push(
				`timestamp: ${FILES.manifest} stamped at ${info.time}, verified by openssl ts -verify`
			);
		} catch (e) {
			failures.push(`${name}: openssl ts -verify refuses it (${firstLine(e)})`);
		}
	});
}

function firstLine(e: unknown): string {
	const err = e as { stderr?: string; stdout?: string; message?: string };
	const text = `${err.stdout ?? ''}\n${err.stderr ?? ''}`.trim() || String(err.message);
	return text.split('\n').find((l) => l.trim() !== '') ?? 'failed';
}
