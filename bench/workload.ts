/**
 * The benchmark's fresh installation: one hospital, 20 members across the roles, 100
 * assessments from the booking template, each member signed in. Written through the
 * application's own server modules (so every row has its audit entry), then served by
 * the built app (`node scripts/serve.js`) on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../src/lib/domain/roles';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import { create as createAssessment } from '../src/lib/server/assessments';
import { createSession } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db';
import * as steps from '../src/lib/server/steps';
import { createMember, createOrganisation } from '../src/lib/server/users';

/** 20 members: editors are the ones who write steps, the others read. */
const ROLE_MIX: Record<Role, number> = {
	admin: 1,
	dpo: 3,
	contributor: 7,
	director: 2,
	security: 2,
	representative: 2,
	auditor: 3
};
export const EDITOR_ROLES: readonly Role[] = ['dpo', 'contributor'];

export interface Member {
	id: string;
	role: Role;
	/** Session cookie value; sessions are created directly, so login throttling is not measured. */
	token: string;
}

export interface Workload {
	dataDir: string;
	members: Member[];
	assessments: string[];
	/** Version of each assessment's screening step after seeding. */
	screeningVersions: Record<string, number>;
}

export async function createWorkload(assessmentCount = 100): Promise<Workload> {
	const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
	const db = openDatabase(join(dataDir, 'workbench.db'));
	try {
		const org = createOrganisation(db, SYSTEM_ACTOR, 'Centre hospitalier du banc d’essai', null);
		const members: Member[] = [];
		for (const [role, count] of Object.entries(ROLE_MIX) as [Role, number][]) {
			for (let i = 1; i <= count; i++) {
				const user = await createMember(db, SYSTEM_ACTOR, {
					email: `${role}${i}@bench.local`,
					name: `${role} ${i}`,
					password: 'Banc-d-essai-2026-charge!',
					role,
					orgId: org.id
				});
				members.push({ id: user.id, role, token: createSession(db, user.id).token });
			}
		}
		const editors = members.filter((m) => EDITOR_ROLES.includes(m.role));
		const assessments: string[] = [];
		const screeningVersions: Record<string, number> = {};
		for (let i = 0; i < assessmentCount; i++) {
			const author = editors[i % editors.length]!;
			const row = createAssessment(
				db,
				{
					userId: author.id,
					label: `${author.role}@bench.local`,
					role: author.role,
					orgId: org.id
				},
				{
					orgId: org.id,
					title: `Réservation de consultations ${i + 1}`,
					description: '',
					template: 'booking'
				},
				'fr'
			);
			assessments.push(row.id);
			screeningVersions[row.id] = steps.getStep(db, row.id, 'screening')!.version;
		}
		return { dataDir, members, assessments, screeningVersions };
	} finally {
		db.$client.close();
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

export interface RunningApp {
	pid: number;
	url: string;
	/** The origin the app believes it is served at: the Origin header of form posts. */
	origin: string;
	stop: () => Promise<void>;
}

/**
 * Starts the built app (run `npm run build` first) on the workload's data directory.
 * `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…'] to see where the app spends its time.
 */
export async function startApp(
	dataDir: string,
	nodeArgs: string[] = [],
	env: Record<string, string> = {}
): Promise<RunningApp> {
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			WORKBENCH_DATA_DIR: dataDir,
			WORKBENCH_DEMO: '0',
			NODE_ENV: 'production',
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('the app did not start within 30 s')), 30_000);
		child.once('exit', (code) => reject(new Error(`the app exited with code ${code}`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('DPIA workbench:')) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
	// The init hook prints before the server listens; wait until it answers.
	for (let i = 0; ; i++) {
		try {
			await fetch(`${url}/login`);
			break;
		} catch (e) {
			if (i > 100) throw e;
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return {
		pid: child.pid!,
		url,
		origin: url,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
