/**
 * A valid audit chain of `count` entries, shaped like the app's own (actors, assessments,
 * French summaries, state hashes), sealed with sealEntry and written in one transaction:
 * either a fresh database (the audit verification benchmark) or appended to the chain of
 * an existing one, e.g. the served database of the responsiveness benchmark.
 */
import { hash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, sealEntry, type AuditEntryContent } from '../src/lib/domain/audit-chain';
import { openDatabase, type Db } from '../src/lib/server/db';

const ACTIONS = [
	['step.save', 'step', 'Étape « contexte » enregistrée'],
	['step.save', 'step', 'Étape « criteria » enregistrée : 3 critères cochés'],
	['risk.update', 'risk', 'Risque « accès illégitime » réévalué : gravité 3, vraisemblance 2'],
	['measure.create', 'measure', 'Mesure ajoutée : chiffrement des sauvegardes'],
	['comment.create', 'comment', 'Commentaire du DPO sur la base légale'],
	['export', 'assessment', 'Export PDF de l’analyse']
] as const;

/** A UUID-shaped id, distinct per n. */
const id = (n: number) => {
	const h = n.toString(16).padStart(32, '0');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};

/** Who and what the generated entries name, and when each was written. */
export interface ChainPools {
	users: { id: string; label: string }[];
	assessments: string[];
	orgId: string;
	at: (seq: number) => string;
}

/**
 * Appends `count` sealed entries after the table's last one (or from the genesis hash),
 * so the whole chain stays valid; returns the new head's chain hash.
 */
export function appendSealedEntries(sqlite: Db['$client'], count: number, pools: ChainPools) {
	const last = sqlite
		.prepare('SELECT seq, chain_hash AS chainHash FROM audit_log ORDER BY seq DESC LIMIT 1')
		.get() as { seq: number; chainHash: string } | undefined;
	const insert = sqlite.prepare(
		`INSERT INTO audit_log (seq, at, actor_id, actor_label, role, org_id, action, entity, entity_id,
		   assessment_id, version, summary, state_hash, entry_hash, chain_hash)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const first = (last?.seq ?? 0) + 1;
	let head = last?.chainHash ?? GENESIS_HASH;
	sqlite.transaction(() => {
		for (let seq = first; seq < first + count; seq++) {
			const [action, entity, summary] = ACTIONS[seq % ACTIONS.length]!;
			const user = pools.users[seq % pools.users.length]!;
			const content: AuditEntryContent = {
				seq,
				at: pools.at(seq),
				actorId: user.id,
				actorLabel: user.label,
				role: seq % 3 === 0 ? 'dpo' : 'contributor',
				orgId: pools.orgId,
				action,
				entity,
				entityId: id(0x100000 + seq),
				assessmentId: pools.assessments[seq % pools.assessments.length]!,
				version: action === 'export' ? null : (seq % 40) + 1,
				summary,
				stateHash: action === 'export' ? null : hash('sha256', `state ${seq}`, 'hex')
			};
			const e = sealEntry(head, content);
			head = e.chainHash;
			insert.run(
				e.seq,
				e.at,
				e.actorId,
				e.actorLabel,
				e.role,
				e.orgId,
				e.action,
				e.entity,
				e.entityId,
				e.assessmentId,
				e.version,
				e.summary,
				e.stateHash,
				e.entryHash,
				e.chainHash
			);
		}
	})();
	return head;
}

export function generateAuditDatabase(
	count: number,
	dir = mkdtempSync(join(tmpdir(), 'bench-audit-'))
) {
	const path = join(dir, 'audit.db');
	const db = openDatabase(path);
	const sqlite = db.$client;
	// Loading the fixture, not serving users: durability does not matter here.
	sqlite.pragma('synchronous = OFF');
	const start = Date.parse('2026-01-05T08:00:00.000Z');
	const head = appendSealedEntries(sqlite, count, {
		users: Array.from({ length: 20 }, (_, i) => ({ id: id(i), label: `user${i}@chu-demo.fr` })),
		assessments: Array.from({ length: 100 }, (_, i) => id(0x1000 + i)),
		orgId: id(0xffff),
		at: (seq) => new Date(start + seq * 1000).toISOString()
	});
	sqlite.close();
	return { path, head };
}
