/**
 * Child process of the crash-safety test: writes through the application's own data
 * layer (audit.mutate, one transaction per write) as fast as it can, and prints each
 * write's id only after its transaction has committed. The parent kills it with SIGKILL.
 * Usage: tsx scripts/crash-writer.ts <database file> <id prefix>
 */
import { openDatabase } from '../src/lib/server/db';
import { mutate, SYSTEM_ACTOR } from '../src/lib/server/audit';
import { organisations } from '../src/lib/server/db/schema';

const [path, prefix] = process.argv.slice(2);
if (!path || !prefix) throw new Error('usage: crash-writer <db> <prefix>');
const db = openDatabase(path);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
	const id = `${prefix}-${i}`;
	mutate(db, SYSTEM_ACTOR, (tx) => {
		tx.insert(organisations)
			.values({ id, name: `Écriture ${id}` })
			.run();
		return {
			result: undefined,
			event: {
				action: 'organisation.create',
				entity: 'organisation',
				entityId: id,
				summary: id,
				state: { id }
			}
		};
	});
	// Acknowledged only now: the transaction is committed (synchronous=FULL).
	process.stdout.write(`ack ${id}\n`);
	if (i % 20 === 0) await new Promise((r) => setImmediate(r));
}
