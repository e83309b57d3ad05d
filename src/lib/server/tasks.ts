import { eq } from 'drizzle-orm';
import type { Role } from '$lib/domain/roles';
import { isCurrent, latestOf } from '$lib/domain/signoff';
import {
	REVIEW_CHANGED,
	reviewChangedHref,
	addDays,
	conditionFallsTo,
	decisionAwaits,
	DUE_WINDOW_DAYS,
	dueState,
	findingWaits,
	kindsAnswering,
	opinionsAskedOf,
	ownerIsUser,
	reviewsFallTo,
	stepTaskKind,
	taskHref,
	type Task,
	type TaskKind
} from '$lib/domain/tasks';
import { assessments } from './db/schema';
import { contentHash, currentContent } from './content';
import { parseSettings, type OrgSettings } from './org-settings';
import { todayIso } from './action-plan';
import * as q from './tasks-queries';
import type { CurrentUser } from './access';
import type { Db } from './db';

/**
 * Everything waiting for the user, across all their organisations; in each one, their
 * role there decides. Archived assessments produce no task. Reads a fixed number of
 * set-based queries whatever the number of assessments; the only per-assessment work is
 * the content hash of an assessment collecting opinions where the user's opinion kind was
 * already signed (to tell a current signature from a stale one).
 */
export function tasksFor(db: Db, user: CurrentUser, today = todayIso()): Task[] {
	const orgIds = user.memberships.map((m) => m.orgId);
	if (!orgIds.length) return [];
	const member = new Map(user.memberships.map((m) => [m.orgId, m]));
	const byId = new Map(q.openAssessments(db, orgIds).map((a) => [a.id, a]));
	const tasks: Task[] = [];
	const add = (
		kind: TaskKind,
		assessmentId: string,
		extra: Partial<Pick<Task, 'subject' | 'opinion' | 'dueDate' | 'overdue'>> = {},
		step: string | null = null
	) => {
		const a = byId.get(assessmentId);
		if (!a) return;
		tasks.push({
			kind,
			assessmentId,
			assessmentTitle: a.title,
			orgName: member.get(a.orgId)?.orgName ?? '',
			href: taskHref(kind, assessmentId, step),
			subject: null,
			opinion: null,
			dueDate: null,
			overdue: false,
			...extra
		});
	};
	const roleFor = (assessmentId: string): Role | undefined => {
		const a = byId.get(assessmentId);
		return a && member.get(a.orgId)?.role;
	};

	for (const s of q.stepsWaiting(db, orgIds)) {
		const a = byId.get(s.assessmentId);
		const role = roleFor(s.assessmentId);
		const kind = a && role && stepTaskKind(role, a.status, s.status);
		if (kind) add(kind, s.assessmentId, { subject: s.step }, s.step);
	}

	const settings = settingsOf(db, orgIds);
	for (const t of opinionTasks(db, byId, member, settings)) add('sign_opinion', t.assessmentId, t);

	for (const a of byId.values())
		if (decisionAwaits(member.get(a.orgId)!.role, a.status)) add('sign_decision', a.id);

	const limit = addDays(today, DUE_WINDOW_DAYS);
	// A reported change calls for the review now, whatever its date (art. 35(11)): one task
	// per assessment, saying so, with the date when one falls due too.
	const changed = new Set(q.reviewsBroughtForward(db, orgIds).map((r) => r.assessmentId));
	const review = (assessmentId: string, date: { dueDate: string; overdue: boolean } | null) => {
		const role = roleFor(assessmentId);
		if (!role || !reviewsFallTo(role)) return;
		if (!changed.has(assessmentId)) return add('review_due', assessmentId, date ?? {});
		add('review_due', assessmentId, { ...date, subject: REVIEW_CHANGED });
		tasks[tasks.length - 1]!.href = reviewChangedHref(assessmentId);
		changed.delete(assessmentId);
	};
	for (const r of q.reviewsBefore(db, orgIds, limit)) {
		const due = dueState(r.reviewDate, today);
		if (due) review(r.assessmentId, { dueDate: r.reviewDate, overdue: due === 'overdue' });
	}
	for (const assessmentId of [...changed]) review(assessmentId, null);
	for (const c of q.conditionsBefore(db, orgIds, limit)) {
		const role = roleFor(c.assessmentId);
		const due = dueState(c.dueDate, today);
		const owned = ownerIsUser(String(c.owner ?? ''), user);
		if (role && due && conditionFallsTo(role, owned))
			add('condition_due', c.assessmentId, {
				subject: String(c.text ?? ''),
				dueDate: c.dueDate,
				overdue: due === 'overdue'
			});
	}
	for (const m of q.measuresOverdue(db, orgIds, today, user))
		if (ownerIsUser(m.owner, user))
			add('overdue_action', m.assessmentId, {
				subject: m.title,
				dueDate: m.dueDate,
				overdue: true
			});

	for (const f of q.findingsOpen(db, orgIds)) {
		const a = byId.get(f.assessmentId);
		const role = roleFor(f.assessmentId);
		if (a && role && findingWaits(role, a.status, f.status))
			add('open_finding', f.assessmentId, { subject: f.title });
	}
	return tasks;
}

function settingsOf(db: Db, orgIds: string[]): Map<string, OrgSettings> {
	return new Map(q.orgSettingsRows(db, orgIds).map((r) => [r.id, parseSettings(r.settings)]));
}

/**
 * The opinions asked of the user's role that no current signature answers yet. A slot with
 * no signature at all is pending without reading the content; one with a signature needs
 * the content hash, computed once per assessment and only then.
 */
function opinionTasks(
	db: Db,
	byId: Map<string, q.OpenAssessment>,
	member: Map<string, { role: Role }>,
	settings: Map<string, OrgSettings>
): (Pick<Task, 'opinion'> & { assessmentId: string })[] {
	const collecting = [...byId.values()].filter((a) => a.status === 'opinions');
	if (!collecting.length) return [];
	const orgIds = [...new Set(collecting.map((a) => a.orgId))];
	const given = new Map<string, ReturnType<typeof q.opinionsGiven>>();
	for (const s of q.opinionsGiven(db, orgIds)) {
		const list = given.get(s.assessmentId);
		if (list) list.push(s);
		else given.set(s.assessmentId, [s]);
	}
	const out: (Pick<Task, 'opinion'> & { assessmentId: string })[] = [];
	for (const a of collecting) {
		const org = settings.get(a.orgId);
		const extras = org?.extraOpinions ?? [];
		const asked = opinionsAskedOf(member.get(a.orgId)!.role, a.status, extras);
		const sigs = given.get(a.id) ?? [];
		let hash: string | undefined;
		const hashOf = () => (hash ??= contentHash(currentContent(db, loadAssessment(db, a.id))));
		for (const slot of asked) {
			const answers = kindsAnswering(slot.kind)
				.map((k) => latestOf(sigs, k, slot.extraKey))
				.filter((s) => s !== undefined);
			if (answers.some((s) => isCurrent(s, hashOf()))) continue;
			const label = extras.find((e) => e.key === slot.extraKey)?.label ?? null;
			out.push({ assessmentId: a.id, opinion: { ...slot, label } });
		}
	}
	return out;
}

function loadAssessment(db: Db, id: string) {
	return db.select().from(assessments).where(eq(assessments.id, id)).get()!;
}

/** The signed-in user's to-do list (only /tasks computes it: it is too costly for every page). */
export function tasksOfRequest(db: Db, user: CurrentUser): Task[] {
	return tasksFor(db, user);
}
