/**
 * A fresh database holding a valid audit chain of `count` entries, shaped like the app's
 * own (actors, assessments, French summaries, state hashes), sealed with sealEntry and
 * written in one transaction: the input of the audit verification benchmark.
 */
import { hash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, sealEntry, type AuditEntryContent } from '../src/lib/domain/audit-chain';
import { openDatabase } from '../src/lib/server/db';

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

export function generateAuditDatabase(
	count: number,
	dir = mkdtempSync(join(tmpdir(), 'bench-audit-'))
) {
	const path = join(dir, 'audit.db');
	const db = openDatabase(path);
	const sqlite = db.$client;
	// Loading the fixture, not serving users: durability does not matter here.
	sqlite.pragma('synchronous = OFF');
	const insert = sqlite.prepare(
		`INSERT INTO audit_log (seq, at, actor_id, actor_label, role, org_id, action, entity, entity_id,
		   assessment_id, version, summary, state_hash, entry_hash, chain_hash)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const users = Array.from({ length: 20 }, (_, i) => ({
		id: id(i),
		label: `user${i}@chu-demo.fr`
	}));
	const assessments = Array.from({ length: 100 }, (_, i) => id(0x1000 + i));
	const orgId = id(0xffff);
	const start = Date.parse('2026-01-05T08:00:00.000Z');
	let head = GENESIS_HASH;
	sqlite.transaction(() => {
		for (let seq = 1; seq <= count; seq++) {
			const [action, entity, summary] = ACTIONS[seq % ACTIONS.length]!;
			const user = users[seq % users.length]!;
			const content: AuditEntryContent = {
				seq,
				at: new Date(start + seq * 1000).toISOString(),
				actorId: user.id,
				actorLabel: user.label,
				role: seq % 3 === 0 ? 'dpo' : 'contributor',
				orgId,
				action,
				entity,
				entityId: id(0x100000 + seq),
				assessmentId: assessments[seq % assessments.length]!,
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
	sqlite.close();
	return { path, head };
}
