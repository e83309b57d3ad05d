/**
 * RFC 3161 timestamps of a bundle's manifest, with the `openssl ts` command (no library):
 * when `TSA_URL` is set, the export asks that time-stamping authority to stamp the SHA-256
 * of manifest.json and stores its reply as `manifest.tsr`; `verify-bundle` checks it.
 * A timestamp proves the manifest (hence every file it lists and the audit head it holds)
 * existed at that time, on the word of a third party rather than of this installation.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { logEvent } from '../log';

const run = promisify(execFile);

/** In a scratch directory removed afterwards: openssl reads and writes files. */
export async function inScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
	const dir = await mkdtemp(join(tmpdir(), 'workbench-ts-'));
	try {
		return await fn(dir);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** What `openssl ts -reply -text` says of a reply: granted, hash algorithm, imprint, time. */
export interface ReplyInfo {
	granted: boolean;
	algorithm: string | null;
	imprint: string | null;
	time: string | null;
}

/** Reads openssl's text dump of a reply (`Message data:` is a hex dump, 16 bytes a line). */
export function parseReplyText(text: string): ReplyInfo {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l.trim() === 'Message data:');
	let imprint: string | null = null;
	if (start >= 0) {
		const hex: string[] = [];
		for (const line of lines.slice(start + 1)) {
			const dump = /^\s+[0-9a-f]{4} - (.{47})/.exec(line);
			if (!dump) break;
			hex.push(...dump[1]!.replace(/-/g, ' ').trim().split(/\s+/));
		}
		imprint = hex.join('').toLowerCase();
	}
	return {
		granted: /^Status: Granted\.?$/m.test(text),
		algorithm: /^Hash Algorithm: (\S+)$/m.exec(text)?.[1] ?? null,
		imprint,
		time: /^Time stamp: (.+)$/m.exec(text)?.[1]?.trim() ?? null
	};
}

export async function replyInfo(dir: string, replyPath: string): Promise<ReplyInfo> {
	const { stdout } = await run('openssl', ['ts', '-reply', '-in', replyPath, '-text'], {
		cwd: dir
	});
	return parseReplyText(stdout);
}

/** Asks the TSA at `url` to stamp `data`; resolves with the DER reply, checked to stamp it. */
export async function requestTimestamp(
	data: Buffer,
	url: string,
	timeoutMs = 15_000
): Promise<Buffer> {
	return inScratch(async (dir) => {
		await writeFile(join(dir, 'data'), data);
		await run('openssl', ['ts', '-query', '-data', 'data', '-sha256', '-cert', '-out', 'q.tsq'], {
			cwd: dir
		});
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/timestamp-query' },
			body: await readFile(join(dir, 'q.tsq')),
			signal: AbortSignal.timeout(timeoutMs)
		});
		if (!response.ok) throw new Error(`the TSA answered ${response.status}`);
		const reply = Buffer.from(await response.arrayBuffer());
		await writeFile(join(dir, 'r.tsr'), reply);
		const info = await replyInfo(dir, 'r.tsr');
		const expected = createHash('sha256').update(data).digest('hex');
		if (!info.granted) throw new Error('the TSA did not grant the timestamp');
		if (info.imprint !== expected) throw new Error('the TSA stamped another imprint');
		return reply;
	});
}

/**
 * The manifest's timestamp when TSA_URL is set, else null. A TSA that is down or refuses
 * does not stop the export (the bundle stands on its own signature): the bundle goes out
 * without `manifest.tsr` and the failure is logged for the administrator.
 */
export async function timestampManifest(manifest: Buffer): Promise<Buffer | null> {
	const url = process.env.TSA_URL;
	if (!url) return null;
	try {
		return await requestTimestamp(manifest, url);
	} catch (e) {
		logEvent('tsa_timestamp_failed', { url, message: e instanceof Error ? e.message : String(e) });
		return null;
	}
}
