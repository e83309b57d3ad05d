/**
 * Everything the verifiers check on a database, in one verdict: the hash chain, the state
 * of signatures and frozen versions against their entries, and optionally a head recorded
 * earlier (truncation). Used by `npm run audit:verify` and, in a worker thread, by /audit.
 */
import type { ChainVerification } from '$lib/domain/audit-chain';
import { describeProblem, type StateVerdict } from '$lib/domain/audit-state';
import { formatHead, type ChainHead, type HeadProblem } from '$lib/domain/audit-head';
import { checkKnownHead, currentHead, verifyStates } from './audit-states';
import type { Db } from './db';

export interface IntegrityReport {
	chain: ChainVerification;
	states: StateVerdict;
	/** The head given to check against, and what is wrong with it (null: still in the chain). */
	known: { head: ChainHead; problem: HeadProblem | null } | null;
	/** The log's last entry now. */
	current: ChainHead | null;
}

/** Completes a chain verdict (computed by the caller, possibly on several threads). */
export function integrityOf(
	sqlite: Db['$client'],
	chain: ChainVerification,
	known?: ChainHead | null
): IntegrityReport {
	// One read snapshot: a signature committed meanwhile comes with its entry, never alone.
	return sqlite.transaction(() => ({
		chain,
		states: verifyStates(sqlite),
		known: known ? { head: known, problem: checkKnownHead(sqlite, known) } : null,
		current: currentHead(sqlite)
	}))();
}

export const integrityOk = (r: IntegrityReport) =>
	r.chain.ok && r.states.ok && (r.known === null || r.known.problem === null);

/** The failures, one line each, for the CLI and the log (empty when intact). */
export function integrityFailures(r: IntegrityReport): string[] {
	const lines: string[] = [];
	if (!r.chain.ok) {
		lines.push(
			`chain broken at sequence number ${r.chain.firstBadSeq} (${r.chain.reason}); ${r.chain.count} entries checked before it`
		);
	}
	if (!r.states.ok) {
		lines.push(
			`state of ${describeProblem(r.states.first)}` +
				(r.states.problems > 1 ? ` (and ${r.states.problems - 1} more)` : '')
		);
	}
	if (r.known?.problem) {
		lines.push(
			`known head ${formatHead(r.known.head)} ${
				r.known.problem === 'missing'
					? 'is no longer in the chain (entries deleted from its tail)'
					: 'differs from the chain’s entry at that seq (rewritten)'
			}` + (r.current ? `; the chain now ends at seq ${r.current.seq}` : '; the log is empty')
		);
	}
	return lines;
}
