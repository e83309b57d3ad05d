import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { organisations } from './schema';
import { prepared } from './prepared';

const opened: ReturnType<typeof tempDatabase>[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.dispose()));
const fresh = () => {
	const t = tempDatabase();
	opened.push(t);
	return t.db;
};

describe('prepared', () => {
	it('builds a query once per database and runs it with each call’s values, on current rows', () => {
		let builds = 0;
		const nameOf = prepared((db) => {
			builds++;
			return db
				.select({ name: organisations.name })
				.from(organisations)
				.where(eq(organisations.id, sql.placeholder('id')))
				.prepare();
		});
		const db = fresh();
		db.insert(organisations)
			.values([
				{ id: 'o1', name: 'CH Nord' },
				{ id: 'o2', name: 'CH Sud' }
			])
			.run();
		expect(nameOf(db).get({ id: 'o1' })?.name).toBe('CH Nord');
		expect(nameOf(db).get({ id: 'o2' })?.name).toBe('CH Sud');
		expect(nameOf(db).get({ id: 'o3' })).toBeUndefined();
		db.update(organisations).set({ name: 'CHU Nord' }).where(eq(organisations.id, 'o1')).run();
		expect(nameOf(db).get({ id: 'o1' })?.name).toBe('CHU Nord');
		expect(builds).toBe(1);

		// Another database gets its own build, reading its own rows.
		const other = fresh();
		other.insert(organisations).values({ id: 'o1', name: 'Autre' }).run();
		expect(nameOf(other).get({ id: 'o1' })?.name).toBe('Autre');
		expect(nameOf(db).get({ id: 'o1' })?.name).toBe('CHU Nord');
		expect(builds).toBe(2);
	});
});
