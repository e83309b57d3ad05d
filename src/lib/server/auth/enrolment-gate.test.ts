import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit';
import { organisations } from '../db/schema';
import { tempDatabase } from '../testing/temp-db';
import { createMember, createOrganisation, currentUser } from '../users';
import { allowedWhileEnrolling, mustEnrol } from './enrolment-gate';

const url = (path: string) => new URL(path, 'http://localhost');

describe("Organisation 'require two-factor' is not enforced at sign-in", () => {
	let ctx: ReturnType<typeof tempDatabase>;
	let orgId: string;
	beforeEach(() => {
		ctx = tempDatabase();
		orgId = createOrganisation(ctx.db, SYSTEM_ACTOR, 'CH Test', null).id;
	});
	afterEach(() => ctx.dispose());

	async function userWith(role: 'director' | 'admin' | 'contributor') {
		const user = await createMember(ctx.db, SYSTEM_ACTOR, {
			email: `${role}@ch.fr`,
			name: role,
			password: 'une phrase assez longue',
			role,
			orgId
		});
		return currentUser(ctx.db, user);
	}
	const requireTotp = () =>
		ctx.db
			.update(organisations)
			.set({ settings: { requireTotp: true } })
			.run();

	it('a non-enrolled director or admin must enrol once the organisation requires it', async () => {
		const director = await userWith('director');
		const admin = await userWith('admin');
		const contributor = await userWith('contributor');
		expect(mustEnrol(ctx.db, director, false)).toBe(false);
		requireTotp();
		expect(mustEnrol(ctx.db, director, false)).toBe(true);
		expect(mustEnrol(ctx.db, admin, false)).toBe(true);
		// Enrolled, or a role the setting does not cover: free to go.
		expect(mustEnrol(ctx.db, director, true)).toBe(false);
		expect(mustEnrol(ctx.db, contributor, false)).toBe(false);
	});

	it('confines to the enrolment: pages, actions and exports redirect, enrolment and logout do not', () => {
		for (const [method, path] of [
			['GET', '/assessments'],
			['GET', '/assessments/a1/report.pdf'],
			['GET', '/admin'],
			['POST', '/admin?/resetPassword'],
			['POST', '/admin?/createUser'],
			['POST', '/account?/password'],
			['POST', '/account?/totpDisable'],
			['POST', '/account'],
			['GET', '/about'],
			['GET', '/accountx']
		] as const) {
			expect(allowedWhileEnrolling(method, url(path)), `${method} ${path}`).toBe(false);
		}
		for (const [method, path] of [
			['GET', '/account'],
			['GET', '/account/__data.json'],
			['POST', '/account?/totpStart'],
			['POST', '/account?/totpConfirm'],
			['POST', '/account?/totpCancel'],
			['POST', '/logout'],
			['POST', '/locale'],
			['GET', '/healthz'],
			['GET', '/_app/immutable/entry/start.js']
		] as const) {
			expect(allowedWhileEnrolling(method, url(path)), `${method} ${path}`).toBe(true);
		}
	});
});
