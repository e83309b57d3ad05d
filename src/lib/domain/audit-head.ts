/**
 * Chain heads kept outside the database: the head printed by `npm run audit:head`, the one
 * on the /about page, the `auditLog.chainHead` of every bundle's manifest. Deleting the
 * last entries of the log leaves a shorter chain that verifies on its own; only a head
 * recorded earlier shows the loss: the live chain must still hold that exact entry.
 */
export interface ChainHead {
	seq: number;
	chainHash: string;
}

const HEX_64 = /^[0-9a-f]{64}$/;

const isHead = (v: unknown): v is ChainHead =>
	typeof v === 'object' &&
	v !== null &&
	Number.isSafeInteger((v as ChainHead).seq) &&
	(v as ChainHead).seq >= 1 &&
	HEX_64.test(String((v as ChainHead).chainHash));

/**
 * A head as people pass it: `<seq>:<chain hash>`, or JSON holding `{seq, chainHash}` at the
 * top, under `chainHead` (audit:head's output, a bundle's last log line) or under
 * `auditLog.chainHead` (a bundle's manifest.json). Null when it is none of these.
 */
export function parseHead(text: string): ChainHead | null {
	const trimmed = text.trim();
	const short = /^(\d+):([0-9a-fA-F]{64})$/.exec(trimmed);
	if (short) {
		const head = { seq: Number(short[1]), chainHash: short[2]!.toLowerCase() };
		return isHead(head) ? head : null;
	}
	let value: unknown;
	try {
		value = JSON.parse(trimmed);
	} catch {
		return null;
	}
	const o = value as { chainHead?: unknown; auditLog?: { chainHead?: unknown } } | null;
	const found = [value, o?.chainHead, o?.auditLog?.chainHead].find(isHead);
	return found ? { seq: found.seq, chainHash: found.chainHash } : null;
}

export const formatHead = (h: ChainHead) => `${h.seq}:${h.chainHash}`;

export type HeadProblem = 'missing' | 'differs';

/**
 * Whether the chain still holds a head recorded earlier: `stored` is the chain hash the
 * log holds at that seq now (undefined when there is no such entry any more).
 */
export function headProblem(known: ChainHead, stored: string | undefined): HeadProblem | null {
	if (stored === undefined) return 'missing';
	return stored === known.chainHash ? null : 'differs';
}
